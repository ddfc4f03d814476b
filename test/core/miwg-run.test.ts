/**
 * The MIWG reference models that deploy must also run: a case started on each is driven (open tasks
 * completed, due timers fired) until it ends, with its log replaying to the live state at every step.
 */
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadDefinition } from '../../definitions/index.js';
import { WeekdayCalendar } from '../../engine/calendar/index.js';
import { openTasks, openTimers, replay, step, initialState, type CaseEvent, type CaseState, type Command } from '../../engine/core/index.js';
import { miwgDir } from '../support/shared.js';

const ctx = { now: '2026-03-02T09:00:00+08:00', calendar: new WeekdayCalendar() };

describe('MIWG models that deploy run to their end', async () => {
  const deployable: Array<[string, Awaited<ReturnType<typeof loadDefinition>>]> = [];
  for (const file of readdirSync(miwgDir).filter((f) => f.endsWith('.bpmn')).sort()) {
    const loaded = await loadDefinition(readFileSync(path.join(miwgDir, file)), { key: file });
    if (loaded.ok) deployable.push([file, loaded]);
  }

  it('finds some deployable models (so the runs below are not vacuous)', () => {
    expect(deployable.length).toBeGreaterThan(0);
  });

  it.each(deployable)('%s completes when every task is completed and every timer fires', (_file, loaded) => {
    if (!loaded.ok) throw new Error('filtered above');
    let state: CaseState = initialState();
    const log: CaseEvent[] = [];
    let command: Command | undefined = { type: 'case.start', caseId: 'M1' };
    for (let round = 0; command && round < 200; round++) {
      const result = step(loaded.definition, state, command, ctx);
      if (!result.ok) throw new Error(`${command.type}: ${result.refusal.message}`);
      state = result.state;
      log.push(...result.events);
      expect(replay(JSON.parse(JSON.stringify(log)))).toEqual(state);
      const task = openTasks(state)[0];
      const timer = openTimers(state)[0];
      command = task
        ? { type: 'task.complete', taskId: task.taskId }
        : timer
          ? { type: 'timer.fire', timerId: timer.timerId }
          : undefined;
    }
    expect(state.status).toBe('completed');
  });
});
