/**
 * The case runner: load -> step -> commit (one transaction) -> dispatch. Holds nothing per case between
 * commands; the store is the only memory, so any node can run any command.
 */
import type { WorkingCalendar } from '../calendar/types.js';
import type { ExecutableDefinition } from '../core/model.js';
import type { CaseEvent, Command, Effect, EngineContext, Json, Rejection } from '../core/types.js';
import { isConflict } from './errors.js';
import { projectEffects, projectTasks } from './projection.js';
import type {
  CaseStore, CaseSummary, CaseWrite, Clock, CommandResult, DefinitionRepository, Engine, RuleEvaluator,
} from './ports.js';
import { summarizeState } from './summary.js';

/** Collaborators of a `CaseRunner`. */
export interface CaseRunnerOptions<S> {
  engine: Engine<S>;
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
}

/** Per-command options. */
export interface ExecuteOptions {
  /** The same key sent again returns the first result and changes nothing. */
  idempotencyKey?: string;
  /** For `case.start`: the definition to run; the latest enabled version when `version` is absent. */
  definition?: { key: string; version?: number };
  /** Reload and step again this many times after a `ConflictError` (system commands such as timers). */
  retryOnConflict?: number;
}

/** A step loop should settle in a few rounds; more means a decision keeps asking for another. */
const MAX_DECISION_ROUNDS = 32;

/** Runs commands against stored cases. */
export class CaseRunner<S = Json> {
  constructor(private readonly options: CaseRunnerOptions<S>) {}

  /**
   * Runs `command` on case `caseNo`. Rejections come back as values; a lost race throws `ConflictError`
   * (after `retryOnConflict` retries); anything else thrown is a bug or an infrastructure failure, and in
   * every thrown case nothing was written.
   */
  async execute(caseNo: string, command: Command, opts: ExecuteOptions = {}): Promise<CommandResult> {
    const { store } = this.options;
    const key = opts.idempotencyKey;
    for (let attempt = 0; ; attempt++) {
      if (key !== undefined) {
        const prior = await store.findRemembered(key);
        if (prior) return prior.result as unknown as CommandResult;
      }
      try {
        return await this.attempt(caseNo, command, opts);
      } catch (error) {
        if (!isConflict(error)) throw error;
        // A duplicate key means the same command won elsewhere: the loop answers with its result.
        if (key !== undefined && (await store.findRemembered(key))) continue;
        if (attempt >= (opts.retryOnConflict ?? 0)) throw error;
      }
    }
  }

  private async attempt(caseNo: string, command: Command, opts: ExecuteOptions): Promise<CommandResult> {
    const { engine, store, clock } = this.options;
    const at = clock.now().toISOString();
    const loaded = await store.loadCase(caseNo);
    let definition: ExecutableDefinition | undefined;
    if (loaded) {
      definition = await this.options.definitions.get(loaded.itemKey, loaded.definitionVersion);
      if (!definition) throw new Error(`Case '${caseNo}' runs ${loaded.itemKey} v${loaded.definitionVersion}, which is not deployed`);
    } else if (command.type === 'case.start') {
      definition = await this.definitionToStart(opts.definition);
      if (!definition) return this.reject(caseNo, command, opts, at, notDeployed(opts.definition));
    } else {
      return this.reject(caseNo, command, opts, at, {
        code: 'CASE_NOT_STARTED',
        message: `Expected case '${caseNo}' to exist, but no case has that number`,
      });
    }

    const ctx: EngineContext = { now: at, calendar: this.options.calendar, resolveDefinition: this.options.resolveDefinition };
    const first = engine.step(definition, loaded ? (loaded.state as S) : engine.initialState(), command, ctx);
    if (!first.ok) return this.reject(caseNo, command, opts, at, first.rejection);
    const settled = await this.resolveDecisions(definition, first.state, first.events, first.effects, ctx);
    if (!settled.ok) return this.reject(caseNo, command, opts, at, settled.rejection);

    const events = numberEvents(settled.events, loaded?.lastSeq ?? 0, caseNo);
    const version = (loaded?.version ?? 0) + 1;
    const result: CommandResult = { ok: true, caseNo, version, events, effects: settled.effects };
    const { timers, outbox } = projectEffects(settled.effects);
    const write: CaseWrite = {
      caseNo,
      expectedVersion: loaded?.version ?? 0,
      definition: loaded ? undefined : { key: definition.key, version: definition.version },
      state: settled.state as unknown as Json,
      summary: (this.options.summarize ?? summarizeState)(settled.state),
      events,
      tasks: projectTasks(events),
      firedTimerId: command.type === 'timer.fire' ? command.timerId : undefined,
      timers,
      outbox,
      idempotency: opts.idempotencyKey === undefined
        ? undefined
        : { key: opts.idempotencyKey, commandType: command.type, result: result as unknown as Json },
      at,
    };
    await store.commit(write);
    this.options.afterCommit?.(write);
    return result;
  }

  /** Answers each `decision.evaluate` effect by stepping `decision.complete`, within the same command. */
  private async resolveDecisions(
    definition: ExecutableDefinition, state: S, events: CaseEvent[], effects: Effect[], ctx: EngineContext,
  ): Promise<{ ok: true; state: S; events: CaseEvent[]; effects: Effect[] } | { ok: false; rejection: Rejection }> {
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
        return { ok: false, rejection: { code: 'INVALID_COMMAND', message: `Expected a rule evaluator for decision '${effect.decisionRef}', but none is configured` } };
      }
      const result = await this.options.rules.evaluate(effect.decisionRef, effect.input);
      const next = this.options.engine.step(definition, state, { type: 'decision.complete', taskId: effect.taskId, result }, ctx);
      if (!next.ok) return next;
      state = next.state;
      allEvents.push(...next.events);
      pending.push(...next.effects);
    }
    return { ok: true, state, events: allEvents, effects: kept };
  }

  private async definitionToStart(wanted: ExecuteOptions['definition']): Promise<ExecutableDefinition | undefined> {
    if (!wanted) return undefined;
    const { definitions } = this.options;
    return wanted.version === undefined ? definitions.latest(wanted.key) : definitions.get(wanted.key, wanted.version);
  }

  /** A rejection is a value; under an idempotency key it is remembered like any other result. */
  private async reject(caseNo: string, command: Command, opts: ExecuteOptions, at: string, rejection: Rejection): Promise<CommandResult> {
    const result: CommandResult = { ok: false, caseNo, rejection };
    if (opts.idempotencyKey !== undefined) {
      await this.options.store.remember({ key: opts.idempotencyKey, caseNo, commandType: command.type, result: result as unknown as Json, at });
    }
    return result;
  }
}

function notDeployed(wanted: ExecuteOptions['definition']): Rejection {
  const what = !wanted ? 'no definition was named' : `'${wanted.key}'${wanted.version === undefined ? '' : ` v${wanted.version}`} is not deployed or not enabled`;
  return { code: 'INVALID_COMMAND', message: `Expected a deployed definition to start the case, but ${what}` };
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
