/**
 * The event log holds one row per command (migration 20261204T0400-event-log), and `events` only the events
 * the queries find by type. A database written before it moves over whole: the migration is run down (the log
 * spread back into one `events` row per event, as before) and up again, and the case reads back the same
 * events in the same order, on SQLite and, when DATABASE_URL is set, on PostgreSQL.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { recordTemplateCase, TEMPLATE_NO } from '../../bench/lib/recorded-writes.js';
import type { CaseEvent } from '../../engine/core/types.js';
import { ListMigrationSource } from '../../server/store/migration-source.js';
import { openStore, type OpenedStore } from '../../server/store/open-store.js';
import { dropSchema, testSchemaName } from './pg-schema.js';

const url = process.env.DATABASE_URL;
const AT = '2026-03-03T02:00:00.000Z';

/** The template case of the benchmark flow, plus one command with an event of an indexed type and one without. */
async function caseWithIndexedEvent(store: OpenedStore): Promise<CaseEvent[]> {
  const writes = await recordTemplateCase(store, 'plain');
  const stored = (await store.cases.loadCase(TEMPLATE_NO))!;
  const last = writes.at(-1)!;
  const seq = last.events.at(-1)!.seq;
  await store.cases.commit({
    caseNo: TEMPLATE_NO, expectedVersion: stored.version, state: stored.state, summary: last.summary,
    events: [
      { type: 'case.evaluated', v: 1, seq: seq + 1, at: AT, actor: { id: 'applicant-1' }, score: 5 },
      { type: 'case.noted', v: 1, seq: seq + 2, at: AT },
    ],
    tasks: [], firedTimerIds: [], timers: [], outbox: [], at: AT,
  });
  return store.cases.listEvents(TEMPLATE_NO);
}

const count = async (store: OpenedStore, table: string) => Number(((await store.knex(table).count({ n: '*' }).first()) as { n: number | string }).n);
const payloads = async (store: OpenedStore) => (await store.knex('events').orderBy('seq').select('payload')).map((r: { payload: unknown }) => (typeof r.payload === 'string' ? JSON.parse(r.payload) : r.payload));

function eventLogSuite(label: string, open: () => Promise<{ store: OpenedStore; dispose: () => Promise<void> }>) {
  describe(`event log on ${label}`, () => {
    it('writes one log row per command and an events row only for an event of an indexed type', async () => {
      const { store, dispose } = await open();
      try {
        const events = await caseWithIndexedEvent(store);
        expect(events.map((e) => e.seq)).toEqual(events.map((_, i) => i + 1));
        expect(await count(store, 'event_log')).toBe(7);
        expect((await payloads(store)).map((e: CaseEvent) => e.type)).toEqual(['case.evaluated']);
        const first = (await store.knex('event_log').where({ case_no: TEMPLATE_NO, first_seq: 1 }).first()) as { last_seq: number; actor_id: string | null };
        expect(first.last_seq).toBe(7);
        expect(first.actor_id).toBe(events.slice(0, 7).find((e) => e.actor)?.actor?.id ?? null);
        expect(first.actor_id).not.toBeNull();
      } finally {
        await dispose();
      }
    });

    it('moves a database written one row per event into the log and back, losing no event and changing none', async () => {
      const { store, dispose } = await open();
      try {
        const events = await caseWithIndexedEvent(store);
        const source = new ListMigrationSource();
        await store.knex.migrate.down({ migrationSource: source, name: '20261204T0400-event-log' });
        expect(await store.knex.schema.hasTable('event_log')).toBe(false);
        expect(await payloads(store)).toEqual(events);

        await store.knex.migrate.latest({ migrationSource: source });
        expect(await store.cases.listEvents(TEMPLATE_NO)).toEqual(events);
        expect(await count(store, 'event_log')).toBe(events.length);
        expect((await payloads(store)).map((e: CaseEvent) => e.type)).toEqual(['case.evaluated']);
        const starter = (await store.knex('event_log').where({ case_no: TEMPLATE_NO, first_seq: 1 }).first()) as { actor_id: string | null };
        expect(starter.actor_id).toBe(events[0]!.actor?.id ?? null);
      } finally {
        await dispose();
      }
    });
  });
}

eventLogSuite('SQLite', async () => {
  const dir = mkdtempSync(path.join(tmpdir(), 'shenpi-event-log-'));
  const store = await openStore({ kind: 'sqlite', file: path.join(dir, 'db.sqlite') });
  return { store, dispose: async () => { await store.close(); rmSync(dir, { recursive: true, force: true }); } };
});

describe.skipIf(!url)(url ? 'PostgreSQL' : 'PostgreSQL (skipped: set DATABASE_URL to run it)', () => {
  eventLogSuite('PostgreSQL', async () => {
    const schema = testSchemaName('event_log');
    const store = await openStore({ kind: 'postgres', url: url as string, schema });
    return { store, dispose: async () => { await dropSchema(store.knex, schema); await store.close(); } };
  });
});
