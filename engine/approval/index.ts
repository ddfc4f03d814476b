/**
 * The approval case aggregate (pure): an item's BPMN process plus the case lifecycle from application to
 * evaluation, with the legal clocks of engine/clocks. `approvalStep` decides, `approvalEvolve` applies,
 * `approvalReplay` rebuilds; `approvalEngine` fits the runtime's `Engine` port.
 */
export { approvalStep, type ApprovalStepResult } from './step.js';
export { approvalEvolve, approvalReplay } from './evolve.js';
export { initialApprovalState } from './state.js';
export type * from './state.js';
export type { ItemSnapshot, CoDepartmentSpec, StepLimitSpec } from './item-snapshot.js';
export type { ApprovalCommand, ApprovalCommandType, LifecycleCommand, PassThroughCommand } from './commands.js';
export type { ApprovalEventPayloads, ApprovalEventType, LifecycleHead } from './events.js';
export { APPROVAL_EVENT_TYPES } from './events.js';
export { APPROVAL_EVENT_VERSIONS, upcastLogEvent } from './upcasters.js';
export type { ApprovalRefusal as ApprovalRejection, ApprovalRefusalCode as ApprovalRejectionCode, HearingRefusalCode as HearingRejectionCode } from './refusal.js';
export { SPGL, type SpglStatus } from './status.js';
export { summarize } from './summary.js';
export { timeline, type TimelineEntry } from './timeline.js';
export { approvalEngine } from './engine.js';
export { caseLight, departmentLights, computeCaseDeadlines, isWindowTimer, supervisedSteps } from './clocks.js';
export { stepLights, taskLights } from './step-clocks.js';
export { clockLights, statutoryLight, taskClock, type ClockLight, type ClockKind } from './clock-lights.js';
export * from './documents/index.js';
export { certificateText, defaultCertificateNumber, type CertificateContent } from './certificate.js';
export { EVALUATION_GRADES, type EvaluationGrade } from './evaluation.js';
