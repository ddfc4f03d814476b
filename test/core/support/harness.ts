/**
 * Drives the pure core in tests: a case with its log, commands applied one by one, and assertions that
 * every step's events replay to its state. Given/when/then reads as `const c = startCase(def)`,
 * `c.completeTask('review')`, `expect(c.activated()).toEqual([...])`.
 */
import { expect } from 'vitest';
import { WeekdayCalendar } from '../../../engine/calendar/index.js';
import {
  activeElementIds,
  initialState,
  openTasks,
  openTimers,
  replay,
  step,
  type CaseEvent,
  type CaseState,
  type Command,
  type Effect,
  type EngineContext,
  type ExecutableDefinition,
  type Refusal,
  type Variables,
} from '../../../engine/core/index.js';
import type { OrgSnapshot } from '../../../engine/core/organisation.js';

export const calendar = new WeekdayCalendar('Asia/Shanghai');

/** A test case: the definition, the current state, the whole log, and the last step's events and effects. */
export class TestCase {
  state: CaseState = initialState();
  log: CaseEvent[] = [];
  events: CaseEvent[] = [];
  effects: Effect[] = [];
  now = '2026-03-02T09:00:00+08:00';
  /** The organisation handed to each command (candidate rules resolve over it). */
  org?: OrgSnapshot;

  constructor(
    readonly definition: ExecutableDefinition,
    readonly definitions: ExecutableDefinition[] = [],
  ) {}

  ctx(): EngineContext {
    return {
      now: this.now,
      calendar,
      ...(this.org ? { org: this.org } : {}),
      resolveDefinition: (key, version) => {
        const all = [this.definition, ...this.definitions].filter((d) => d.key === key);
        if (version === 'latest') return all.sort((a, b) => b.version - a.version)[0];
        return all.find((d) => d.version === version);
      },
    };
  }

  /** Runs a command that must be accepted; checks replay and the JSON round trip. */
  run(command: Command): this {
    const result = step(this.definition, this.state, command, this.ctx());
    if (!result.ok) throw new Error(`${command.type} rejected: ${result.refusal.code} ${result.refusal.message}`);
    this.accept(result.state, result.events, result.effects);
    return this;
  }

  /** Runs a command that must be refused, returning the rejection; the state stays as it was. */
  refuse(command: Command): Refusal {
    const result = step(this.definition, this.state, command, this.ctx());
    if (result.ok) throw new Error(`${command.type} was accepted, expected a rejection`);
    return result.refusal;
  }

  private accept(state: CaseState, events: CaseEvent[], effects: Effect[]): void {
    this.log.push(...events);
    this.events = events;
    this.effects = effects;
    this.state = state;
    expect(replay(JSON.parse(JSON.stringify(this.log)) as CaseEvent[])).toStrictEqual(state);
    expect(JSON.parse(JSON.stringify(state))).toStrictEqual(state);
  }

  start(variables: Variables = {}, startEventId?: string): this {
    return this.run({ type: 'case.start', caseId: 'C1', variables, ...(startEventId ? { startEventId } : {}) });
  }

  /** The id of the open task at `elementId` (the n-th when several are open). */
  taskId(elementId: string, n = 0): string {
    const task = openTasks(this.state).filter((t) => t.elementId === elementId)[n];
    if (!task) throw new Error(`No open task at '${elementId}' (open: ${activeElementIds(this.state).join(', ')})`);
    return task.taskId;
  }

  complete(elementId: string, extra: { outcome?: string; opinion?: string; variables?: Variables; n?: number } = {}): this {
    const { n, ...rest } = extra;
    return this.run({ type: 'task.complete', taskId: this.taskId(elementId, n), ...rest });
  }

  timerId(elementId: string, n = 0): string {
    const timer = openTimers(this.state).filter((t) => t.elementId === elementId)[n];
    if (!timer) throw new Error(`No open timer at '${elementId}'`);
    return timer.timerId;
  }

  fire(elementId: string): this {
    return this.run({ type: 'timer.fire', timerId: this.timerId(elementId) });
  }

  message(name: string, variables?: Variables): this {
    return this.run({ type: 'message.correlate', name, ...(variables ? { variables } : {}) });
  }

  /** Element ids activated by the last step, in order (the trace of one command). */
  activated(): string[] {
    return this.events.filter((e) => e.type === 'element.activated').map((e) => String(e.el));
  }

  /** Element ids activated over the whole case, in order. */
  trace(): string[] {
    return this.log.filter((e) => e.type === 'element.activated').map((e) => String(e.el));
  }

  types(): string[] {
    return this.events.map((e) => e.type);
  }

  active(): string[] {
    return activeElementIds(this.state);
  }
}

/** Starts a case of `definition` with `variables`. */
export function startCase(definition: ExecutableDefinition, variables: Variables = {}, others: ExecutableDefinition[] = []): TestCase {
  return new TestCase(definition, others).start(variables);
}
