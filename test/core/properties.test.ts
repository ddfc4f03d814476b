/**
 * Properties over random valid command sequences on the conformance models (fast-check): replaying the
 * events always gives the live state; the state survives a JSON round trip; events are numbered without
 * gaps; and no command ever strands a token: every live token rests at a wait state, in a scope that still
 * has work, or the case is finished.
 */
import fc from 'fast-check';
import { beforeAll, describe, expect, it } from 'vitest';
import {
  openTasks,
  openTimers,
  replay,
  step,
  type CaseEvent,
  type CaseState,
  type Command,
  type ExecutableDefinition,
  type NodeKind,
  type RefusalCode,
  type TaskInfo,
} from '../../engine/core/index.js';
import { fixture } from './support/fixtures.js';
import { calendar } from './support/harness.js';

const WAIT_STATES = new Set<NodeKind>(['userTask', 'manualTask', 'receiveTask', 'businessRuleTask', 'intermediateCatchEvent', 'eventBasedGateway']);
const SCOPES = new Set<NodeKind>(['subProcess', 'callActivity']);
/** Refusals a random but well-formed command may meet; anything else is a bug. */
const EXPECTED: RefusalCode[] = [
  'MESSAGE_NOT_EXPECTED', 'RETURN_TARGET_INVALID', 'CASE_SUSPENDED', 'CASE_NOT_SUSPENDED',
  // The operations on a task, sent at random: a delegated task, a signer twice, a touched next step …
  'TASK_DELEGATED', 'TASK_NOT_DELEGATED', 'TASK_WITH_SIGNER', 'SIGNERS_INVALID', 'SIGNER_NOT_REMOVABLE', 'REJECT_RESUME_INVALID', 'RECLAIM_NOT_ALLOWED',
];

const MODELS: Record<string, fc.Arbitrary<Record<string, unknown>>> = {
  'parallel-join-after-exclusive': fc.record({ route: fc.constantFrom('b', 'c') }),
  'nested-joins': fc.constant({}),
  'inclusive-join': fc.record({ needsFire: fc.boolean(), needsHealth: fc.boolean() }),
  'multi-instance': fc.record({
    coDepartments: fc.subarray(['卫健委', '消防', '环保']),
    heads: fc.subarray(['王', '李'], { minLength: 1 }),
    signers: fc.subarray(['s1', 's2', 's3', 's4']),
  }),
  'boundary-timers': fc.constant({}),
  'event-based-race': fc.constant({}),
  'call-activity': fc.record({ address: fc.string() }),
  'event-subprocess': fc.constant({}),
  'correction-loop': fc.constant({}),
  return: fc.constant({}),
  'task-operations': fc.record({ voters: fc.subarray(['v1', 'v2', 'v3'], { minLength: 1 }), heads: fc.subarray(['h1', 'h2'], { minLength: 1 }) }),
};
const MESSAGES = ['materials-supplied', 'withdraw', 'progress-query'];

const defs = new Map<string, ExecutableDefinition>();
let called: ExecutableDefinition;

beforeAll(async () => {
  for (const name of Object.keys(MODELS)) defs.set(name, await fixture(name));
  called = await fixture('site-check', { key: 'site-check' });
});

/** The commands one may send now; `pick` chooses among them. */
function candidates(def: ExecutableDefinition, state: CaseState): Command[] {
  const out: Command[] = [];
  for (const task of openTasks(state)) {
    if (task.kind === 'userTask' || task.kind === 'manualTask') {
      for (const outcome of ['agree', 'refuse', 'complete', 'incomplete']) {
        out.push({ type: 'task.complete', taskId: task.taskId, outcome, opinion: `${outcome}!` });
      }
      out.push(...operations(task));
    }
    if (task.prev) out.push({ type: 'task.reclaim', taskId: task.prev.taskId, reason: 'r', ...(task.prev.by ? { actor: { id: task.prev.by } } : {}) });
  }
  for (const timer of openTimers(state)) out.push({ type: 'timer.fire', timerId: timer.timerId });
  for (const name of MESSAGES) out.push({ type: 'message.correlate', name });
  for (const id of Object.keys(def.nodes)) out.push({ type: 'case.return', toElementId: id, reason: 'r' });
  out.push({ type: state.suspended ? 'case.resume' : 'case.suspend', reason: 's' });
  return out;
}

/** The operations on a task (转办, 委派, 加签, 减签, 驳回), each sent by whoever holds the task. */
function operations(task: TaskInfo): Command[] {
  const actor = { id: task.assignee ?? 'u1' };
  const owner = { id: task.owner ?? task.assignee ?? 'u1' };
  const taskId = task.taskId;
  return [
    ...(task.assignee === undefined ? [{ type: 'task.claim', taskId, assignee: 'u1', actor: { id: 'u1' } } as Command] : []),
    { type: 'task.transfer', taskId, to: 'u2', reason: 'r', actor },
    { type: 'task.delegate', taskId, to: 'u3', reason: 'r', actor },
    { type: 'task.resolve', taskId, actor },
    ...(['before', 'after', 'parallel'] as const).map((mode): Command => ({ type: 'task.add-signers', taskId, signers: [`s-${mode}`], mode, reason: 'r', actor })),
    ...(['before', 'after', 'parallel'] as const).map((mode): Command => ({ type: 'task.remove-signers', taskId, signers: [`s-${mode}`], reason: 'r', actor: owner })),
    { type: 'task.reject', taskId, to: 'previous', resume: 'through', reason: 'r', actor },
    { type: 'task.reject', taskId, to: 'previous', resume: 'back-to-me', reason: 'r', actor },
  ];
}

/** Every live instance is a wait state or a scope with tokens left; joins wait only while others can come. */
function assertNoStrandedToken(def: ExecutableDefinition, state: CaseState): void {
  if (state.status !== 'active') {
    expect(state.elements).toEqual({});
    expect(state.timers).toEqual({});
    return;
  }
  const defOf = (key: string): ExecutableDefinition => {
    for (let k: string | undefined = key; k; k = state.elements[k]?.scope) if (state.elements[k]?.def) return called;
    return def;
  };
  for (const [key, inst] of Object.entries(state.elements)) {
    const children = Object.values(state.elements).filter((i) => i.scope === key).length;
    const arrivals = Object.values(inst.joins ?? {}).length;
    const isProcess = inst.scope === undefined || inst.def !== undefined;
    const kind = isProcess ? undefined : defOf(key).nodes[inst.el]?.kind;
    if (isProcess || inst.body || (kind && SCOPES.has(kind))) {
      expect(children, `scope ${inst.el} (${key}) has no token left`).toBeGreaterThan(0);
      if (arrivals) expect(children, `joins in ${inst.el} wait with no token to come`).toBeGreaterThan(0);
    } else {
      expect(WAIT_STATES.has(kind!), `token stranded at ${inst.el} (${kind})`).toBe(true);
    }
  }
  for (const timer of Object.values(state.timers)) expect(state.elements[timer.owner], `timer of a gone owner`).toBeDefined();
}

describe('random command sequences on the conformance models', () => {
  it.each(Object.keys(MODELS))('%s: replay equals live state, JSON round-trips, no stranded token', (name) => {
    const def = defs.get(name)!;
    fc.assert(
      fc.property(MODELS[name]!, fc.array(fc.nat(), { maxLength: 25 }), (variables, script) => {
        const ctx = { now: '2026-03-02T09:00:00+08:00', calendar, resolveDefinition: () => called };
        const started = step(def, replay([]), { type: 'case.start', caseId: 'P1', variables: variables as never }, ctx);
        if (!started.ok) throw new Error(started.refusal.message);
        let state = started.state;
        const log: CaseEvent[] = [...started.events];
        assertNoStrandedToken(def, state);
        for (const choice of script) {
          if (state.status !== 'active') break;
          const options = candidates(def, state);
          const command = options[choice % options.length]!;
          const result = step(def, state, command, ctx);
          if (!result.ok) {
            expect(EXPECTED, `${command.type}: ${result.refusal.message}`).toContain(result.refusal.code);
            continue;
          }
          result.events.forEach((e, i) => expect(e.seq).toBe(state.seq + i + 1));
          log.push(...result.events);
          state = result.state;
          expect(replay(JSON.parse(JSON.stringify(log)) as CaseEvent[])).toStrictEqual(state);
          expect(JSON.parse(JSON.stringify(state))).toStrictEqual(state);
          assertNoStrandedToken(def, state);
        }
      }),
      { numRuns: 60 },
    );
  });
});
