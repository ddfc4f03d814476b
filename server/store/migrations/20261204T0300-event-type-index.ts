/**
 * The events are found by type only for a few types: the monthly report's (server/queries/reports.ts) and the
 * copies (抄送, server/queries/copies.ts, approval-cases.ts). The index on every event's type cost each of a
 * case's ~50 event inserts one more b-tree insert; it is replaced by a partial index on `(type, at)` holding
 * only those types (the engine path, 16 in flight, ran a median 1.10× faster over four alternating pairs,
 * BENCHMARKS.md). A query uses it when its WHERE
 * holds the index's condition as a term (SQLite's rule for partial indexes; PostgreSQL proves it from an
 * equality too), so the queries add `indexedEventTypes()` beside their own type filter. The list is this
 * migration's: indexing another type takes a new migration.
 */
import type { Knex } from 'knex';
import type { NamedMigration } from '../migration-source.js';

/** The event types the partial index holds. */
export const INDEXED_EVENT_TYPES = [
  'case.applied', 'case.accepted', 'case.rejected', 'case.concluded', 'delivery.recorded', 'case.evaluated',
  'rectification.opened', 'rectification.completed', 'task.copied',
] as const;

/** One of `INDEXED_EVENT_TYPES`. */
export type IndexedEventType = (typeof INDEXED_EVENT_TYPES)[number];

const INDEXED = new Set<string>(INDEXED_EVENT_TYPES);

/** Whether events of `type` are found by type, and so also kept as rows of `events` (20261204T0400-event-log). */
export function isIndexedEventType(type: string): type is IndexedEventType {
  return INDEXED.has(type);
}

/** The index's condition, on the events table or its alias: the same term in the index and in its queries. */
export function indexedEventTypes(alias?: string): string {
  return `${alias ? `${alias}.` : ''}type IN (${INDEXED_EVENT_TYPES.map((t) => `'${t}'`).join(', ')})`;
}

export const eventTypeIndexSchema: NamedMigration = {
  name: '20261204T0300-event-type-index',

  async up(knex: Knex): Promise<void> {
    await knex.raw('DROP INDEX IF EXISTS events_type_index');
    await knex.raw(`CREATE INDEX events_indexed_type_at ON events (type, at) WHERE ${indexedEventTypes()}`);
  },

  async down(knex: Knex): Promise<void> {
    await knex.raw('DROP INDEX IF EXISTS events_indexed_type_at');
    await knex.schema.alterTable('events', (t) => t.index(['type']));
  },
};
