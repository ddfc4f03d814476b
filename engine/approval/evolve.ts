/**
 * `approvalEvolve(state, event)`: the only place an approval case changes. Lifecycle events go to their
 * appliers; the core's BPMN events go to `engine/core`'s `evolve`. Both share one log, so the process's
 * `seq` follows every event and the core numbers its own events after the lifecycle's.
 */
import { evolve } from '../core/index.js';
import type { CaseEvent } from '../core/types.js';
import { upcast } from '../core/versions.js';
import { afterAppliers } from './appliers/after.js';
import type { Applier, LifecycleEvent } from './appliers/applier.js';
import { handlingAppliers } from './appliers/handling.js';
import { hearingAppliers } from './appliers/hearing.js';
import { intakeAppliers } from './appliers/intake.js';
import { operationAppliers } from './appliers/operations.js';
import { APPROVAL_EVENT_TYPES, type ApprovalEventType } from './events.js';
import { APPROVAL_EVENT_VERSIONS } from './upcasters.js';
import { initialApprovalState, type ApprovalCaseState, type ApprovalState } from './state.js';

const appliers = { ...intakeAppliers, ...handlingAppliers, ...hearingAppliers, ...afterAppliers, ...operationAppliers } as Record<string, Applier<ApprovalEventType>>;

/** The lifecycle state a `case.applied` event opens. */
function opened(e: LifecycleEvent<'case.applied'>): ApprovalState {
  return {
    caseNo: e.caseNo,
    status: 1,
    phase: 'received',
    item: structuredClone(e.item),
    channel: e.channel,
    applicant: structuredClone(e.applicant),
    ...(e.agent ? { agent: structuredClone(e.agent) } : {}),
    facts: structuredClone(e.facts),
    receivedAt: e.at,
    receivedOn: e.receivedOn,
    window: structuredClone(e.window),
    windows: 1,
    requiredMaterials: structuredClone(e.requiredMaterials),
    materials: structuredClone(e.materials),
    corrections: [],
    ledger: [],
    coDepartments: [],
    fees: { ...structuredClone(e.fees), payments: [] },
    supervision: [],
    lastAt: e.at,
    ...(e.channel === 'window' && e.actor ? { starter: e.actor.id } : {}),
  };
}

/** Applies one event to a draft in place; for `approvalStep` and `approvalReplay`, which own their draft. */
export function applyApprovalEvent(draft: ApprovalCaseState, event: CaseEvent): void {
  if (!APPROVAL_EVENT_TYPES.has(event.type)) {
    draft.process = evolve(draft.process, event);
    if (draft.approval) draft.approval.lastAt = event.at;
    return;
  }
  // The appliers read the current version of each type; older events stored in the log are raised first.
  const e = upcast(event, APPROVAL_EVENT_VERSIONS) as LifecycleEvent<ApprovalEventType>;
  if (e.type === 'case.applied') {
    draft.approval = opened(e as LifecycleEvent<'case.applied'>);
  } else {
    if (!draft.approval) throw new Error(`Event '${e.type}' before the application`);
    appliers[e.type]!(draft.approval, e);
  }
  if (typeof e.status === 'number') draft.approval.status = e.status;
  draft.approval.lastAt = e.at;
  draft.process.seq = e.seq;
}

/** Returns the state after `event`. Pure: the input state is not changed. */
export function approvalEvolve(state: ApprovalCaseState, event: CaseEvent): ApprovalCaseState {
  const draft = structuredClone(state);
  applyApprovalEvent(draft, event);
  return draft;
}

/** Rebuilds an approval case from its log, oldest first. */
export function approvalReplay(events: readonly CaseEvent[]): ApprovalCaseState {
  const draft = initialApprovalState();
  for (const event of events) applyApprovalEvent(draft, event);
  return draft;
}
