/**
 * The contract of the pure engine core:
 *   step(definition, state, command, ctx) -> { state, events, effects } | refusal
 *   evolve(state, event) -> state
 * Everything here is plain JSON so that states, events and effects can be stored and replayed as they are.
 */
import type { WorkingCalendar } from '../calendar/types.js';
import type { EvaluationBudget } from '../expression/budget.js';
import type { ExecutableDefinition } from './model.js';
import type { OrgSnapshot } from './organisation.js';

/** A JSON value. */
export type Json = null | boolean | number | string | Json[] | { [key: string]: Json };
/** Case or local variables. */
export type Variables = Record<string, Json>;

/** Who issued a command: a real-name user, or the system (timers, the poller). */
export interface Actor {
  id: string;
  name?: string;
  department?: string;
  roles?: string[];
}

/** What `step` needs from outside besides the definition and state. Time and calendar are inputs. */
export interface EngineContext {
  /** The current instant, ISO 8601 with offset or `Z`. */
  now: string;
  calendar: WorkingCalendar;
  /** Resolves another deployed definition for a call activity; `undefined` when there is none. */
  resolveDefinition?: (key: string, version: number | 'latest') => ExecutableDefinition | undefined;
  /** What the command's expressions may spend (limits and a deadline on the runtime's monotonic clock). */
  budget?: EvaluationBudget;
  /** The organisation a step's candidate rule is resolved over; without it a rule finds nobody. */
  org?: OrgSnapshot;
  /**
   * Signs a result document with its issuing department's e-seal key (电子印章). The runtime holds the keys;
   * the engine only hands over the canonical text to sign. Without it a certificate is recorded unsealed.
   */
  sealer?: Sealer;
}

/** An e-seal signature over a canonical text, as the issuing department's key made it. */
export type Seal = {
  /** `SM2-SM3` (GB/T 32918 signature over SM3, default user id) or `Ed25519` where OpenSSL lacks SM2. */
  algorithm: 'SM2-SM3' | 'Ed25519';
  /** The department whose key signed. */
  signer: string;
  /** The signing key's id: the first 16 hex digits of the SHA-256 of its public key (SPKI DER). */
  keyId: string;
  /** The signature, base64. */
  signature: string;
};

/** The runtime's signing port: synchronous, so a certificate is sealed in the same step that issues it. */
export interface Sealer {
  seal(signer: string, text: string): Seal;
}

/** Commands: imperative, dotted. Every command may carry the actor who issued it. */
/**
 * The code and parameters of a reason the caller wrote itself rather than a person typed (a layer above the
 * core words it for people); carried onto the event beside the reason.
 */
export interface ReasonCode {
  whyCode?: string;
  whyParams?: Readonly<Record<string, string | number>>;
}

export type Command =
  | { type: 'case.start'; caseId: string; variables?: Variables; startEventId?: string; actor?: Actor }
  | { type: 'task.claim'; taskId: string; assignee: string; actor?: Actor }
  | {
      type: 'task.complete';
      taskId: string;
      outcome?: string;
      opinion?: string;
      variables?: Variables;
      actor?: Actor;
    }
  /** Completes a business rule task after the runtime evaluated its rule table (effect `decision.evaluate`). */
  | { type: 'decision.complete'; taskId: string; result: Json; actor?: Actor }
  | { type: 'message.correlate'; name: string; variables?: Variables; actor?: Actor }
  | { type: 'timer.fire'; timerId: string; actor?: Actor }
  | ({ type: 'case.suspend'; reason: string; actor?: Actor } & ReasonCode)
  | ({ type: 'case.resume'; reason?: string; actor?: Actor } & ReasonCode)
  | { type: 'case.cancel'; reason: string; actor?: Actor }
  /** 退回: return the case to an earlier step (a flow node id that was already passed), with a reason. */
  | ({ type: 'case.return'; toElementId: string; reason: string; actor?: Actor } & ReasonCode)
  | TaskOperation;

/** How 加签 adds signers: before me, after me, or as more instances of the running multi-instance step. */
export type SignerMode = 'before' | 'after' | 'parallel';

/** Where a 驳回 resumes once the step it went back to is done again: along the flows, or straight back. */
export type RejectResume = 'through' | 'back-to-me';

/**
 * The operations staff do on a task (转办, 委派, 加签, 减签, 驳回, 拿回). Each names the task, a reason and
 * the actor: the actor must be the one holding the task (the previous approver for 拿回).
 */
export type TaskOperation =
  /** 转办: the new assignee owns the task; the step's due instant is kept. */
  | { type: 'task.transfer'; taskId: string; to: string; reason: string; actor?: Actor }
  /** 委派: the delegate works the task, then resolves it back to its owner, who completes it. */
  | { type: 'task.delegate'; taskId: string; to: string; reason: string; actor?: Actor }
  | { type: 'task.resolve'; taskId: string; opinion?: string; actor?: Actor }
  /** 加签. */
  | { type: 'task.add-signers'; taskId: string; signers: string[]; mode: SignerMode; reason: string; actor?: Actor }
  /** 减签: only signers added by 加签 that have not signed yet. */
  | { type: 'task.remove-signers'; taskId: string; signers: string[]; reason: string; actor?: Actor }
  /** 驳回: `to` is `previous` (the last step passed before this one) or the element id of a passed step. */
  | { type: 'task.reject'; taskId: string; to: string; resume: RejectResume; reason: string; actor?: Actor }
  /** 拿回: `taskId` is the task the actor completed; the step it handed over to must be untouched. */
  | { type: 'task.reclaim'; taskId: string; reason: string; actor?: Actor };

/** The type names of all commands. */
export type CommandType = Command['type'];

/**
 * An event: past tense, dotted, versioned. `at` is `ctx.now` of the step that produced it; `seq` is the
 * event's position in the case's log (1-based). The payload fields depend on the type.
 */
export interface CaseEvent {
  type: string;
  /** Payload schema version of this event type; appliers upcast older versions. */
  v: number;
  seq: number;
  at: string;
  actor?: Actor;
  [field: string]: Json | Actor | undefined;
}

/**
 * A task as the runtime projects it into its task table. Carried by the `task.created` event
 * (payload field `task`); `task.claimed`, `task.completed` and `task.cancelled` carry `taskId`.
 */
export interface TaskInfo {
  taskId: string;
  elementId: string;
  name?: string;
  kind: 'userTask' | 'manualTask' | 'receiveTask' | 'businessRuleTask';
  department?: string;
  role?: string;
  candidateGroups?: string[];
  /** The users a candidate rule resolved to at creation: only they hold the step (transfers stay among them). */
  candidates?: string[];
  stage?: string;
  assignee?: string;
  /** Due instant computed from the step's time limit and the calendar; absent when the step has none. */
  dueAt?: string;
  /** Multi-instance: the loop counter and the element of the collection (e.g. the co-department). */
  loopCounter?: number;
  element?: Json;
  /** 委派 / 加签: who owns the step while the assignee (the delegate, a signer) works it. */
  owner?: string;
  /** 委派: set while the delegate works the task; they resolve it back to the owner. */
  delegated?: true;
  /** 加签: the signers still to sign after the current assignee, in order (the owner among them for `before`). */
  queue?: string[];
  /** 加签: the signers the owner added (the only ones 减签 may remove, until they sign). */
  added?: string[];
  /** 加签 parallel: the task of the owner who added this instance's signer. */
  addedBy?: string;
  /** Set once anybody worked the task (claimed, transferred, delegated, signed): 拿回 needs it untouched. */
  touched?: true;
  /** 拿回: the task whose completion opened this one, when the handover can be undone. */
  prev?: Handover;
}

/** The completion that opened a task: what 拿回 needs to undo it. */
export interface Handover {
  taskId: string;
  el: string;
  /** The scope the completed step ran in. */
  scope: string;
  by?: string;
  /** The instance number before the completion: every live instance above it came from it or later. */
  since: number;
  /** Arrivals at joins the completion consumed from other branches, to put back: `{scope: {gateway: flows}}`. */
  restore?: Record<string, Record<string, string[]>>;
  /** The completion went straight back to a rejecting step (驳回 back-to-me): where it went. */
  resumedTo?: string;
}

/** Effects are requests to the outside world, performed by the runtime after commit. */
export type Effect =
  | { type: 'timer.schedule'; timerId: string; dueAt: string; elementId: string }
  | { type: 'timer.cancel'; timerId: string }
  /** Evaluate a rule table; the runtime answers with the `decision.complete` command. */
  | { type: 'decision.evaluate'; taskId: string; decisionRef: string; input: Variables }
  /** Run a built-in action of a service task (notify the applicant, issue a certificate …). */
  | { type: 'action.run'; action: string; elementId: string; input: Variables }
  /** A message throw event or send task. */
  | { type: 'message.send'; name: string; elementId: string; payload: Variables };

/** Expected refusals are values with a stable code; bugs throw. */
export interface Refusal<Code extends string = RefusalCode> {
  code: Code;
  /** "Expected task 't3' to be active, but it was completed" */
  message: string;
  details?: Record<string, Json>;
}

/** Stable refusal codes; the server maps each to an HTTP status. */
export type RefusalCode =
  | 'CASE_ALREADY_STARTED'
  | 'CASE_NOT_STARTED'
  | 'CASE_NOT_ACTIVE'
  | 'CASE_SUSPENDED'
  | 'CASE_NOT_SUSPENDED'
  | 'TASK_NOT_FOUND'
  | 'TASK_NOT_ACTIVE'
  | 'TASK_ASSIGNED_TO_OTHER'
  | 'TIMER_NOT_FOUND'
  | 'MESSAGE_NOT_EXPECTED'
  | 'START_EVENT_NOT_FOUND'
  | 'RETURN_TARGET_INVALID'
  | 'CALLED_DEFINITION_NOT_FOUND'
  | 'EXPRESSION_FAILED'
  /** An expression ran past the evaluation budget (iterations, sizes, depth or time). */
  | 'EVALUATION_BUDGET_EXCEEDED'
  | 'NO_FLOW_TAKEN'
  /** An error end event threw an error that no event subprocess or boundary event catches. */
  | 'UNHANDLED_ERROR'
  | 'INVALID_COMMAND'
  // The operations on a task:
  | 'TASK_DELEGATED'
  | 'TASK_NOT_DELEGATED'
  /** A signer added before the owner signs first: the owner acts again once they did. */
  | 'TASK_WITH_SIGNER'
  | 'SIGNERS_INVALID'
  | 'SIGNER_NOT_REMOVABLE'
  | 'REJECT_RESUME_INVALID'
  | 'RECLAIM_NOT_ALLOWED'
  /** A step's candidate rule found nobody and its empty-approver policy refuses to go on. */
  | 'NO_APPROVER'
  /** Separation of duties: the user completed a step this one must be kept apart from. */
  | 'SEPARATION_OF_DUTIES';

/** The result of `step`. */
export type StepResult<S, Code extends string = RefusalCode> =
  | { ok: true; state: S; events: CaseEvent[]; effects: Effect[] }
  | { ok: false; refusal: Refusal<Code> };
