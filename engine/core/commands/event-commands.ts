/** `message.correlate` and `timer.fire`: the outside world's events reaching a waiting case. */
import { triggerBoundary } from '../elements/boundary-event.js';
import { triggerEventSubprocess } from '../elements/sub-process.js';
import { refuse } from '../refusal.js';
import type { Run } from '../run.js';
import { keyOf, publicId } from '../state.js';
import { subscriptions } from '../subscriptions.js';
import { addDuration } from '../time.js';
import type { Command, Variables } from '../types.js';

type Of<T extends Command['type']> = Extract<Command, { type: T }>;

/** Delivers an event to the element `el` waiting through `owner`. */
function deliver(run: Run, owner: string, el: string, vars?: Variables): void {
  const node = run.defOf(owner).nodes[el]!;
  if (node.kind === 'boundaryEvent') triggerBoundary(run, owner, el, vars);
  else if (node.kind === 'startEvent') triggerEventSubprocess(run, owner, el, vars);
  else run.behaviorOf(owner).onEvent(run, owner, vars ? { eventEl: el, vars } : { eventEl: el });
}

/** Correlates a message by name to the oldest subscription of this case (one message, one catcher). */
export function correlate(run: Run, cmd: Of<'message.correlate'>): void {
  const sub = subscriptions(run).find((s) => s.name === cmd.name);
  if (!sub) refuse('MESSAGE_NOT_EXPECTED', `Expected case '${run.state.caseId}' to wait for message '${cmd.name}', but nothing waits for it`);
  run.emit('message.correlated', { name: cmd.name, key: sub.owner, el: sub.el, variables: cmd.variables });
  deliver(run, sub.owner, sub.el, cmd.variables ?? {});
}

/**
 * Fires a due timer. A cycle (`R3/PT1H`) schedules its next occurrence, one interval after this one's due
 * instant, as long as its owner is still live: the non-interrupting reminders of a waiting step.
 */
export function fire(run: Run, cmd: Of<'timer.fire'>): void {
  const key = keyOf(run.state, cmd.timerId);
  const timer = key === undefined ? undefined : run.state.timers[key];
  if (key === undefined || !timer) {
    refuse('TIMER_NOT_FOUND', `Expected timer '${cmd.timerId}' to be open in case '${run.state.caseId}', but it is not (fired, cancelled or withdrawn)`);
  }
  run.emit('timer.fired', { timerId: publicId(run.state, key), key });
  deliver(run, timer.owner, timer.el);
  const owner = run.state.elements[timer.owner];
  if (timer.every && timer.repeat !== undefined && timer.repeat !== 0 && owner?.state === 'active') {
    const repeat = timer.repeat < 0 ? -1 : timer.repeat - 1;
    run.addTimer(timer.owner, timer.el, addDuration(timer.dueAt, timer.every, run.ctx.calendar.zone), repeat, timer.every);
  }
}
