/**
 * The executable model: what `definitions/` compiles a BPMN process into and what the engine core runs.
 * Immutable, plain JSON, indexed by element id. Expressions are kept as FEEL source text that was already
 * checked at deploy (see `engine/expression`), so the core never meets one that does not parse.
 */

/** The BPMN element types the engine runs. Anything else is refused at deploy. */
export type NodeKind =
  | 'startEvent'
  | 'endEvent'
  | 'intermediateCatchEvent'
  | 'intermediateThrowEvent'
  | 'boundaryEvent'
  | 'userTask'
  | 'manualTask'
  /** An abstract task with no type: passes the token on at once (see `engine/core/elements/task.ts`). */
  | 'task'
  | 'serviceTask'
  | 'businessRuleTask'
  | 'sendTask'
  | 'receiveTask'
  | 'subProcess'
  | 'callActivity'
  | 'exclusiveGateway'
  | 'parallelGateway'
  | 'inclusiveGateway'
  | 'eventBasedGateway';

import type { Limit } from '../clocks/types.js';
import type { CandidateRule } from './organisation.js';

/** A limit counted in working days (WD) or calendar days (CD), or an ISO 8601 duration (`P3D`, `PT4H`). */
export type TimeLimit = Limit | { duration: string };

/** How a timer event computes when it fires (BPMN 2.0.2 §10.5.3, plus working-day limits). */
export type TimerSpec =
  /** `timeDate`: an ISO 8601 date-time, or a FEEL expression (leading `=`) giving one. */
  | { type: 'date'; expression: string }
  /** `timeDuration`: an ISO 8601 duration, or a FEEL expression giving one. */
  | { type: 'duration'; expression: string }
  /** `timeCycle`: ISO 8601 repeating interval `R[n]/[start/]duration`, or a FEEL expression giving one. */
  | { type: 'cycle'; expression: string }
  /** A limit in working or calendar days from activation (`approval:timeLimit` on the timer event). */
  | { type: 'limit'; limit: TimeLimit };

/** The trigger of an event (BPMN 2.0.2 §10.5). One per event: multiple event definitions are refused. */
export type EventDefinition =
  | { kind: 'none' }
  | { kind: 'message'; messageName: string }
  | { kind: 'timer'; timer: TimerSpec }
  /** `errorCode` absent on a catch event means "catch every error". */
  | { kind: 'error'; errorCode?: string }
  | { kind: 'terminate' };

/** 票签: each signer's weight (default 1) and the share of the total weight whose approval passes the step. */
export interface VoteSpec {
  weights: Record<string, number>;
  /** Between 0 and 1: 0.5 is a simple majority of the weight, 2/3 a qualified one. */
  pass: number;
  /** The outcome that counts as a yes; any other outcome counts as a no. */
  approve: string;
}

/** What happens when a step is not done in time, counted from its opening (working days on the official calendar). */
export interface TimeoutSpec {
  action: 'remind' | 'pass' | 'escalate';
  after: TimeLimit;
}

/** The department/role side of an approval step (the `approval` moddle extension). */
export interface ApprovalSpec {
  department?: string;
  role?: string;
  candidateGroups?: string[];
  /** accept | review | decide | issue | other stage names a locality uses. */
  stage?: string;
  timeLimit?: TimeLimit;
  /** A special procedure this step runs (SITE_CHECK, EXPERT …) and whether it counts toward each limit. */
  specialProcedure?: {
    kind: string;
    countsTowardStatutory: boolean;
    countsTowardPromised: boolean;
  };
  /** Joint approval (并联审批) settings, on a multi-instance activity over the co-departments. */
  joint?: {
    leadDepartment?: string;
    coDepartments: string[];
    completion: 'all' | 'any';
  };
  /** Who may hold the step, resolved over the organisation when its task is created. */
  candidates?: CandidateRule;
  /** The rule finds nobody: pass the step on, hand it to the department's admins, or refuse the command. */
  emptyApprover?: 'pass' | 'admin' | 'refuse';
  /** 自动去重: the step passes when the one who approved the step before is among its candidates. */
  skipRepeatApprover?: boolean;
  /** Separation of duties: whoever completed one of these elements in the case may not hold this step. */
  separateFrom?: string[];
  /** 票签 on a multi-instance step. */
  vote?: VoteSpec;
  /** Remind, pass or escalate the step after a time. */
  timeout?: TimeoutSpec;
  /** 抄送 step (a send task): read-only copies of the case to these users, positions' holders and departments. */
  cc?: CarbonCopySpec;
}

/** Who a 抄送 step copies the case to; positions are resolved to their holders when the step runs. */
export interface CarbonCopySpec {
  users: string[];
  positions: string[];
  departments: string[];
  note?: string;
}

/** One variable mapping: evaluate `source` (FEEL) and store it as `target`. */
export interface VariableMapping {
  source: string;
  target: string;
}

/** Multi-instance loop characteristics (BPMN 2.0.2 §10.3.8), with the collection extension. */
export interface MultiInstanceSpec {
  sequential: boolean;
  /** FEEL giving the list to iterate over (e.g. `coDepartments`). Either this or `cardinality`. */
  collection?: string;
  /** FEEL giving the number of instances. */
  cardinality?: string;
  /** Name of the local variable holding the current element of the collection. */
  elementVariable?: string;
  /** FEEL evaluated after each completed instance; true cancels the remaining ones. */
  completionCondition?: string;
  /** FEEL evaluated in each instance on completion; collected in instance order into `outputCollection`. */
  outputElement?: string;
  outputCollection?: string;
}

/** A flow node of the executable model. */
export interface NodeDef {
  readonly id: string;
  readonly kind: NodeKind;
  readonly name?: string;
  /** Id of the enclosing scope: the process id or the id of a subProcess node. */
  readonly scopeId: string;
  readonly incoming: readonly string[];
  readonly outgoing: readonly string[];
  /** Default flow of an exclusive or inclusive gateway, or of an activity (BPMN 2.0.2 §10.2.1). */
  readonly defaultFlow?: string;
  readonly event?: EventDefinition;
  /** Boundary events: the activity they are attached to, and whether they interrupt it. */
  readonly attachedTo?: string;
  readonly cancelActivity?: boolean;
  /** Ids of boundary events attached to this activity. */
  readonly boundaryEvents?: readonly string[];
  /** Event subprocess start events: whether they interrupt the enclosing scope. */
  readonly isInterrupting?: boolean;
  /** True for an event subprocess (`triggeredByEvent`). */
  readonly triggeredByEvent?: boolean;
  readonly approval?: ApprovalSpec;
  readonly multiInstance?: MultiInstanceSpec;
  readonly inputs?: readonly VariableMapping[];
  readonly outputs?: readonly VariableMapping[];
  /** Service task: name of a built-in action in the action registry (`notify-applicant`, `issue-certificate` …). */
  readonly action?: string;
  /** Business rule task: the rule table evaluated through the decision port. */
  readonly decisionRef?: string;
  /** Send / receive task: the message name. */
  readonly messageName?: string;
  /** Call activity: the called definition key, and a pinned version or the latest. */
  readonly calledElement?: { key: string; version: number | 'latest' };
}

/** A sequence flow. `condition` is FEEL source; absent means unconditional. */
export interface FlowDef {
  readonly id: string;
  readonly name?: string;
  readonly sourceId: string;
  readonly targetId: string;
  readonly condition?: string;
}

/** A scope that holds flow nodes: the process itself or a subProcess. */
export interface ScopeDef {
  readonly id: string;
  /** Direct children (flow nodes whose scopeId is this scope). */
  readonly children: readonly string[];
  /** Start events of this scope that are not inside an event subprocess. */
  readonly startEvents: readonly string[];
  /** Event subprocesses directly inside this scope. */
  readonly eventSubprocesses: readonly string[];
}

/** A compiled, deployable process definition. Immutable once compiled. */
export interface ExecutableDefinition {
  /** The deployment key: an item's implementation code, or the BPMN process id when deployed alone. */
  readonly key: string;
  readonly version: number;
  readonly processId: string;
  readonly name?: string;
  readonly nodes: Readonly<Record<string, NodeDef>>;
  readonly flows: Readonly<Record<string, FlowDef>>;
  /** Keyed by the process id and by the id of every subProcess. */
  readonly scopes: Readonly<Record<string, ScopeDef>>;
}
