/**
 * The evaluation budget at run time: an expression that only the case's data makes hostile refuses the
 * command with EVALUATION_BUDGET_EXCEEDED (the process goes on serving), and a timer whose firing runs past
 * the budget is quarantined as an incident at once while the poller fires the other timers, and is not
 * fired again after a restart.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { WeekdayCalendar } from '../../engine/calendar/index.js';
import type { CaseState } from '../../engine/core/state.js';
import { CaseRunner } from '../../engine/runtime/case-runner.js';
import { ControlledClock } from '../../engine/runtime/clock.js';
import { coreEngine, summarizeCase } from '../../engine/runtime/core-engine.js';
import { TimerPoller } from '../../engine/runtime/timer-poller.js';
import { loadDefinition } from '../../definitions/index.js';
import type { OpenedStore } from '../../server/store/open-store.js';
import { tempStore } from './sqlite-store.js';

const here = path.dirname(fileURLToPath(import.meta.url));
const T0 = '2026-03-02T01:00:00.000Z';

let store: OpenedStore;
let dispose: () => Promise<void>;
beforeEach(async () => {
  ({ store, dispose } = await tempStore());
});
afterEach(() => dispose());

async function setup(clock: ControlledClock): Promise<CaseRunner<CaseState>> {
  const xml = readFileSync(path.join(here, 'fixtures/budget-reminder.bpmn'), 'utf8');
  const loaded = await loadDefinition(xml, { key: 'reminder', version: 1 });
  if (!loaded.ok) throw new Error(JSON.stringify(loaded.findings));
  await store.definitions.deploy({ definition: loaded.definition, sourceXml: xml, at: T0 });
  return new CaseRunner<CaseState>({
    engine: coreEngine, summarize: summarizeCase, store: store.cases, definitions: store.definitions, clock,
    calendar: new WeekdayCalendar(), monotonic: () => performance.now(),
  });
}

describe('evaluation budget at run time', () => {
  it('refuses a case command whose gateway condition would build a hundred million numbers, and goes on', async () => {
    const runner = await setup(new ControlledClock(T0));
    const before = process.memoryUsage().heapUsed;
    const started = Date.now();
    const refused = await runner.execute('SP-1', { type: 'case.start', caseId: 'SP-1', variables: { startSize: 100_000_000, size: 1 } }, { definition: { key: 'reminder' } });
    expect(Date.now() - started).toBeLessThan(5_000);
    expect(refused).toMatchObject({
      ok: false,
      refusal: { code: 'EVALUATION_BUDGET_EXCEEDED', details: { element: 'check', limit: 'list' } },
    });
    if (refused.ok) return;
    expect(refused.refusal.message).toContain("'check'");
    expect(refused.refusal.message).toContain('1..startSize');
    // Nothing was stored, and the heap did not take the hundred million numbers (800 MB).
    expect(await store.cases.loadCase('SP-1')).toBeUndefined();
    expect(process.memoryUsage().heapUsed - before).toBeLessThan(200 * 1024 * 1024);

    // The same runner serves the next command.
    const ok = await runner.execute('SP-2', { type: 'case.start', caseId: 'SP-2', variables: { startSize: 10, size: 1 } }, { definition: { key: 'reminder' } });
    expect(ok).toMatchObject({ ok: true, version: 1 });
  });

  it('quarantines a timer that runs past the budget as an incident while the others fire, also after a restart', async () => {
    const clock = new ControlledClock(T0);
    const runner = await setup(clock);
    for (const [no, size] of [['SP-A', 1], ['SP-POISON', 100_000_000], ['SP-B', 2]] as const) {
      expect(await runner.execute(no, { type: 'case.start', caseId: no, variables: { startSize: 1, size } }, { definition: { key: 'reminder' } })).toMatchObject({ ok: true });
    }
    clock.advance(3_600_000);

    const poller = new TimerPoller({ timers: store.timers, runner, clock, owner: 'node-1', maxAttempts: 5 });
    expect(await poller.drain()).toMatchObject({ claimed: 3, fired: 2, failed: 1, incidents: 1 });
    const [poisoned] = await store.timers.listTimers({ caseNo: 'SP-POISON' });
    expect(poisoned).toMatchObject({ status: 'incident', attempts: 1 });
    expect(poisoned!.lastError).toMatch(/^EVALUATION_BUDGET_EXCEEDED: .*'urgent'/);
    for (const no of ['SP-A', 'SP-B']) expect((await store.timers.listTimers({ caseNo: no }))[0]?.status).toBe('fired');
    expect((await poller.listIncidents()).map((t) => t.caseNo)).toEqual(['SP-POISON']);

    // A restarted node (a new poller, hours later) does not fire the quarantined timer again.
    clock.advance(6 * 3_600_000);
    const restarted = new TimerPoller({ timers: store.timers, runner, clock, owner: 'node-2' });
    expect(await restarted.drain()).toMatchObject({ claimed: 0, fired: 0 });
    expect((await store.timers.listTimers({ caseNo: 'SP-POISON' }))[0]).toMatchObject({ status: 'incident', attempts: 1 });
    // The case is intact: its review task is still open.
    expect((await store.cases.listTasks({ caseNo: 'SP-POISON', status: 'active' })).map((t) => t.elementId)).toEqual(['review']);
  });
});
