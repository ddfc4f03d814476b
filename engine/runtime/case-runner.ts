/**
 * The case runner: load -> step -> commit (one transaction) -> dispatch. Holds nothing per case between
 * commands; the store is the only memory, so any node can run any command.
 *
 * The load is a plain read and the commit is one transaction guarded by the version that was read. Under
 * optimistic concurrency that is as safe as loading inside the transaction, and it keeps the step and the
 * (async) rule evaluation from holding SQLite's single write lock; a concurrent writer surfaces as
 * `ConflictError` on both databases, never as a silently serialised second write.
 */
import type { WorkingCalendar } from '../calendar/types.js';
import type { ExecutableDefinition } from '../core/model.js';
import type { OrgSnapshot } from '../core/organisation.js';
import type { CaseEvent, Command, Effect, EngineContext, Json, Refusal } from '../core/types.js';
import { BudgetExceededError, commandBudget, type EvaluationLimits } from '../expression/index.js';
import { isConflict } from './errors.js';
import { projectEffects, projectTasks } from './projection.js';
import type {
  CaseStore, CaseSummary, CaseWrite, Clock, CommandResult, DefinitionRepository, Engine, RuleEvaluator, RuntimeCommand, StoredCase,
} from './ports.js';
import { summarizeState } from './summary.js';

/** Collaborators of a `CaseRunner`. */
export interface CaseRunnerOptions<S, C extends RuntimeCommand = Command> {
  engine: Engine<S, C>;
  store: CaseStore;
  definitions: DefinitionRepository;
  clock: Clock;
  calendar: WorkingCalendar;
  /** Answers `decision.evaluate` effects inline; without it a business rule task rejects the command. */
  rules?: RuleEvaluator;
  /** Derives the queryable case columns from a state; defaults to `summarizeState`. */
  summarize?: (state: S) => CaseSummary;
  /** Called after every successful commit, e.g. to wake the outbox dispatcher. */
  afterCommit?: (write: CaseWrite) => void;
  resolveDefinition?: EngineContext['resolveDefinition'];
  /** The organisation candidate rules resolve over, loaded before each command (`ctx.org`). */
  organisation?: () => Promise<OrgSnapshot | undefined>;
  /**
   * The monotonic clock (milliseconds, e.g. `performance.now`) that bounds the wall time a command spends
   * in expressions and rule cells; without it only iterations and sizes are bounded.
   */
  monotonic?: () => number;
  /** The evaluation limits; the configured ones (`configureEvaluation`) when absent. */
  evaluationLimits?: EvaluationLimits;
  /** Seals certificates with the issuing department's key; without it certificates are recorded unsealed. */
  sealer?: EngineContext['sealer'];
}

/** Per-command options. */
export interface ExecuteOptions {
  /** The same key sent again returns the first result and changes nothing. */
  idempotencyKey?: string;
  /** For `case.start`: the definition to run; the latest enabled version when `version` is absent. */
  definition?: { key: string; version?: number };
  /** Reload and step again this many times after a `ConflictError` (system commands such as timers). */
  retryOnConflict?: number;
  /**
   * A refusal decided on the case as loaded for this command, before it steps (e.g. who may work a task):
   * the check sees the state the command would commit on, and costs no read of its own. Not asked for a
   * case that does not exist yet.
   */
  precondition?: (loaded: StoredCase) => Refusal<string> | undefined;
}

/** A step loop should settle in a few rounds; more means a decision keeps asking for another. */
const MAX_DECISION_ROUNDS = 32;

/** Runs commands against stored cases. */
export class CaseRunner<S = Json, C extends RuntimeCommand = Command> {
  constructor(private readonly options: CaseRunnerOptions<S, C>) {}

  /**
   * Runs `command` on case `caseNo`. Rejections come back as values; a lost race throws `ConflictError`
   * (after `retryOnConflict` retries); anything else thrown is a bug or an infrastructure failure, and in
   * every thrown case nothing was written.
   */
  async execute(caseNo: string, command: C | Command, opts: ExecuteOptions = {}): Promise<CommandResult> {
    return (await this.executeWithState(caseNo, command, opts)).result;
  }

  /**
   * `execute`, also answering the state the command committed (absent when nothing was committed: a
   * rejection, or a result replayed under its idempotency key), so a caller need not load the case again.
   */
  async executeWithState(caseNo: string, command: C | Command, opts: ExecuteOptions = {}): Promise<{ result: CommandResult; state?: S }> {
    const { store } = this.options;
    const key = opts.idempotencyKey;
    for (let attempt = 0; ; attempt++) {
      if (key !== undefined) {
        const prior = await store.findRemembered(key);
        if (prior) return { result: rememberedResult(prior.result) };
      }
      try {
        const done = await this.attempt(caseNo, [command], opts);
        return { result: done.results[0]!, ...(done.state !== undefined ? { state: done.state } : {}) };
      } catch (error) {
        if (!isConflict(error)) throw error;
        // A duplicate key means the same command won elsewhere: the loop answers with its result.
        if (key !== undefined && (await store.findRemembered(key))) continue;
        if (attempt >= (opts.retryOnConflict ?? 0)) throw error;
      }
    }
  }

  /**
   * Runs `command` and, in the same transaction, the command `follow` asks for on the state it left (e.g. an
   * application accepted at submission when its pre-review finds nothing to correct): one load, one commit,
   * one round of I/O instead of two. `follow` answering undefined, or its command being rejected, commits the
   * first alone. Answers both results (the second absent when there was none) and the committed state.
   */
  async executeThen(
    caseNo: string, command: C | Command, follow: (state: S) => Promise<C | Command | undefined>, opts: Omit<ExecuteOptions, 'idempotencyKey'> = {},
  ): Promise<{ results: CommandResult[]; state?: S }> {
    for (let attempt = 0; ; attempt++) {
      try {
        return await this.attempt(caseNo, [command], { ...opts, idempotencyKey: undefined }, follow);
      } catch (error) {
        if (!isConflict(error) || attempt >= (opts.retryOnConflict ?? 0)) throw error;
      }
    }
  }

  /**
   * Runs several commands on one existing case in one transaction, each on the state the previous one left
   * (e.g. the timers of a case that fell due together). Each gets its own result; rejected ones change
   * nothing, and the accepted ones commit together or not at all. No idempotency keys here.
   */
  async executeAll(caseNo: string, commands: Array<C | Command>, opts: Omit<ExecuteOptions, 'idempotencyKey'> = {}): Promise<CommandResult[]> {
    for (let attempt = 0; ; attempt++) {
      try {
        return (await this.attempt(caseNo, commands, { ...opts, idempotencyKey: undefined })).results;
      } catch (error) {
        if (!isConflict(error) || attempt >= (opts.retryOnConflict ?? 0)) throw error;
      }
    }
  }

  /** One load -> step -> commit; `state` is what was committed, absent when nothing was. */
  private async attempt(
    caseNo: string, commands: Array<C | Command>, opts: ExecuteOptions, follow?: (state: S) => Promise<C | Command | undefined>,
  ): Promise<{ results: CommandResult[]; state?: S }> {
    const { engine, store, clock } = this.options;
    const at = clock.now().toISOString();
    const loaded = await store.loadCase(caseNo);
    const refused = loaded && opts.precondition?.(loaded);
    if (refused) return { results: await this.refuse(caseNo, commands, opts, at, refused) };
    let definition: ExecutableDefinition | undefined;
    if (loaded) {
      definition = await this.options.definitions.get(loaded.itemKey, loaded.definitionVersion);
      if (!definition) throw new Error(`Case '${caseNo}' runs ${loaded.itemKey} v${loaded.definitionVersion}, which is not deployed`);
    } else if (commands[0] && this.createsCase(commands[0])) {
      definition = await this.definitionToStart(opts.definition);
      if (!definition) return { results: await this.refuse(caseNo, commands, opts, at, notDeployed(opts.definition)) };
    } else {
      return {
        results: await this.refuse(caseNo, commands, opts, at, {
          code: 'CASE_NOT_STARTED',
          message: `Expected case '${caseNo}' to exist, but no case has that number`,
        }),
      };
    }

    const org = await this.options.organisation?.();
    const ctx: EngineContext = {
      now: at, calendar: this.options.calendar, resolveDefinition: this.options.resolveDefinition,
      budget: commandBudget(this.options.monotonic, this.options.evaluationLimits),
      ...(this.options.sealer ? { sealer: this.options.sealer } : {}),
      ...(org ? { org } : {}),
    };
    const version = (loaded?.version ?? 0) + 1;
    let state = loaded ? (loaded.state as S) : engine.initialState();
    let lastSeq = loaded?.lastSeq ?? 0;
    const results: CommandResult[] = [];
    const events: CaseEvent[] = [];
    const effects: Effect[] = [];
    const fired: string[] = [];
    const queue = [...commands];
    for (let command = queue.shift(); command; command = queue.shift()) {
      const first = engine.step(definition, state, command, ctx);
      const settled = first.ok ? await this.resolveDecisions(caseNo, definition, first.state, first.events, first.effects, ctx) : first;
      if (!settled.ok) {
        results.push({ ok: false, caseNo, refusal: settled.refusal });
        continue;
      }
      const numbered = numberEvents(settled.events, lastSeq, caseNo);
      lastSeq += numbered.length;
      state = settled.state;
      events.push(...numbered);
      effects.push(...settled.effects);
      if (isTimerFire(command)) fired.push(command.timerId);
      results.push({ ok: true, caseNo, version, events: numbered, effects: settled.effects });
      if (follow && queue.length === 0 && results.length === commands.length) {
        const next = await follow(state);
        if (next) queue.push(next);
      }
    }
    if (!results.some((r) => r.ok)) {
      if (opts.idempotencyKey !== undefined) await this.remember(caseNo, commands[0]!, opts.idempotencyKey, results[0]!, at);
      return { results };
    }

    const { timers, outbox } = projectEffects(effects);
    const write: CaseWrite = {
      caseNo,
      expectedVersion: loaded?.version ?? 0,
      definition: loaded ? undefined : { key: definition.key, version: definition.version },
      state: state as unknown as Json,
      summary: (this.options.summarize ?? summarizeState)(state),
      events,
      tasks: projectTasks(events),
      firedTimerIds: fired,
      timers,
      outbox,
      idempotency: opts.idempotencyKey === undefined
        ? undefined
        : { key: opts.idempotencyKey, commandType: commands[0]!.type, result: results[0] as unknown as Json },
      at,
    };
    await store.commit(write);
    this.options.afterCommit?.(write);
    return { results, state };
  }

  /** Answers each `decision.evaluate` effect by stepping `decision.complete`, within the same command. */
  private async resolveDecisions(
    caseNo: string, definition: ExecutableDefinition, state: S, events: CaseEvent[], effects: Effect[], ctx: EngineContext,
  ): Promise<{ ok: true; state: S; events: CaseEvent[]; effects: Effect[] } | { ok: false; refusal: Refusal<string> }> {
    const allEvents = [...events];
    const kept: Effect[] = [];
    const pending = [...effects];
    let rounds = 0;
    for (let effect = pending.shift(); effect; effect = pending.shift()) {
      if (effect.type !== 'decision.evaluate') {
        kept.push(effect);
        continue;
      }
      if (++rounds > MAX_DECISION_ROUNDS) throw new Error(`More than ${MAX_DECISION_ROUNDS} decisions in one command`);
      if (!this.options.rules) {
        return { ok: false, refusal: { code: 'INVALID_COMMAND', message: `Expected a rule evaluator for decision '${effect.decisionRef}', but none is configured` } };
      }
      let result: Json;
      try {
        result = await this.options.rules.evaluate(effect.decisionRef, effect.input, {
          caseNo, definition: { key: definition.key, version: definition.version }, budget: ctx.budget,
        });
      } catch (error) {
        if (!(error instanceof BudgetExceededError)) throw error;
        return { ok: false, refusal: budgetRefusal(error, effect.decisionRef) };
      }
      const next = this.options.engine.step(definition, state, { type: 'decision.complete', taskId: effect.taskId, result }, ctx);
      if (!next.ok) return next;
      state = next.state;
      allEvents.push(...next.events);
      pending.push(...next.effects);
    }
    return { ok: true, state, events: allEvents, effects: kept };
  }

  private createsCase(command: C | Command): boolean {
    return this.options.engine.createsCase ? this.options.engine.createsCase(command) : command.type === 'case.start';
  }

  private async definitionToStart(wanted: ExecuteOptions['definition']): Promise<ExecutableDefinition | undefined> {
    if (!wanted) return undefined;
    const { definitions } = this.options;
    return wanted.version === undefined ? definitions.latest(wanted.key) : definitions.get(wanted.key, wanted.version);
  }

  /** A refusal of the whole attempt, answered to every command. */
  private async refuse(caseNo: string, commands: Array<C | Command>, opts: ExecuteOptions, at: string, refusal: Refusal<string>): Promise<CommandResult[]> {
    const result: CommandResult = { ok: false, caseNo, refusal };
    if (opts.idempotencyKey !== undefined) await this.remember(caseNo, commands[0]!, opts.idempotencyKey, result, at);
    return commands.map(() => result);
  }

  /** A refusal is a value; under an idempotency key it is remembered like any other result. */
  private async remember(caseNo: string, command: C | Command, key: string, result: CommandResult, at: string): Promise<void> {
    await this.options.store.remember({ key, caseNo, commandType: command.type, result: result as unknown as Json, at });
  }
}

function notDeployed(wanted: ExecuteOptions['definition']): Refusal {
  const what = !wanted ? 'no definition was named' : `'${wanted.key}'${wanted.version === undefined ? '' : ` v${wanted.version}`} is not deployed or not enabled`;
  return { code: 'INVALID_COMMAND', message: `Expected a deployed definition to start the case, but ${what}` };
}

/**
 * A remembered result as a `CommandResult`. Results remembered before the refusal was named so carry it as
 * `rejection`; they are read under the new name, so a replay answers as the first answer did.
 */
export function rememberedResult(stored: Json): CommandResult {
  const result = stored as unknown as CommandResult & { rejection?: Refusal<string> };
  if (result.ok || result.refusal !== undefined || result.rejection === undefined) return result;
  const { rejection, ...rest } = result;
  return { ...rest, refusal: rejection } as CommandResult;
}

/** A rule table that ran past the budget refuses the command, naming the decision and the cell. */
function budgetRefusal(error: BudgetExceededError, decisionRef: string): Refusal<string> {
  const where = error as BudgetExceededError & { table?: string; row?: string; column?: string };
  const details: Record<string, Json> = { decision: decisionRef, expression: error.source, limit: error.kind };
  for (const k of ['table', 'row', 'column'] as const) if (where[k]) details[k] = where[k]!;
  return {
    code: 'EVALUATION_BUDGET_EXCEEDED',
    message: `Expected decision '${decisionRef}' to evaluate within the budget, but ${error.message}`,
    details,
  };
}

function isTimerFire(command: RuntimeCommand): command is Extract<Command, { type: 'timer.fire' }> {
  return command.type === 'timer.fire';
}

/** Events continue the case's log; a core that numbered them differently has a bug. */
function numberEvents(events: CaseEvent[], lastSeq: number, caseNo: string): CaseEvent[] {
  return events.map((event, i) => {
    const seq = lastSeq + i + 1;
    if (event.seq && event.seq !== seq) {
      throw new Error(`Expected event ${event.type} of case '${caseNo}' to have seq ${seq}, but it has ${event.seq}`);
    }
    return { ...event, seq };
  });
}
