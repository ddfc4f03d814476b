/**
 * The lifecycle events of an approval case: past tense, dotted, versioned (`upcasters.ts`). Each carries who (`actor`),
 * when (`at`), what (its type and payload) and why (`why`), so that the timeline reads in order. They share
 * one log with the core's BPMN events.
 */
import type { GrantedExtension } from '../clocks/extension.js';
import type { Light } from '../clocks/lights.js';
import type { SupervisionRecord } from '../clocks/supervision.js';
import type { SuspensionEntry } from '../clocks/suspension-ledger.js';
import type { Deadline } from '../clocks/types.js';
import type {
  AcceptanceRecord, Application, CaseDeadlines, CertificateRecord, CorrectionRecord, DecisionRecord,
  DeliveryRecord, HandlingCorrection, MaterialRef, NoticeItem, PreAcceptanceWindow,
} from './state.js';
import type { CopyRecord, UrgeRecord } from './task-notes.js';
import type { EvaluationGrade } from './evaluation.js';
import type { SpglStatus } from './status.js';

/** The payload of each lifecycle event (besides `type`, `v`, `seq`, `at`, `actor`, `why`, `status`). */
export interface ApprovalEventPayloads {
  'case.applied': Application & {
    window: PreAcceptanceWindow;
    /** The day of receipt in the calendar's zone. */
    receivedOn: string;
  };
  'correction.notified': { notice: CorrectionRecord };
  'correction.supplied': { no: number; materials: MaterialRef[]; window: PreAcceptanceWindow };
  'case.accepted': { acceptance: AcceptanceRecord };
  'case.rejected': { reasons: NoticeItem[]; rejectedOn: string };
  /** The department started handling: the BPMN process starts right after. */
  'handling.started': Record<string, never>;
  'deadlines.computed': { deadlines: CaseDeadlines };
  'special-procedure.started': { entry: SuspensionEntry };
  'special-procedure.ended': { entry: SuspensionEntry; result?: string };
  'extension.approved': { granted: GrantedExtension };
  'hearing.notified': { reason: string; basis: string; parties: string[]; requestBy: Deadline };
  'hearing.requested': { holdBy: Deadline; procedureId: string };
  'hearing.scheduled': { day: string; time?: string; place: string; noticeOn: string };
  'hearing.held': { heldOn: string; record: string; onTime: boolean };
  'hearing.waived': { by: string; all: boolean };
  'hearing.ended': { endedOn: string; reason: string };
  'co-department.started': { department: string; taskId: string };
  /** A step with its own limit started (第43条 lower-level review) or its task ended. */
  'step-clock.started': { step: string; taskId: string; department?: string };
  'step-clock.stopped': { step: string; taskId: string };
  'co-department.completed': { department: string; outcome: 'approved' | 'refused'; opinion?: string };
  /** One signer of a co-department's 会签 (a multi-instance step) signed while others of it still sign. */
  'co-department.signed': { department: string; outcome: 'approved' | 'refused'; opinion?: string };
  'case.decided': { decision: DecisionRecord; delivery: Deadline };
  /** 办结: the process ended; `status` is 11, 12 or 13. */
  'case.concluded': Record<string, never>;
  'case.withdrawn': { reason: string };
  'case.revoked': { reason: string; basis: string };
  'payment.confirmed': { amount: number; reference: string };
  'certificate.issued': { certificate: CertificateRecord };
  'delivery.recorded': { delivery: DeliveryRecord };
  'evaluation.requested': { grades: EvaluationGrade[] };
  'case.evaluated': { grade: number; comment?: string };
  'rectification.opened': { due: Deadline };
  'rectification.completed': { note: string };
  'light.changed': { from: Light | null; to: Light; on: string; elapsed: number; limit: number };
  'supervision.recorded': { record: SupervisionRecord };
  /** A new calendar changed an open clock's deadline: moved it, or confirmed it (no longer provisional). */
  // The operations on a task:
  'task.urged': { urge: UrgeRecord };
  /** 驳回 to the applicant: the case waits for the applicant's corrections, told once (一次性告知). */
  'correction.requested': { correction: HandlingCorrection };
  /** The applicant supplied the corrections asked for by a 驳回; handling goes on. */
  'correction.resubmitted': { materials: string[]; on: string };
  'task.copied': { copy: CopyRecord };
  /** A return before the decision reopened the joint review: the co-departments' branches start afresh. */
  'co-department.withdrawn': { departments: string[] };
  'deadline.recalculated': {
    /** The clock: `statutory`, `promised`, `delivery`, `pre-acceptance`, `co-department:<dept>`, `hearing:…`, `step:<id>`. */
    clock: string;
    oldDate: string;
    newDate: string;
    /** The calendar version of the old deadline, and of the new one. */
    fromVersion: string;
    toVersion: string;
    change: 'moved' | 'confirmed';
    deadline: Deadline;
  };
}

/** The lifecycle event type names. */
export type ApprovalEventType = keyof ApprovalEventPayloads;

/** The fields every lifecycle event may carry besides its payload. */
export interface LifecycleHead {
  /** Why it happened: the reason given, or the rule and article that made it happen. */
  why?: string;
  /**
   * The stable code of an explanation the engine gives itself (`contracts/messages/timeline.ts`), with its
   * parameters, so the pages word it; `why` keeps the English record for the log.
   */
  whyCode?: string;
  whyParams?: Readonly<Record<string, string | number>>;
  /** The SPGL status the event moves the case to. */
  status?: SpglStatus;
}

/** An explanation the engine writes itself: the log's English record and the code the pages word it by. */
export interface Explanation {
  why: string;
  whyCode: string;
  whyParams?: Readonly<Record<string, string | number>>;
}

/**
 * The explanation of an event a person may word: their text (a note, a comment) shown as typed, or without
 * one the engine's own explanation by code.
 */
export function typedOr(typed: string | undefined, coded: Explanation): { why: string } | Explanation {
  return typed ? { why: typed } : coded;
}

const TYPES: readonly ApprovalEventType[] = [
  'case.applied', 'correction.notified', 'correction.supplied', 'case.accepted', 'case.rejected', 'handling.started',
  'deadlines.computed', 'special-procedure.started', 'special-procedure.ended', 'extension.approved',
  'hearing.notified', 'hearing.requested', 'hearing.scheduled', 'hearing.held', 'hearing.waived', 'hearing.ended',
  'co-department.started', 'co-department.completed', 'step-clock.started', 'step-clock.stopped', 'case.decided', 'case.concluded', 'case.withdrawn',
  'case.revoked', 'payment.confirmed', 'certificate.issued', 'delivery.recorded', 'case.evaluated',
  'rectification.opened', 'rectification.completed', 'light.changed', 'supervision.recorded', 'deadline.recalculated',
  'task.urged', 'task.copied', 'co-department.withdrawn', 'co-department.signed', 'evaluation.requested',
  'correction.requested', 'correction.resubmitted',
];

/** The lifecycle event types, for telling them from the core's events in the shared log. */
export const APPROVAL_EVENT_TYPES: ReadonlySet<string> = new Set(TYPES);
