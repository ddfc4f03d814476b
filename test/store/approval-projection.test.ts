/**
 * The approval read model on SQLite's fast path (prepared statements in the command's savepoint, group commit)
 * writes exactly the rows the knex path writes: the same ITEM-06 case, applied and then overdue with its
 * supervision records, run once on each path, leaves equal `approval_cases`, `approval_case_departments` and
 * `supervision_notices` rows.
 */
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
async function rowsOf(knexCases: boolean) {
  const w = await world(['ITEM-06'], bj(D, '09:00'), { knexCases });
  worlds.push(w);
  const applied = await w.service.apply({
    itemCode: 'ITEM-06', channel: 'online', applicant, facts, actor: { id: applicant.id, name: applicant.name },
    materials: [pdf('M1'), shared('M2', '居民身份证', '3301**********3456', '公安机关'), pdf('M3'), pdf('M5'), pdf('M8', '告知承诺书')],
  });
  if (!applied.ok) throw new Error(applied.refusal.message);
  w.at('2026-05-19', '09:00'); // the day after the promised 05-18 (5 WD after Mon 05-11: 12, 13, 14, 15, 18)
  expect((await w.service.evaluateSupervision(applied.caseNo)).ok).toBe(true);
  const strip = (rows: Array<Record<string, unknown>>) => JSON.parse(JSON.stringify(rows).replaceAll(applied.caseNo, '<case>')) as unknown;
  return {
    cases: strip(await w.store.knex('approval_cases').select()),
    notices: strip(await w.store.knex('supervision_notices').orderBy('key').select()),
    departments: strip(await w.store.knex('approval_case_departments').orderBy('department').select()),
    grouped: (w.store.cases as SqliteCaseStore).groupStats.writes,
  };
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
