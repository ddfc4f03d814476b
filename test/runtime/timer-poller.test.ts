import { afterEach, describe, expect, it } from 'vitest';
import { SystemClock } from '../../engine/runtime/clock.js';
import { openStore } from '../../server/store/open-store.js';
import { caseNo, harness, T0 } from '../store/harness.js';
import { tempStore } from './sqlite-store.js';

const cleanups: Array<() => Promise<void>> = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0)) await cleanup();
});

async function until(check: () => Promise<boolean>, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error(`Condition not met within ${timeoutMs} ms`);
    await new Promise((r) => setTimeout(r, 10));
  }
}

describe('timer poller in the background', () => {
  it('fires a due timer within a second of its due time, never before it', async () => {
    const { store, dispose } = await tempStore();
    cleanups.push(dispose);
    const clock = new SystemClock();
    const h = harness(store, { clock });
    const no = caseNo('live');
    const dueAt = new Date(Date.now() + 300).toISOString();
    await h.start(no, { timers: [{ id: 'soon', dueAt }] });
    const poller = h.poller('live-node', { clock, intervalMs: 100 });
    poller.start();
    cleanups.unshift(() => poller.stop());

    await until(async () => (await store.timers.listTimers({ caseNo: no }))[0]?.status === 'fired', 3_000);
    const fired = (await store.cases.listEvents(no)).find((e) => e.type === 'timer.fired');
    const lateness = Date.parse(String(fired?.at)) - Date.parse(dueAt);
    expect(lateness).toBeGreaterThanOrEqual(0);
    expect(lateness).toBeLessThan(1_000);
  });

  it('stops polling when stopped', async () => {
    const { store, dispose } = await tempStore();
    cleanups.push(dispose);
    const clock = new SystemClock();
    const h = harness(store, { clock });
    const no = caseNo('stopped');
    const poller = h.poller('stopped-node', { clock, intervalMs: 20 });
    poller.start();
    await poller.stop();
    await h.start(no, { timers: [{ id: 'now', dueAt: new Date().toISOString() }] });
    await new Promise((r) => setTimeout(r, 100));
    expect((await store.timers.listTimers({ caseNo: no }))[0]?.status).toBe('scheduled');
  });
});

describe('timers across a restart', () => {
  it('fires, after the process restarts, the timers that fell due while it was down', async () => {
    const { store, file, dispose } = await tempStore();
    cleanups.push(dispose);
    const before = harness(store);
    const no = caseNo('restart');
    await before.start(no, { timers: [{ id: 'limit', dueAt: new Date(Date.parse(T0) + 3_600_000).toISOString() }] });
    // A node leased the timer and died: its lease must not keep the timer from firing.
    await store.timers.claimDueTimers({ now: '2026-03-02T02:00:00.000Z', owner: 'dead-node', lockUntil: '2026-03-02T02:00:30.000Z', limit: 10 });
    await store.close();

    const reopened = await openStore({ kind: 'sqlite', file });
    cleanups.unshift(() => reopened.close());
    const after = harness(reopened);
    after.clock.pin('2026-03-02T03:00:00.000Z');
    await after.poller('new-node').drain();

    expect(await reopened.timers.listTimers({ caseNo: no })).toMatchObject([{ timerId: 'limit', status: 'fired' }]);
  });
});
