/**
 * The approval read model on SQLite's fast path (prepared statements in the command's savepoint, group commit)
 * and on PostgreSQL's (the whole command as one query, server/store/pg-command.ts) writes exactly the rows the
 * knex path writes: the same ITEM-06 case, applied and then overdue with its supervision records, run once on
 * each path, leaves equal `approval_cases`, `approval_case_departments` and `supervision_notices` rows. The
 * PostgreSQL part runs when DATABASE_URL is set (CI sets it).
 */
import type { Knex } from 'knex';
import { afterEach, describe, expect, it } from 'vitest';
import { SqliteCaseStore } from '../../server/store/sqlite-case-store.js';
import { bj, pdf, shared, world, type World } from '../cases/harness.js';

const applicant = { id: 'u-salon', name: '丽人美发工作室', kind: 'INDIVIDUAL_BUSINESS', idNumber: '33010219900101123x' };
const facts = { applicant: { kind: 'INDIVIDUAL_BUSINESS', hasBusinessLicence: true }, venueType: 'BEAUTY_HAIR', hasCentralAC: false, choosesPromise: true, byAgent: false };
const D = '2026-05-11'; // Monday

const worlds: World[] = [];
afterEach(async () => {
  for (const w of worlds.splice(0)) await w.dispose();
});

/** Runs the case on one path; answers its read-model rows with the case number replaced by a placeholder. */
async function rowsOf(knexCases: boolean, postgresUrl?: string) {
  const w = await world(['ITEM-06'], bj(D, '09:00'), { knexCases, ...(postgresUrl ? { postgresUrl } : {}) });
  worlds.push(w);
  const sent = postgresUrl ? queriesSent(w.store.knex) : [];
  const applied = await w.service.apply({
    itemCode: 'ITEM-06', channel: 'online', applicant, facts, actor: { id: applicant.id, name: applicant.name },
    materials: [pdf('M1'), shared('M2', '居民身份证', '3301**********3456', '公安机关'), pdf('M3'), pdf('M5'), pdf('M8', '告知承诺书')],
  });
  if (!applied.ok) throw new Error(applied.refusal.message);
  w.at('2026-05-19', '09:00'); // the day after the promised 05-18 (5 WD after Mon 05-11: 12, 13, 14, 15, 18)
  expect((await w.service.evaluateSupervision(applied.caseNo)).ok).toBe(true);
  // The surrogate `id` is left out: PostgreSQL's driver answers a bigint as a string, SQLite's as a number.
  const strip = (rows: Array<Record<string, unknown>>) =>
    JSON.parse(JSON.stringify(rows.map(({ id: _id, ...row }) => row)).replaceAll(applied.caseNo, '<case>')) as unknown;
  return {
    cases: strip(await w.store.knex('approval_cases').select()),
    notices: strip(await w.store.knex('supervision_notices').orderBy('key').select()),
    departments: strip(await w.store.knex('approval_case_departments').orderBy('department').select()),
    grouped: postgresUrl ? 0 : (w.store.cases as SqliteCaseStore).groupStats.writes,
    sent,
  };
}

/** The text of every query sent on `knex`'s PostgreSQL connections from now on (knex's own and raw ones). */
function queriesSent(knex: Knex): string[] {
  const texts: string[] = [];
  const client = knex.client as { acquireConnection(): Promise<{ query: (...args: unknown[]) => unknown; counted?: boolean }> };
  const acquire = client.acquireConnection.bind(client);
  client.acquireConnection = async () => {
    const connection = await acquire();
    if (!connection.counted) {
      const query = connection.query.bind(connection);
      connection.query = (...args: unknown[]) => {
        const first = args[0] as string | { text?: string };
        texts.push(typeof first === 'string' ? first : String(first?.text ?? ''));
        return query(...args);
      };
      connection.counted = true;
    }
    return connection;
  };
  return texts;
}

describe('approval read model on the SQLite fast path', () => {
  it('writes the same applicant index and supervision notices as the knex path, inside the group commit', async () => {
    const fast = await rowsOf(false);
    const knex = await rowsOf(true);
    // The application with its acceptance at submission (one write), then the supervision evaluation.
    expect(fast.grouped).toBe(2);
    expect(knex.grouped).toBe(0);
    expect(fast.cases).toEqual(knex.cases);
    expect(fast.notices).toEqual(knex.notices);
    expect(fast.departments).toEqual(knex.departments);
    expect(fast.departments).toEqual([{ case_no: '<case>', department: '区卫生健康委员会' }]);
    expect(fast.cases).toMatchObject([{ case_no: '<case>', item_code: 'ITEM-06', applicant_id: 'u-salon', id_suffix: '123X', channel: 'online' }]);
    expect((fast.notices as unknown[]).length).toBeGreaterThanOrEqual(1);
  });
});

const url = process.env.DATABASE_URL;
if (url) {
  describe('approval read model on PostgreSQL, each command in one round trip', () => {
    it('writes the same rows as the knex path, each command as one query from BEGIN to COMMIT', async () => {
      const onePass = await rowsOf(false, url);
      const knex = await rowsOf(true);
      expect(onePass.cases).toEqual(knex.cases);
      expect(onePass.notices).toEqual(knex.notices);
      expect(onePass.departments).toEqual(knex.departments);
      // The application with its acceptance (one command), then the supervision evaluation: two queries that
      // open, write and commit a command, and no transaction opened by knex statement by statement.
      const commands = onePass.sent.filter((q) => q.startsWith('BEGIN;\n') && q.trimEnd().endsWith('COMMIT'));
      expect(commands).toHaveLength(2);
      expect(commands[0]).toContain('INSERT INTO approval_cases');
      expect(commands[1]).toContain('INSERT INTO supervision_notices');
      expect(onePass.sent.filter((q) => /^\s*BEGIN;?\s*$/i.test(q))).toEqual([]);
    });
  });
}
