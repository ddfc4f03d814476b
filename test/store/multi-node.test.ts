/**
 * Several nodes on one PostgreSQL database: three processes complete the same tasks at the same time, then
 * fire 10,000 timers that fell due together, 100 of them leased by a node that died. Every task is completed
 * once, and every timer fires exactly once.
 */
import { describe, expect, it } from 'vitest';
import { WeekdayCalendar } from '../../engine/calendar/index.js';
import { forEachConcurrently } from '../../engine/runtime/backoff.js';
import { CaseRunner } from '../../engine/runtime/case-runner.js';
import { SystemClock } from '../../engine/runtime/clock.js';
import { openStore } from '../../server/store/open-store.js';
import { fakeEngine } from '../runtime/fake-engine.js';
import { spawnFixture } from './child.js';
import { deployDemo, ITEM } from './harness.js';
import { dropSchema, testSchemaName } from './pg-schema.js';
import { loggedEvents } from '../support/event-log.js';

const url = process.env.DATABASE_URL;
const RACES = 200;
const TIMER_CASES = 500;
const TIMERS_PER_CASE = 20;

describe.skipIf(!url)(url ? 'several nodes on PostgreSQL' : 'several nodes on PostgreSQL (skipped: set DATABASE_URL to run it)', () => {
  it('completes each raced task once and fires each of 10,000 due timers exactly once', { timeout: 60_000 }, async () => {
    const schema = testSchemaName('nodes');
    const store = await openStore({ kind: 'postgres', url: url!, schema });
    try {
      await deployDemo(store);
      const runner = new CaseRunner({ engine: fakeEngine(), store: store.cases, definitions: store.definitions, clock: new SystemClock(), calendar: new WeekdayCalendar() });
      const start = (no: string, variables: Record<string, never[]> | object) =>
        runner.execute(no, { type: 'case.start', caseId: no, variables: variables as never }, { definition: { key: ITEM } });
      const dueAt = new Date(Date.now() - 1_000).toISOString();
      await forEachConcurrently(Array.from({ length: RACES }, (_, i) => `race-${i + 1}`), 8, async (no) => void (await start(no, {})));
      await forEachConcurrently(Array.from({ length: TIMER_CASES }, (_, i) => `timers-${i + 1}`), 8, async (no) => {
        await start(no, { tasks: [], timers: Array.from({ length: TIMERS_PER_CASE }, (_, t) => ({ id: `t${t + 1}`, dueAt })) });
      });
      // A node that claimed 100 timers and died: its lease must run out and the others take over.
      const dead = await store.timers.claimDueTimers({ now: new Date().toISOString(), owner: 'dead-node', lockUntil: new Date(Date.now() + 3_000).toISOString(), limit: 100 });
      expect(dead).toHaveLength(100);

      const startAt = String(Date.now() + 2_500);
      const env = { ...process.env, SHENPI_DB_SCHEMA: schema };
      const nodes = ['node-a', 'node-b', 'node-c'].map((id) => spawnFixture('node.ts', [id, startAt, String(RACES)], env));
      await Promise.all(nodes.map((n) => n.waitFor(/^FIRED /, 1, 55_000)));
      const exits = await Promise.all(nodes.map((n) => n.exited));
      expect(exits.map((e) => e.code), nodes.map((n) => n.stderr.join('')).join('\n')).toEqual([0, 0, 0]);

      const outcomes = new Map<string, string[]>();
      for (const line of nodes.flatMap((n) => n.lines).filter((l) => l.startsWith('RACE '))) {
        const [, no, outcome] = line.split(' ');
        outcomes.set(no!, [...(outcomes.get(no!) ?? []), outcome!]);
      }
      expect(outcomes.size).toBe(RACES);
      for (const [no, results] of outcomes) {
        expect(results.filter((r) => r === 'ok'), no).toHaveLength(1);
        expect(results.filter((r) => r !== 'ok').every((r) => r === 'CONFLICT' || r === 'TASK_NOT_ACTIVE'), `${no}: ${results}`).toBe(true);
      }
      expect(await loggedEvents(store.knex, { type: 'task.completed' })).toHaveLength(RACES);

      const total = TIMER_CASES * TIMERS_PER_CASE;
      const firedByNodes = nodes.map((n) => Number(n.lines.find((l) => l.startsWith('FIRED '))!.slice(6)));
      expect(firedByNodes.reduce((a, b) => a + b, 0)).toBe(total);
      const statuses: Array<{ status: string; n: string | number }> = await store.knex('timers').select('status').count({ n: '*' }).groupBy('status');
      expect(statuses.map((s) => [s.status, Number(s.n)])).toEqual([['fired', total]]);
      const firedEvents = await loggedEvents(store.knex, { type: 'timer.fired' });
      expect(firedEvents).toHaveLength(total);
      expect(new Set(firedEvents.map((e) => `${e.caseNo}/${String(e.timerId)}`)).size).toBe(total);
      const takenOver = await store.knex('timers').whereIn('id', store.knex('timers').select('id').where('lock_owner', 'dead-node')).count({ n: '*' });
      expect(Number(takenOver[0]!.n)).toBe(0);
    } finally {
      await dropSchema(store.knex, schema);
      await store.close();
    }
  });
});
