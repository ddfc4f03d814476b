/**
 * The timeline of a case, read from its log in order: who did what, when and why. Lifecycle events and the
 * task events of the process are shown; the token movements of the BPMN process are not.
 */
import type { CaseEvent, TaskInfo } from '../core/types.js';
import { APPROVAL_EVENT_TYPES } from './events.js';
import { upcastLogEvent } from './upcasters.js';

/** One line of the timeline. */
export interface TimelineEntry {
  seq: number;
  at: string;
  /** The real-name user, or `system` for timers and sweeps. */
  actor: string;
  /** The event type (`case.accepted`, `task.completed` …). */
  what: string;
  /** A short description of what happened. */
  detail: string;
  why?: string;
  /** The code of an explanation the engine gave itself (`contracts/messages/timeline.ts`), for the pages to word. */
  whyCode?: string;
  whyParams?: Record<string, string | number>;
  /** The SPGL status the event moved the case to. */
  status?: number;
}

const TASK_EVENTS = new Set([
  'task.created', 'task.claimed', 'task.completed', 'case.returned', 'case.suspended', 'case.resumed',
  // The operations on a task:
  'task.transferred', 'task.delegated', 'task.resolved', 'task.signers-added', 'task.signers-removed', 'task.signed',
  'task.rejected', 'task.reclaimed', 'rejection.resumed',
]);

function describe(e: CaseEvent, tasks: Map<string, TaskInfo>): string {
  switch (e.type) {
    case 'task.created': {
      const t = e.task as unknown as TaskInfo;
      return `task ${t.name ?? t.elementId} opened for ${[t.department, t.role].filter(Boolean).join(' / ') || 'anyone'}`;
    }
    case 'task.claimed':
      return `task ${tasks.get(String(e.taskId))?.name ?? e.taskId} claimed by ${String(e.assignee)}`;
    case 'task.completed': {
      const t = tasks.get(String(e.taskId));
      return `task ${t?.name ?? e.taskId} completed${e.outcome ? `: ${String(e.outcome)}` : ''}`;
    }
    case 'case.returned':
      return `returned to ${String(e.toElementId)}`;
    case 'task.transferred':
      return `task ${name(e, tasks)} transferred from ${String(e.from ?? '-')} to ${String(e.to)}`;
    case 'task.delegated':
      return `task ${name(e, tasks)} delegated by ${String(e.owner)} to ${String(e.to)}`;
    case 'task.resolved':
      return `task ${name(e, tasks)} resolved by ${String(e.by)} back to ${String(e.owner)}`;
    case 'task.signers-added':
      return `signers ${(e.signers as string[]).join(', ')} added ${String(e.mode)} to task ${name(e, tasks)}`;
    case 'task.signers-removed':
      return `signers ${(e.signers as string[]).join(', ')} removed from task ${name(e, tasks)}`;
    case 'task.signed':
      return `task ${name(e, tasks)} signed by ${String(e.by ?? '-')}, next ${String(e.next)}`;
    case 'task.rejected':
      return `task ${name(e, tasks)} rejected to ${String(e.toElementId)} (${String(e.resume)})`;
    case 'task.reclaimed':
      return `step ${String(e.el)} reclaimed by ${String(e.by ?? '-')}`;
    case 'rejection.resumed':
      return `${String(e.after)} done again: straight back to ${String(e.to)}`;
    case 'task.urged':
      return `task ${name({ taskId: (e.urge as { taskId: string }).taskId }, tasks)} urged`;
    case 'task.copied':
      return `task ${(e.copy as { name?: string }).name ?? name({ taskId: (e.copy as { taskId: string }).taskId }, tasks)} copied to ${[...(e.copy as { users: string[] }).users, ...(e.copy as { departments: string[] }).departments].join(', ')}`;
    default:
      return e.type;
  }
}

function name(e: { taskId?: unknown } | CaseEvent, tasks: Map<string, TaskInfo>): string {
  const t = tasks.get(String(e.taskId));
  return t?.name ?? t?.elementId ?? String(e.taskId);
}

function isParams(v: unknown): v is Record<string, string | number> {
  return typeof v === 'object' && v !== null && Object.values(v).every((x) => typeof x === 'string' || typeof x === 'number');
}

/** The timeline of a log, oldest first. */
export function timeline(events: readonly CaseEvent[]): TimelineEntry[] {
  const tasks = new Map<string, TaskInfo>();
  const out: TimelineEntry[] = [];
  for (const stored of events) {
    // Read every event in its current shape, whichever release wrote it.
    const e = upcastLogEvent(stored);
    if (e.type === 'task.created') {
      const t = e.task as unknown as TaskInfo;
      tasks.set(t.taskId, t);
    }
    if (!APPROVAL_EVENT_TYPES.has(e.type) && !TASK_EVENTS.has(e.type)) continue;
    const why = typeof e.why === 'string' ? e.why : typeof e.reason === 'string' ? e.reason : typeof e.opinion === 'string' ? e.opinion : undefined;
    out.push({
      seq: e.seq,
      at: e.at,
      actor: e.actor?.name ?? e.actor?.id ?? 'system',
      what: e.type,
      detail: describe(e, tasks),
      ...(why !== undefined ? { why } : {}),
      ...(typeof e.whyCode === 'string' ? { whyCode: e.whyCode, ...(isParams(e.whyParams) ? { whyParams: { ...e.whyParams } } : {}) } : {}),
      ...(typeof e.status === 'number' ? { status: e.status } : {}),
    });
  }
  return out;
}
