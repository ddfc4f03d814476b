/**
 * The timeline of a case, read from its log in order: who did what, when and why. Lifecycle events and the
 * task events of the process are shown; the token movements of the BPMN process are not.
 */
import type { CaseEvent, TaskInfo } from '../core/types.js';
import type { TimelineDetailCode, TimelineDetailParam } from '../../contracts/messages/timeline.js';
import { APPROVAL_EVENT_TYPES } from './events.js';
import { upcastLogEvent } from './upcasters.js';

/** One line of the timeline. */
export interface TimelineEntry {
  seq: number;
  at: string;
  /** The real-name user, or `system` for timers and sweeps. */
  actor: string;
  /** Their user id, when a person acted. */
  actorId?: string;
  /** The event type (`case.accepted`, `task.completed` …). */
  what: string;
  /** A short description of what happened, in English (the log's record, kept for older clients). */
  detail: string;
  /**
   * The code of the description (`contracts/messages/timeline.ts`), for the pages to word; absent when the
   * event's name says it all (the detail is then the event type).
   */
  detailCode?: TimelineDetailCode;
  /** Its parameters: tasks and steps by name, people by user id (the server puts their names in). */
  detailParams?: Record<string, TimelineDetailParam>;
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

/** What an entry says happened: the English record, and its code with parameters for the pages to word. */
interface Described {
  detail: string;
  code?: TimelineDetailCode;
  params?: Record<string, TimelineDetailParam>;
}

/** `detail` with its code and the parameters that are set. */
function coded(detail: string, code: TimelineDetailCode, params: Record<string, TimelineDetailParam | undefined>): Described {
  const set = Object.fromEntries(Object.entries(params).filter((p): p is [string, TimelineDetailParam] => p[1] !== undefined));
  return { detail, code, params: set };
}

const str = (v: unknown): string | undefined => (v === undefined || v === null || v === '' ? undefined : String(v));

function describe(e: CaseEvent, tasks: Map<string, TaskInfo>): Described {
  // A step by its name, from the tasks seen so far, else its element id.
  const step = (elementId: unknown): string => {
    for (const t of tasks.values()) if (t.elementId === elementId && t.name) return t.name;
    return String(elementId);
  };
  switch (e.type) {
    case 'task.created': {
      const t = e.task as unknown as TaskInfo;
      const task = t.name ?? t.elementId;
      const detail = `task ${task} opened for ${[t.department, t.role].filter(Boolean).join(' / ') || 'anyone'}`;
      return t.department || t.role
        ? coded(detail, 'task.created', { task, department: str(t.department), role: str(t.role) })
        : coded(detail, 'task.created.anyone', { task });
    }
    case 'task.claimed': {
      const task = tasks.get(String(e.taskId))?.name ?? String(e.taskId);
      return coded(`task ${task} claimed by ${String(e.assignee)}`, 'task.claimed', { task, assignee: String(e.assignee) });
    }
    case 'task.completed': {
      const task = tasks.get(String(e.taskId))?.name ?? String(e.taskId);
      const detail = `task ${task} completed${e.outcome ? `: ${String(e.outcome)}` : ''}`;
      return e.outcome ? coded(detail, 'task.completed.outcome', { task, outcome: String(e.outcome) }) : coded(detail, 'task.completed', { task });
    }
    case 'case.returned':
      return coded(`returned to ${String(e.toElementId)}`, 'case.returned', { step: step(e.toElementId) });
    case 'task.transferred':
      return coded(`task ${name(e, tasks)} transferred from ${String(e.from ?? '-')} to ${String(e.to)}`, 'task.transferred', { task: name(e, tasks), from: str(e.from), to: String(e.to) });
    case 'task.delegated':
      return coded(`task ${name(e, tasks)} delegated by ${String(e.owner)} to ${String(e.to)}`, 'task.delegated', { task: name(e, tasks), owner: String(e.owner), delegate: String(e.to) });
    case 'task.resolved':
      return coded(`task ${name(e, tasks)} resolved by ${String(e.by)} back to ${String(e.owner)}`, 'task.resolved', { task: name(e, tasks), by: String(e.by), owner: String(e.owner) });
    case 'task.signers-added':
      return coded(`signers ${(e.signers as string[]).join(', ')} added ${String(e.mode)} to task ${name(e, tasks)}`, 'task.signers-added', { task: name(e, tasks), mode: String(e.mode), signers: [...(e.signers as string[])] });
    case 'task.signers-removed':
      return coded(`signers ${(e.signers as string[]).join(', ')} removed from task ${name(e, tasks)}`, 'task.signers-removed', { task: name(e, tasks), signers: [...(e.signers as string[])] });
    case 'task.signed':
      return coded(`task ${name(e, tasks)} signed by ${String(e.by ?? '-')}, next ${String(e.next)}`, 'task.signed', { task: name(e, tasks), by: str(e.by), next: String(e.next) });
    case 'task.rejected':
      return coded(`task ${name(e, tasks)} rejected to ${String(e.toElementId)} (${String(e.resume)})`, 'task.rejected', { task: name(e, tasks), step: step(e.toElementId), resume: String(e.resume) });
    case 'task.reclaimed':
      return coded(`step ${String(e.el)} reclaimed by ${String(e.by ?? '-')}`, 'task.reclaimed', { step: step(e.el), by: str(e.by) });
    case 'rejection.resumed':
      return coded(`${String(e.after)} done again: straight back to ${String(e.to)}`, 'rejection.resumed', { after: step(e.after), step: step(e.to) });
    case 'task.urged': {
      const task = name({ taskId: (e.urge as { taskId: string }).taskId }, tasks);
      return coded(`task ${task} urged`, 'task.urged', { task });
    }
    case 'task.copied': {
      const copy = e.copy as { name?: string; taskId: string; users: string[]; departments: string[] };
      const task = copy.name ?? name({ taskId: copy.taskId }, tasks);
      return coded(`task ${task} copied to ${[...copy.users, ...copy.departments].join(', ')}`, 'task.copied', { task, users: [...copy.users], departments: [...copy.departments] });
    }
    default:
      return { detail: e.type };
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
    const described = describe(e, tasks);
    const why = typeof e.why === 'string' ? e.why : typeof e.reason === 'string' ? e.reason : typeof e.opinion === 'string' ? e.opinion : undefined;
    out.push({
      seq: e.seq,
      at: e.at,
      actor: e.actor?.name ?? e.actor?.id ?? 'system',
      ...(e.actor?.id ? { actorId: e.actor.id } : {}),
      what: e.type,
      detail: described.detail,
      ...(described.code ? { detailCode: described.code, detailParams: described.params ?? {} } : {}),
      ...(why !== undefined ? { why } : {}),
      ...(typeof e.whyCode === 'string' ? { whyCode: e.whyCode, ...(isParams(e.whyParams) ? { whyParams: { ...e.whyParams } } : {}) } : {}),
      ...(typeof e.status === 'number' ? { status: e.status } : {}),
    });
  }
  return out;
}
