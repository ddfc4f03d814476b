/**
 * The events of a case: past tense, dotted, each with the payload of its current version (see
 * `upcasters.ts` for the versions and docs/events.md for how to change a shape). Each is a complete description of a state change,
 * so that `evolve` needs no definition and replaying the log rebuilds the state (the log is also the
 * audit trail an approval system must keep).
 */
import type { DefinitionRef, MultiInstanceBody } from './state.js';
import type { Json, ReasonCode, RejectResume, SignerMode, TaskInfo, Variables } from './types.js';

/** The payload fields of every event type (besides `type`, `v`, `seq`, `at`, `actor`). */
export interface EventPayloads {
  'case.started': {
    caseId: string;
    definition: DefinitionRef & { processId: string };
    variables: Variables;
  };
  'case.completed': Record<string, never>;
  /** A terminate end event ended the case's process (BPMN 2.0.2 §10.5.3). */
  'case.terminated': { elementId: string };
  'case.cancelled': { reason: string };
  'case.suspended': { reason: string } & ReasonCode;
  'case.resumed': { reason?: string } & ReasonCode;
  /** 退回: live tokens of `scope` were terminated and `toElementId` is activated again. */
  'case.returned': { toElementId: string; reason: string; scope: string } & ReasonCode;
  'element.activated': {
    key: string;
    el: string;
    scope?: string;
    /** The sequence flow that brought the token. */
    flow?: string;
    /** Joining gateways: the arrivals (incoming flow ids) this activation consumed. */
    consumed?: string[];
    mainLine?: true;
    vars?: Variables;
    def?: DefinitionRef;
    body?: MultiInstanceBody;
  };
  'element.completed': {
    key: string;
    el: string;
    /** Multi-instance inner instance: its output element, stored at `index` of the body's outputs. */
    output?: Json;
    index?: number;
  };
  'element.terminated': { key: string; el: string };
  /** An interrupting event subprocess took over the scope; its other tokens were terminated before. */
  'scope.interrupted': { key: string; by: string };
  /** A terminate end event discarded the tokens waiting at the scope's joins (§10.5.3). */
  'scope.cleared': { key: string };
  /** A sequence flow was taken; `join` names the joining gateway where the token now waits. */
  'flow.taken': { flow: string; scope: string; join?: string };
  /** Variables set on a scope: `scope` absent = the case variables. */
  'variables.set': { scope?: string; variables: Variables };
  'task.created': { task: TaskInfo };
  'task.claimed': { taskId: string; assignee: string };
  /** `auto`: nobody worked it: no approver (empty), the same approver as before (repeat), or its timeout passed it. */
  'task.completed': { taskId: string; outcome?: string; opinion?: string; variables?: Variables; auto?: 'empty' | 'repeat' | 'timeout' };
  /** A step's timeout came: the assignee was reminded, the step passed, or it went up to `to` (the leader). */
  'task.timed-out': { taskId: string; action: 'remind' | 'pass' | 'escalate'; to?: string };
  'task.cancelled': { taskId: string };
  'decision.completed': { taskId: string; result: Json };
  'timer.scheduled': {
    timerId: string;
    key: string;
    el: string;
    owner: string;
    dueAt: string;
    /** v2: a `timeCycle` timer's period and the firings left after this one (-1: for ever). v1 had `repeat`, `every`. */
    cycle?: { every: string; remaining: number };
  };
  'timer.fired': { timerId: string; key: string };
  'timer.cancelled': { timerId: string; key: string };
  'message.correlated': { name: string; key: string; el: string; variables?: Variables };
  'error.thrown': { errorCode: string; from: string; caughtBy: string };
  // The operations on a task (转办, 委派, 加签, 减签, 驳回, 拿回):
  'task.transferred': { taskId: string; from?: string; to: string; reason: string } & ReasonCode;
  'task.delegated': { taskId: string; owner: string; to: string; reason: string };
  'task.resolved': { taskId: string; owner: string; by: string; opinion?: string };
  /**
   * 加签: `tasks` are the new instances' tasks (parallel), in the order of `signers`. `owner` (before and after)
   * is who holds the step: its owner or assignee, or the adder taking a step no one had claimed. Events logged
   * before it was written have none; the step's owner or assignee is then the holder, as they were.
   */
  'task.signers-added': { taskId: string; mode: SignerMode; signers: string[]; reason: string; scope?: string; items?: Json[]; tasks?: string[]; owner?: string };
  /** 减签: `tasks` are the parallel instances terminated. */
  'task.signers-removed': { taskId: string; signers: string[]; reason: string; scope?: string; tasks?: string[] };
  /** A signer signed; the step goes on to `next` instead of completing. */
  'task.signed': { taskId: string; by?: string; next: string; outcome?: string; opinion?: string };
  /** A task handed to a named user at its opening (a reclaimed step, a parallel signer). */
  'task.assigned': { taskId: string; assignee: string };
  /** 驳回 from `taskId` to `toElementId` in `scope` (the `case.returned` follows). */
  'task.rejected': { taskId: string; el: string; toElementId: string; resume: RejectResume; reason: string; scope: string };
  /** 驳回 back-to-me: `after` was done again in `scope`, so the case went straight on to `to`. */
  'rejection.resumed': { scope: string; after: string; to: string };
  /** 拿回: the next steps were withdrawn, the consumed join arrivals put back, and `el` opened again. */
  'task.reclaimed': { taskId: string; el: string; scope: string; by?: string; reason: string; withdrawn: string[]; restore?: Record<string, Record<string, string[]>>; resumeTo?: string };
}

/** The type names of all events. */
export type EventType = keyof EventPayloads;
