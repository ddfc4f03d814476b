/**
 * The ports of the async runtime: what the case runner, the timer poller and the outbox dispatcher need from
 * the outside world. Adapters live in `server/` (e.g. `KnexCaseStore`); fakes live beside the tests.
 * Nothing here performs I/O itself, and nothing here knows a database.
 */
import type { Actor, CaseEvent, Command, Effect, EngineContext, Json, Refusal, StepResult, TaskInfo, Variables } from '../core/types.js';
import type { ExecutableDefinition } from '../core/model.js';
import type { EvaluationBudget } from '../expression/budget.js';

/** What the runner needs of any command: its type name, and who issued it. */
export interface RuntimeCommand {
  type: string;
  actor?: Actor;
}

/**
 * A pure engine as the runtime sees it; `engine/core` satisfies it with the core's commands, the approval
 * aggregate with its lifecycle commands, and tests may pass a fake. Besides its own commands `C`, an engine
 * accepts the core commands the runtime itself sends (`timer.fire`, `decision.complete`).
 */
export interface Engine<S = Json, C extends RuntimeCommand = Command> {
  step(definition: ExecutableDefinition, state: S, command: C | Command, ctx: EngineContext): StepResult<S, string>;
  initialState(): S;
  /** Whether `command` creates a case (the runner then needs a definition to start); `case.start` when absent. */
  createsCase?(command: C | Command): boolean;
}

/** The queryable columns of a case, derived from its state after every command (see `CaseRunner`). */
export interface CaseSummary {
  status: string;
  stage?: string;
  department?: string;
  /** ISO 8601 instants. */
  statutoryDeadline?: string;
  promisedDeadline?: string;
  /** Supervision light: green, yellow, red … */
  light?: string;
}

/** A case as loaded from the store. `version` is the optimistic-concurrency token. */
export interface StoredCase<S = Json> {
  caseNo: string;
  itemKey: string;
  definitionVersion: number;
  state: S;
  version: number;
  /** `seq` of the last event in the case's log (0 for none). */
  lastSeq: number;
  summary: CaseSummary;
  createdAt: string;
  updatedAt: string;
}

/** One change to the task projection, applied in order. */
export type TaskOp =
  /** The task as the core announced it (`task.created`), without its multi-instance details. */
  | ({ op: 'create'; kind: string } & Omit<TaskInfo, 'kind' | 'loopCounter' | 'element'>)
  | { op: 'claim'; taskId: string; assignee: string }
  | { op: 'complete'; taskId: string }
  | { op: 'cancel'; taskId: string };

/** One change to the timer rows, applied in order after `fire`. */
export type TimerOp =
  | { op: 'schedule'; timerId: string; elementId: string; dueAt: string }
  | { op: 'cancel'; timerId: string };

/** An effect queued in the transactional outbox, delivered after commit. */
export interface OutboxEntry {
  type: Effect['type'];
  payload: Json;
}

/**
 * Everything one command changes, written in ONE transaction or not at all. The store checks
 * `expectedVersion` (0 = the case does not exist yet) and throws `ConflictError` when it moved on.
 */
export interface CaseWrite {
  caseNo: string;
  expectedVersion: number;
  /** Set when the command created the case. */
  definition?: { key: string; version: number };
  state: Json;
  summary: CaseSummary;
  /** Numbered contiguously after the stored `lastSeq`. */
  events: CaseEvent[];
  tasks: TaskOp[];
  /** Timers that `timer.fire` commands consumed; the store marks each fired, or conflicts if one was not scheduled. */
  firedTimerIds: string[];
  timers: TimerOp[];
  outbox: OutboxEntry[];
  idempotency?: { key: string; commandType: string; result: Json };
  /** The command's `ctx.now`. */
  at: string;
}

/** A result remembered under an idempotency key. */
export interface RememberedResult {
  key: string;
  caseNo: string;
  result: Json;
}

/** A projected task row. */
export interface TaskRecord {
  caseNo: string;
  taskId: string;
  elementId: string;
  name?: string;
  kind: string;
  department?: string;
  role?: string;
  candidateGroups: string[];
  /** The users the step's candidate rule resolved to; absent for a step without a rule. */
  candidates?: string[];
  stage?: string;
  assignee?: string;
  dueAt?: string;
  status: 'active' | 'completed' | 'cancelled';
  createdAt: string;
  completedAt?: string;
}

/** Durable case storage. Every method is one round of I/O; no case is held in memory between calls. */
export interface CaseStore {
  loadCase(caseNo: string): Promise<StoredCase | undefined>;
  /** Applies a `CaseWrite` atomically. Throws `ConflictError` on a stale version, a duplicate case or key. */
  commit(write: CaseWrite): Promise<void>;
  /** Stores a result (e.g. a rejection) under an idempotency key without touching the case. */
  remember(entry: RememberedResult & { commandType: string; at: string }): Promise<void>;
  findRemembered(key: string): Promise<RememberedResult | undefined>;
  /** The case's event log in `seq` order. */
  listEvents(caseNo: string): Promise<CaseEvent[]>;
  listTasks(filter: { caseNo?: string; status?: TaskRecord['status'] }): Promise<TaskRecord[]>;
}

/** A timer row as the poller sees it. */
export interface TimerRecord {
  caseNo: string;
  timerId: string;
  elementId: string;
  dueAt: string;
  status: 'scheduled' | 'fired' | 'cancelled' | 'incident';
  attempts: number;
  lockOwner?: string;
  lockExpiresAt?: string;
  lastError?: string;
}

/** Timer rows: claimed by pollers, fired through the case runner. */
export interface TimerStore {
  /**
   * Leases up to `limit` scheduled timers due at or before `now` whose lease is free, to `owner` until
   * `lockUntil`. Safe with several nodes: each row goes to one claimant at a time.
   */
  claimDueTimers(args: { now: string; owner: string; lockUntil: string; limit: number }): Promise<TimerRecord[]>;
  /**
   * Records a failed firing by `owner`: counts the attempt, and either frees the lease until `retryAt` or,
   * once `attempts` reaches `maxAttempts`, moves the timer to status 'incident'. No-op if `owner` lost the lease.
   */
  failTimer(args: {
    caseNo: string;
    timerId: string;
    owner: string;
    error: string;
    retryAt: string;
    maxAttempts: number;
  }): Promise<TimerRecord | undefined>;
  /** Cancels a scheduled timer the case no longer expects (the reason is kept as `lastError`). */
  dropTimer(args: { caseNo: string; timerId: string; reason: string }): Promise<void>;
  listTimers(filter: { caseNo?: string; status?: TimerRecord['status'] }): Promise<TimerRecord[]>;
  /** Puts an incident back to 'scheduled' with no attempts and no lease; false when it is not an incident. */
  retryIncident(caseNo: string, timerId: string): Promise<boolean>;
}

/** An outbox row handed to a handler. Handlers must be idempotent by `id`: delivery is at least once. */
export interface OutboxMessage {
  id: number;
  caseNo: string;
  type: string;
  payload: Json;
  attempts: number;
  createdAt: string;
}

/** The transactional outbox, read after commit. */
export interface OutboxStore {
  /** Leases up to `limit` undelivered messages whose next attempt is due, hiding them until `lockUntil`. */
  claimOutbox(args: { now: string; lockUntil: string; limit: number }): Promise<OutboxMessage[]>;
  markDispatched(id: number, at: string): Promise<void>;
  /** Counts a failed delivery and schedules the next attempt. */
  markFailed(args: { id: number; error: string; nextAttemptAt: string }): Promise<void>;
  listOutbox(filter: { caseNo?: string; pending?: boolean }): Promise<Array<OutboxMessage & { dispatchedAt?: string; lastError?: string }>>;
}

/** Where time comes from. Domain code never calls `new Date()`; the runtime asks this port. */
export interface Clock {
  now(): Date;
}

/** Delivers an outbox message (notify the applicant, push a certificate …). */
export interface Notifier {
  notify(message: OutboxMessage): Promise<void>;
}

/** Evaluates a rule table for a business rule task (`decision.evaluate` effect). */
export interface RuleEvaluator {
  /**
   * Evaluates the rule table `decisionRef` of the definition version the case runs, so that a case keeps
   * the tables of the version it started with.
   */
  evaluate(decisionRef: string, input: Variables, context: RuleContext): Promise<Json>;
}

/** Which case asks for a decision, the definition version it runs, and what the command may still spend. */
export interface RuleContext {
  caseNo: string;
  definition: { key: string; version: number };
  budget?: EvaluationBudget;
}

/** A deployed definition version with its metadata. */
export interface DeployedDefinition {
  key: string;
  version: number;
  processId: string;
  name?: string;
  deployedAt: string;
  enabled: boolean;
}

/** Deployed, versioned process definitions. Versions are immutable once deployed. */
export interface DefinitionRepository {
  /** Deploys `definition` under its own key and version; throws `ConflictError` if that version exists. */
  deploy(args: { definition: ExecutableDefinition; sourceXml: string; at: string; enabled?: boolean }): Promise<DeployedDefinition>;
  get(key: string, version: number): Promise<ExecutableDefinition | undefined>;
  /** The highest enabled version of `key`. */
  latest(key: string): Promise<ExecutableDefinition | undefined>;
  list(key?: string): Promise<DeployedDefinition[]>;
  setEnabled(key: string, version: number, enabled: boolean): Promise<void>;
}

/** A result of `CaseRunner.execute`, also what an idempotency key remembers. */
export type CommandResult =
  | { ok: true; caseNo: string; version: number; events: CaseEvent[]; effects: Effect[] }
  | { ok: false; caseNo: string; refusal: Refusal<string> };
