/**
 * Deadline arithmetic. Pure: every instant is computed from `ctx.now` and the calendar handed in, never
 * from the machine clock (luxon is used only to parse and add).
 */
import { DateTime, Duration } from 'luxon';
import type { WorkingCalendar } from '../calendar/types.js';
import { computeDeadline } from '../clocks/deadline.js';
import { evaluateExpression, type EvaluationBudget } from '../expression/index.js';
import type { TimeLimit, TimerSpec } from './model.js';
import { refuse } from './refusal.js';
import type { Variables } from './types.js';

/** An ISO instant; one written without an offset is read in `zone`, the calendar's, never the host's. */
function instant(iso: string, what: string, zone: string): DateTime {
  const t = DateTime.fromISO(iso, { setZone: true, zone });
  if (!t.isValid) refuse('EXPRESSION_FAILED', `Expected ${what} to be an ISO 8601 date-time, but it was '${iso}'`);
  return t;
}

function iso(t: DateTime): string {
  return t.toISO({ suppressMilliseconds: true }) ?? '';
}

/** `start` plus an ISO 8601 duration (`P3D`, `PT4H`), a start without an offset read in `zone`. */
export function addDuration(start: string, duration: string, zone: string): string {
  const d = Duration.fromISO(duration);
  if (!d.isValid) refuse('EXPRESSION_FAILED', `Expected an ISO 8601 duration, but it was '${duration}'`);
  return iso(instant(start, 'the start', zone).plus(d));
}

/**
 * When a limit from `now` ends: by the legal clocks' one deadline algorithm (`engine/clocks/deadline.ts`), so
 * a step's limit and a case's limit count alike. The day of `now` is not counted (民法典 第201条), the limit
 * ends at 24:00 of its last day in the calendar's zone, and a calendar-day limit ending on a day off ends on
 * the next working day (民法典 第203条). An ISO duration is simply added.
 */
export function limitDueAt(now: string, limit: TimeLimit, calendar: WorkingCalendar): string {
  if ('duration' in limit) return addDuration(now, limit.duration, calendar.zone);
  // The deadline places `now` in the calendar's zone itself (an instant without an offset read there), so it
  // is handed over as it is rather than parsed and written again first.
  return computeDeadline(calendar, { rule: 'step', article: '民法典 第201条', trigger: now, limit }).instant;
}

/** A computed timer: when it first fires and, for cycles, how often it repeats. */
export interface TimerPlan {
  dueAt: string;
  /** Repetitions left after the first firing; -1 = unbounded. */
  repeat?: number;
  every?: string;
}

function source(expression: string, variables: Variables, budget?: EvaluationBudget): string {
  const text = expression.trim();
  if (!text.startsWith('=')) return text;
  const value = evaluateExpression(text, variables, budget);
  if (typeof value !== 'string') {
    refuse('EXPRESSION_FAILED', `Expected timer expression '${text}' to give a string, but it gave ${JSON.stringify(value)}`);
  }
  return value;
}

/** Plans a timer event (BPMN 2.0.2 §10.5.3 timeDate / timeDuration / timeCycle, plus working-day limits). */
export function planTimer(spec: TimerSpec, now: string, calendar: WorkingCalendar, variables: Variables, budget?: EvaluationBudget): TimerPlan {
  switch (spec.type) {
    case 'date':
      return { dueAt: iso(instant(source(spec.expression, variables, budget), 'the timer date', calendar.zone)) };
    case 'duration':
      return { dueAt: addDuration(now, source(spec.expression, variables, budget), calendar.zone) };
    case 'limit':
      return { dueAt: limitDueAt(now, spec.limit, calendar) };
    case 'cycle': {
      // ISO 8601 repeating interval R[n]/[start/]duration or R[n]/duration/end; without n it never stops.
      const text = source(spec.expression, variables, budget);
      const parts = text.split('/');
      const match = /^R(\d*)$/.exec(parts[0] ?? '');
      const rest = parts.slice(1);
      const every = rest.find((p) => p.startsWith('P'));
      if (!match || rest.length < 1 || rest.length > 2 || every === undefined) {
        refuse('EXPRESSION_FAILED', `Expected a repeating interval like 'R3/PT1H', but it was '${text}'`);
      }
      const times = match[1] === '' ? -1 : Number(match[1]);
      const dueAt = rest[0] !== every ? iso(instant(rest[0]!, 'the cycle start', calendar.zone)) : addDuration(now, every, calendar.zone);
      return { dueAt, repeat: times < 0 ? -1 : Math.max(times - 1, 0), every };
    }
  }
}
