/**
 * The rows of a command's events: its one row of the event log, and the `events` rows of those of its events
 * that queries find by type (migration 20261204T0400-event-log). Shared by the SQLite, knex and PostgreSQL
 * write paths, so the three write the same rows.
 */
import type { CaseEvent } from '../../engine/core/types.js';
import { toUtc } from '../../engine/runtime/projection.js';
import { isIndexedEventType } from './migrations/20261204T0300-event-type-index.js';
import { toJson } from './rows.js';

/** The `events` row of an event. */
function eventRow(caseNo: string, e: CaseEvent) {
  return { case_no: caseNo, seq: e.seq, type: e.type, v: e.v, at: toUtc(e.at), actor_id: e.actor?.id ?? null, payload: toJson(e) };
}

/**
 * The command's row of the event log: all its events in one JSON array, in order (migration
 * 20261204T0400-event-log). `events` must not be empty.
 */
export function eventLogRow(caseNo: string, events: readonly CaseEvent[]) {
  const first = events[0]!;
  return {
    case_no: caseNo, first_seq: first.seq, last_seq: events[events.length - 1]!.seq, at: toUtc(first.at),
    actor_id: commandActor(events), payload: toJson(events),
  };
}

/** The command's actor: its events name at most one, the command's (`Run` stamps it, engine/core/run-base.ts). */
function commandActor(events: readonly CaseEvent[]): string | null {
  for (const e of events) if (e.actor?.id) return e.actor.id;
  return null;
}

/** The rows of `events` for those of the command's events that queries find by type. */
export function indexedEventRows(caseNo: string, events: readonly CaseEvent[]) {
  return events.filter((e) => isIndexedEventType(e.type)).map((e) => eventRow(caseNo, e));
}
