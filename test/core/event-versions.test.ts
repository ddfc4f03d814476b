/**
 * Event versions: a log written before `timer.scheduled` became v2 (stored by hand in
 * fixtures/logs/boundary-timers.v1.json, the first two events without a version at all) replays to the
 * state it had, and the case goes on under the current release.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { CORE_EVENT_VERSIONS, replay, step, upcast, versionOf, type CaseEvent, type EventVersions } from '../../engine/core/index.js';
import { upcastLogEvent } from '../../engine/approval/index.js';
import { fixture } from './support/fixtures.js';
import { calendar } from './support/harness.js';

const v1Log = (): CaseEvent[] => JSON.parse(readFileSync(new URL('./fixtures/logs/boundary-timers.v1.json', import.meta.url), 'utf8')) as CaseEvent[];

describe('event versions', () => {
  it('replays a log of v1 events to the state the previous release rebuilt', () => {
    expect(replay(v1Log())).toStrictEqual({
      caseId: 'C1',
      definition: { key: 'timers', version: 1, processId: 'timers' },
      status: 'active',
      suspended: false,
      variables: {},
      seq: 19,
      next: 9,
      elements: {
        e1: { el: 'timers', state: 'active', passed: ['start'] },
        e3: {
          el: 'review', state: 'active', scope: 'e1', mainLine: true,
          task: { taskId: 'C1:e3', elementId: 'review', kind: 'userTask', role: 'reviewer' },
        },
      },
      timers: {
        e4: { el: 'overdue', owner: 'e3', dueAt: '2026-03-04T09:00:00+08:00' },
        e7: { el: 'remind', owner: 'e3', dueAt: '2026-03-02T11:00:00+08:00', repeat: 1, every: 'PT1H' },
      },
    });
  });

  it('goes on with the old case: the last reminder of R3/PT1H fires and schedules no more', async () => {
    const def = await fixture('boundary-timers');
    const log = v1Log();
    const second = step(def, replay(log), { type: 'timer.fire', timerId: 'C1:e7' }, { now: '2026-03-02T11:00:00+08:00', calendar });
    if (!second.ok) throw new Error(second.refusal.message);
    const scheduled = second.events.find((e) => e.type === 'timer.scheduled');
    // The current release writes v2: the cycle grouped, one firing left after this one (the third).
    expect(scheduled).toMatchObject({ v: 2, timerId: 'C1:e11', dueAt: '2026-03-02T12:00:00+08:00', cycle: { every: 'PT1H', remaining: 0 } });
    expect(scheduled).not.toHaveProperty('repeat');
    const third = step(def, second.state, { type: 'timer.fire', timerId: 'C1:e11' }, { now: '2026-03-02T12:00:00+08:00', calendar });
    if (!third.ok) throw new Error(third.refusal.message);
    expect(third.events.filter((e) => e.type === 'timer.scheduled')).toEqual([]);
    // A log mixing both versions replays to the live state.
    expect(replay([...log, ...second.events, ...third.events])).toStrictEqual(third.state);
  });

  it('upcasts a v1 timer.scheduled to v2 and leaves a non-cycle timer without a cycle', () => {
    const [, , , , , , overdue, remind] = v1Log();
    expect(upcast(remind!, CORE_EVENT_VERSIONS)).toStrictEqual({
      type: 'timer.scheduled', v: 2, seq: 8, at: '2026-03-02T09:00:00+08:00', timerId: 'C1:e5', key: 'e5', el: 'remind', owner: 'e3',
      dueAt: '2026-03-02T10:00:00+08:00', cycle: { every: 'PT1H', remaining: 2 },
    });
    expect(upcast(overdue!, CORE_EVENT_VERSIONS)).toStrictEqual({ ...overdue, v: 2 });
    // The same through the approval log's reader, which the timeline uses.
    expect(upcastLogEvent(remind!)).toMatchObject({ v: 2, cycle: { every: 'PT1H', remaining: 2 } });
  });

  it('reads an event stored without a version as v1, and keeps current events as they are', () => {
    const [started] = v1Log();
    expect(versionOf(started!)).toBe(1);
    expect(upcast(started!, CORE_EVENT_VERSIONS)).toStrictEqual({ ...started, v: 1 });
    const current = { type: 'flow.taken', v: 1, seq: 5, at: 'x', flow: 'f1', scope: 'e1' };
    expect(upcast(current, CORE_EVENT_VERSIONS)).toBe(current);
  });

  it('refuses a version newer than this release and a gap in the upcasters', () => {
    const newer = { type: 'timer.scheduled', v: 3, seq: 4, at: 'x', key: 'e4' };
    expect(() => upcast(newer, CORE_EVENT_VERSIONS)).toThrow(/Unknown version 3 of event 'timer.scheduled' \(seq 4\)/);
    const gap: EventVersions = { current: { 'task.claimed': 3 }, upcasters: { 'task.claimed@1': (e) => ({ ...e, by: e.assignee }) } };
    expect(() => upcast({ type: 'task.claimed', v: 1, seq: 2, at: 'x', assignee: 'li' }, gap)).toThrow(/No upcaster for event 'task.claimed' v2/);
  });
});
