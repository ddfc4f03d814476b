/**
 * The runtime with the real engine core: a BPMN file compiled by `definitions/`, run by the case runner
 * on SQLite, its timer fired by the poller, and its stored log replaying to its stored state.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { WeekdayCalendar } from '../../engine/calendar/index.js';
import { replay } from '../../engine/core/index.js';
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

describe('runtime with the real engine core', () => {
  it('starts, reminds by timer, completes and replays a compiled BPMN case through the store', async () => {
    const xml = readFileSync(path.join(here, 'fixtures/review-with-timer.bpmn'), 'utf8');
    const loaded = await loadDefinition(xml, { key: 'permit', version: 1 });
    if (!loaded.ok) throw new Error(JSON.stringify(loaded.findings));
    await store.definitions.deploy({ definition: loaded.definition, sourceXml: xml, at: T0 });
    const clock = new ControlledClock(T0);
    const decisions: Array<{ ref: string; caseNo: string; definition: { key: string; version: number } }> = [];
    const runner = new CaseRunner<CaseState>({
      engine: coreEngine, summarize: summarizeCase, store: store.cases, definitions: store.definitions, clock,
      calendar: new WeekdayCalendar(),
      rules: { evaluate: async (ref, _input, context) => (decisions.push({ ref, caseNo: context.caseNo, definition: context.definition }), { fee: 0 }) },
    });
    const no = 'SP-2026-000001';

    const started = await runner.execute(no, { type: 'case.start', caseId: no, variables: { applicant: 'Chen Jing' } }, { definition: { key: 'permit' } });
    expect(started).toMatchObject({ ok: true, version: 1 });
    // the rule table is asked for with the case and the definition version it runs
    expect(decisions).toEqual([{ ref: 'permit-fees', caseNo: no, definition: { key: 'permit', version: 1 } }]);
    const [review] = await store.cases.listTasks({ caseNo: no, status: 'active' });
    expect(review).toMatchObject({ elementId: 'review', department: 'market-supervision', role: 'reviewer', stage: 'review' });
    expect(await store.cases.loadCase(no)).toMatchObject({ summary: { status: 'active', stage: 'review', department: 'market-supervision' } });
    const [timer] = await store.timers.listTimers({ caseNo: no });
    expect(timer).toMatchObject({ elementId: 'reviewReminder', status: 'scheduled', dueAt: '2026-03-02T02:00:00.000Z' });

    clock.advance(3_600_000);
    const poller = new TimerPoller({ timers: store.timers, runner, clock, owner: 'node-1' });
    expect(await poller.drain()).toMatchObject({ fired: 1, failed: 0 });
    expect((await store.outbox.listOutbox({ caseNo: no })).map((m) => (m.payload as { action?: string }).action)).toEqual(['notify-staff']);

    const done = await runner.execute(no, { type: 'task.complete', taskId: review!.taskId, actor: { id: 'li.wei' } });
    expect(done).toMatchObject({ ok: true, version: 3 });
    const stored = await store.cases.loadCase(no);
    expect(stored?.summary.status).toBe('completed');
    expect((await store.outbox.listOutbox({ caseNo: no })).map((m) => (m.payload as { action?: string }).action)).toEqual(['notify-staff', 'issue-certificate']);
    expect((await store.cases.listTasks({ caseNo: no })).map((t) => [t.elementId, t.status])).toEqual([['fees', 'completed'], ['review', 'completed']]);

    // Only events change state: the stored log replays to exactly the stored state.
    const events = await store.cases.listEvents(no);
    expect(events.map((e) => e.seq)).toEqual(events.map((_, i) => i + 1));
    expect(replay(events)).toEqual(stored?.state);
  });
});
