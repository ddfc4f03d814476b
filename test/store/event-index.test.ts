/**
 * The events are indexed by type only for the types the queries find by type (migration
 * 20261204T0300-event-type-index): SQLite's planner uses that partial index for the monthly report and the
 * copies (抄送) only because each query carries the index's condition as a term. Each query is run as the
 * server runs it, its SQL caught from knex, and its plan asked of SQLite.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ChineseWorkingCalendar } from '../../engine/calendar/index.js';
import { copiedCases } from '../../server/queries/approval-cases.js';
import { copiesFor } from '../../server/queries/copies.js';
import { monthlyFigures } from '../../server/queries/reports.js';
import { openStore, type OpenedStore } from '../../server/store/open-store.js';

const dir = mkdtempSync(path.join(tmpdir(), 'shenpi-event-index-'));
let store: OpenedStore;
beforeAll(async () => {
  store = await openStore({ kind: 'sqlite', file: path.join(dir, 'db.sqlite') });
});
afterAll(async () => {
  await store.close();
  rmSync(dir, { recursive: true, force: true });
});

/** The SQL of the `events` queries `run` sends, with their bindings. */
async function eventQueries(run: () => Promise<unknown>): Promise<Array<{ sql: string; bindings: unknown[] }>> {
  const sent: Array<{ sql: string; bindings: unknown[] }> = [];
  const listen = (q: { sql: string; bindings?: unknown[] }) => {
    if (/from [`"]?events[`"]?/i.test(q.sql)) sent.push({ sql: q.sql, bindings: q.bindings ?? [] });
  };
  store.knex.on('query', listen);
  try {
    await run();
  } finally {
    store.knex.removeListener('query', listen);
  }
  return sent;
}

async function plan(q: { sql: string; bindings: unknown[] }): Promise<string> {
  const rows = (await store.knex.raw(`EXPLAIN QUERY PLAN ${q.sql}`, q.bindings as never)) as Array<{ detail: string }>;
  return rows.map((r) => r.detail).join('\n');
}

describe('the partial index of event types', () => {
  it('holds only the listed types and replaced the index on every type', async () => {
    const indexes = (await store.knex.raw("SELECT name, sql FROM sqlite_master WHERE type = 'index' AND tbl_name = 'events' AND sql IS NOT NULL")) as Array<{ name: string; sql: string }>;
    expect(indexes.map((i) => i.name)).toEqual(['events_indexed_type_at']);
    expect(indexes[0]!.sql).toContain("WHERE type IN ('case.applied', ");
    expect(indexes[0]!.sql).toContain("'task.copied')");
  });

  it('is used by the monthly report and by both copy queries', async () => {
    const queries = [
      ...(await eventQueries(() => monthlyFigures(store.knex, new ChineseWorkingCalendar(), '2026-05'))),
      ...(await eventQueries(() => copiesFor(store.knex, { id: 'u1', department: 'd1' }))),
      ...(await eventQueries(() => copiedCases(store.knex, { id: 'u1', department: 'd1' }))),
    ];
    expect(queries).toHaveLength(3);
    for (const q of queries) expect(await plan(q), q.sql).toMatch(/USING (COVERING )?INDEX events_indexed_type_at/);
  });
});
