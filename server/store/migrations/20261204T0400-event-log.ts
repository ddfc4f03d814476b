/**
 * `event_log`: a case's event log, one row per command holding the events it appended, in order
 * (`first_seq`..`last_seq`, the events as a JSON array). A command appends ~8 events (the joint approval: 50 a
 * case against 17 other rows); one insert for all of them instead of one each is the largest cut in a command's
 * store work (BENCHMARKS.md, "The event log in one row per command"). The log is the record `listEvents`
 * replays and the timeline reads.
 *
 * `events` keeps, beside the log, only the events the queries find by type (`INDEXED_EVENT_TYPES`: the monthly
 * report's, the copies', the case list's): one row each, as before, with the same partial index. Indexing
 * another type takes a migration that also copies that type's events from the log.
 *
 * Existing events move into the log one row each (a row may hold any number of a case's consecutive events),
 * and `events` keeps those of the indexed types. On a large database this copy runs once, at the start-up that
 * applies it.
 */
import type { Knex } from 'knex';
import type { NamedMigration } from '../migration-source.js';
import { isPostgres, json } from '../rows.js';
import { indexedEventTypes, isIndexedEventType } from './20261204T0300-event-type-index.js';

export const eventLogSchema: NamedMigration = {
  name: '20261204T0400-event-log',

  async up(knex: Knex): Promise<void> {
    await knex.schema.createTable('event_log', (t) => {
      t.string('case_no', 64).notNullable().references('case_no').inTable('cases');
      t.integer('first_seq').notNullable();
      t.integer('last_seq').notNullable();
      t.timestamp('at', { useTz: true }).notNullable();
      // The command's actor: its events name at most one (for a case's first command, who started it).
      t.string('actor_id', 128);
      t.json('payload').notNullable();
      t.primary(['case_no', 'first_seq']);
    });
    const wrapped = isPostgres(knex) ? 'json_build_array(payload)' : "'[' || payload || ']'";
    await knex.raw(`INSERT INTO event_log (case_no, first_seq, last_seq, at, actor_id, payload)
      SELECT case_no, seq, seq, at, actor_id, ${wrapped} FROM events`);
    await knex.raw(`DELETE FROM events WHERE NOT (${indexedEventTypes()})`);
  },

  async down(knex: Knex): Promise<void> {
    const rows = (await knex('event_log').orderBy(['case_no', 'first_seq']).select('case_no', 'at', 'actor_id', 'payload')) as Array<{ case_no: string; at: unknown; actor_id: string | null; payload: unknown }>;
    for (const row of rows) {
      const events = json(row.payload) as unknown as Array<{ seq: number; type: string; v: number; actor?: { id?: string } }>;
      const unindexed = events.filter((e) => !isIndexedEventType(e.type));
      if (unindexed.length === 0) continue;
      await knex('events').insert(unindexed.map((e) => ({
        case_no: row.case_no, seq: e.seq, type: e.type, v: e.v, at: row.at, actor_id: e.actor?.id ?? null, payload: JSON.stringify(e),
      })));
    }
    await knex.schema.dropTableIfExists('event_log');
  },
};
