/** Store contract, part 2: timers (claim, fire, lease take-over, incident, retry) and the outbox. */
import { describe, expect, it } from 'vitest';
import type { OpenedStore } from '../../server/store/open-store.js';
import { caseNo, harness, T0 } from './harness.js';

const DAY = 86_400_000;

export function timerContract(store: () => OpenedStore): void {
  describe('timers', () => {
    it('fires a timer at its due instant, not a millisecond early, and marks the row fired', async () => {
      const h = harness(store());
      const no = caseNo('due');
      const dueAt = new Date(Date.parse(T0) + 90_000).toISOString();
      await h.start(no, { timers: [{ id: 'limit', dueAt }] });
      const poller = h.poller(`node-${no}`);

      h.clock.pin(new Date(Date.parse(dueAt) - 1));
      const early = await poller.runOnce();
      h.clock.pin(dueAt);
      const onTime = await poller.runOnce();
      const again = await poller.runOnce();

      expect(early.claimed).toBe(0);
      expect(onTime).toMatchObject({ claimed: 1, fired: 1 });
      expect(again.claimed).toBe(0);
      expect(await h.store.timers.listTimers({ caseNo: no })).toMatchObject([{ timerId: 'limit', status: 'fired', attempts: 0 }]);
      const fired = (await h.store.cases.listEvents(no)).filter((e) => e.type === 'timer.fired');
      expect(fired).toEqual([expect.objectContaining({ timerId: 'limit', at: dueAt, actor: expect.objectContaining({ id: 'system:timer' }) })]);
      expect((await h.store.outbox.listOutbox({ caseNo: no })).map((m) => m.type)).toEqual(['message.send']);
    });

    it('fires a timer at any horizon, a year and more ahead, once the clock gets there', async () => {
      const h = harness(store());
      const no = caseNo('horizon');
      await h.start(no, { timers: [{ id: 'far', dueAt: new Date(Date.parse(T0) + 400 * DAY).toISOString() }] });
      const poller = h.poller(`node-${no}`);
      const status = async () => (await h.store.timers.listTimers({ caseNo: no }))[0]?.status;
      h.clock.advance(399 * DAY);
      await poller.drain();
      expect(await status()).toBe('scheduled');
      h.clock.advance(DAY);
      await poller.drain();
      expect(await status()).toBe('fired');
    });

    it('cancels the timers a case no longer waits for', async () => {
      const h = harness(store());
      const no = caseNo('cancel');
      await h.start(no, { timers: [{ id: 'limit', dueAt: new Date(Date.parse(T0) + DAY).toISOString() }] });
      await h.runner.execute(no, { type: 'task.complete', taskId: 'review' });
      h.clock.advance(2 * DAY);
      await h.poller(`node-${no}`).drain();
      expect((await h.store.timers.listTimers({ caseNo: no }))[0]?.status).toBe('cancelled');
      expect((await h.store.cases.listEvents(no)).some((e) => e.type === 'timer.fired')).toBe(false);
    });

    it('hides a leased timer from other nodes until the lease expires, then lets one take it over', async () => {
      const h = harness(store());
      const no = caseNo('lease');
      await h.start(no, { timers: [{ id: 'limit', dueAt: T0 }] });
      const now = T0;
      const lease = (owner: string, until: number) =>
        h.store.timers.claimDueTimers({ now: h.clock.now().toISOString(), owner, lockUntil: new Date(Date.parse(now) + until).toISOString(), limit: 1000 });

      const dead = (await lease(`dead-${no}`, 30_000)).filter((t) => t.caseNo === no);
      const blocked = (await lease(`live-${no}`, 60_000)).filter((t) => t.caseNo === no);
      h.clock.advance(30_000);
      const taken = (await lease(`live-${no}`, 60_000)).filter((t) => t.caseNo === no);

      expect(dead).toMatchObject([{ timerId: 'limit', lockOwner: `dead-${no}` }]);
      expect(blocked).toEqual([]);
      expect(taken).toMatchObject([{ timerId: 'limit', lockOwner: `live-${no}` }]);
    });

    it('fires a timer once even when two nodes hold overlapping leases', async () => {
      const h = harness(store());
      const no = caseNo('once');
      await h.start(no, { timers: [{ id: 'limit', dueAt: T0 }] });
      const claim = (owner: string) =>
        h.store.timers.claimDueTimers({ now: h.clock.now().toISOString(), owner, lockUntil: h.clock.now().toISOString(), limit: 1000 });
      // Leases that end at once: both nodes believe they own the timer.
      const a = (await claim('a')).find((t) => t.caseNo === no);
      const b = (await claim('b')).find((t) => t.caseNo === no);
      expect(a && b).toBeTruthy();

      const results = await Promise.allSettled([
        h.runner.execute(no, { type: 'timer.fire', timerId: 'limit' }),
        h.runner.execute(no, { type: 'timer.fire', timerId: 'limit' }, { retryOnConflict: 2 }),
      ]);
      const fired = results.filter((r) => r.status === 'fulfilled' && r.value.ok);
      expect(fired).toHaveLength(1);
      expect((await h.store.cases.listEvents(no)).filter((e) => e.type === 'timer.fired')).toHaveLength(1);
    });

    it('turns a timer that keeps failing into a visible incident, and fires it after retryIncident', async () => {
      const h = harness(store());
      const no = caseNo('incident');
      await h.start(no, { timers: [{ id: 'bad', dueAt: T0 }] });
      h.faults.failTimers.add('bad');
      const poller = h.poller(`node-${no}`);

      for (let round = 0; round < 3; round++) {
        await poller.runOnce();
        h.clock.advance(1_000);
      }
      const incident = (await poller.listIncidents()).find((t) => t.caseNo === no);
      expect(incident).toMatchObject({ timerId: 'bad', status: 'incident', attempts: 3, lastError: expect.stringContaining("Injected failure of timer 'bad'") });
      h.clock.advance(60_000);
      await poller.drain();
      expect((await h.store.timers.listTimers({ caseNo: no }))[0]?.status).toBe('incident');

      h.faults.failTimers.delete('bad');
      expect(await poller.retryIncident(no, 'bad')).toBe(true);
      expect(await poller.retryIncident(no, 'bad')).toBe(false);
      await poller.drain();
      expect((await h.store.timers.listTimers({ caseNo: no }))[0]).toMatchObject({ status: 'fired' });
    });

    it('fires the timers of a case that fell due together, and one failing timer holds back none of the others', async () => {
      const h = harness(store());
      const no = caseNo('together');
      await h.start(no, { timers: ['a', 'b', 'c'].map((id) => ({ id, dueAt: T0 })) });
      h.faults.failTimers.add('b');
      await h.poller(`node-${no}`).runOnce();
      const rows = await h.store.timers.listTimers({ caseNo: no });
      expect(rows.map((t) => [t.timerId, t.status, t.attempts])).toEqual([['a', 'fired', 0], ['b', 'scheduled', 1], ['c', 'fired', 0]]);
      expect((await h.store.cases.listEvents(no)).filter((e) => e.type === 'timer.fired').map((e) => e.timerId)).toEqual(['a', 'c']);
    });

    it('waits for the backoff before retrying a failed timer', async () => {
      const h = harness(store());
      const no = caseNo('backoff');
      await h.start(no, { timers: [{ id: 'flaky', dueAt: T0 }] });
      h.faults.failTimers.add('flaky');
      const poller = h.poller(`node-${no}`);
      await poller.runOnce();
      expect((await h.store.timers.listTimers({ caseNo: no }))[0]).toMatchObject({ status: 'scheduled', attempts: 1 });
      h.faults.failTimers.delete('flaky');
      h.clock.advance(999);
      await poller.drain();
      expect((await h.store.timers.listTimers({ caseNo: no }))[0]).toMatchObject({ status: 'scheduled', attempts: 1 });
      h.clock.advance(1);
      await poller.drain();
      expect((await h.store.timers.listTimers({ caseNo: no }))[0]).toMatchObject({ status: 'fired' });
    });
  });

  describe('outbox', () => {
    it('delivers each effect after commit, at least once, retrying a failed delivery after its backoff', async () => {
      const h = harness(store());
      const no = caseNo('outbox');
      await h.start(no, { tasks: ['a', 'b'] });
      await h.runner.execute(no, { type: 'task.complete', taskId: 'a' });
      await h.runner.execute(no, { type: 'task.complete', taskId: 'b' });
      const seen: number[] = [];
      let failNext = true;
      const dispatcher = h.dispatcher({
        'action.run': async (m) => {
          seen.push(m.id);
          if (m.caseNo === no && failNext) {
            failNext = false;
            throw new Error('SMS gateway down');
          }
        },
      });

      await dispatcher.runOnce();
      const mine = () => h.store.outbox.listOutbox({ caseNo: no });
      const [first, second] = await mine();
      expect(first).toMatchObject({ attempts: 1, lastError: 'Error: SMS gateway down', dispatchedAt: undefined });
      expect(second?.dispatchedAt).toBe(T0);
      h.clock.advance(4_999);
      await dispatcher.runOnce();
      expect((await mine())[0]?.dispatchedAt).toBeUndefined();
      h.clock.advance(1);
      await dispatcher.runOnce();
      expect((await mine()).every((m) => m.dispatchedAt !== undefined)).toBe(true);
      expect(seen.filter((id) => id === first?.id)).toHaveLength(2);
    });

    it('delivers again a message whose dispatcher died before recording the delivery', async () => {
      const h = harness(store());
      const no = caseNo('redeliver');
      await h.start(no);
      await h.runner.execute(no, { type: 'task.complete', taskId: 'review' });
      const now = h.clock.now().toISOString();
      // A dispatcher claims the message and dies without markDispatched.
      const lost = await h.store.outbox.claimOutbox({ now, lockUntil: new Date(Date.parse(now) + 30_000).toISOString(), limit: 1000 });
      const mine = lost.find((m) => m.caseNo === no);
      expect(mine).toBeDefined();
      const dispatcher = h.dispatcher();
      await dispatcher.runOnce();
      expect(h.delivered.find((m) => m.caseNo === no)).toBeUndefined();
      h.clock.advance(30_000);
      await dispatcher.runOnce();
      expect(h.delivered.filter((m) => m.caseNo === no).map((m) => m.id)).toEqual([mine?.id]);
    });
  });
}
