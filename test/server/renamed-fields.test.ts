/**
 * Renames reach what is already stored: the early-warning light (blue -> yellow, 红黄绿灯) in the cases' light
 * column and state snapshots, and the supervision records' names (caseId -> caseNo, responseDueInstant ->
 * responseDueAt) in the snapshots; other cases are left as they were.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { supervisionRecordNamesSchema } from '../../server/store/migrations/20261202T1730-supervision-record-names.js';
import { yellowLightSchema } from '../../server/store/migrations/20261202T1700-yellow-light.js';
import { json, toJson } from '../../server/store/rows.js';
import { applyFood, buildCaseApp, type CaseApp } from './case-support.js';

let t: CaseApp;
let warned: string;
let calm: string;
beforeAll(async () => {
  t = await buildCaseApp();
  warned = await applyFood(t.app, t.tokens.applicant);
  calm = await applyFood(t.app, t.tokens.applicant);
});
afterAll(() => t.close());

const row = async (caseNo: string) => {
  const r = await t.app.store.knex('cases').where({ case_no: caseNo }).first('light', 'state');
  return { light: r.light as string | null, snapshot: (json(r.state) as { approval: { light?: string } }).approval.light };
};

describe('the yellow-light migration', () => {
  it('renames a case stored with the blue light, column and snapshot, and leaves the others as they were', async () => {
    const knex = t.app.store.knex;
    const stored = await knex('cases').where({ case_no: warned }).first('state');
    const state = json(stored.state) as { approval: { light?: string } };
    state.approval.light = 'blue';
    await knex('cases').where({ case_no: warned }).update({ light: 'blue', state: toJson(state) });
    await knex('cases').where({ case_no: calm }).update({ light: 'green' });
    const before = await row(calm);

    await yellowLightSchema.up(knex);

    expect(await row(warned)).toEqual({ light: 'yellow', snapshot: 'yellow' });
    expect(await row(calm)).toEqual(before);
    const counted = await knex('cases').where({ light: 'blue' }).count<{ n: number | string }[]>({ n: '*' });
    expect(Number(counted[0]!.n)).toBe(0);
  });
});

describe('the supervision-record names migration', () => {
  it('renames the records of a snapshot written under the former names, and shows both names in the case detail', async () => {
    const knex = t.app.store.knex;
    const stored = await knex('cases').where({ case_no: calm }).first('state');
    const state = json(stored.state) as { approval: { supervision: Record<string, unknown>[] } };
    state.approval.supervision = [{
      caseId: calm, rule: 'case-overdue', detectedOn: '2026-03-10', content: '超期', department: '区市场监督管理局', warningType: 'overdue',
      key: `${calm}|case-overdue|-`, issuedOn: '2026-03-10', responseDue: '2026-03-17', responseDueInstant: '2026-03-17T24:00:00+08:00', calendarVersion: 'test',
    }];
    await knex('cases').where({ case_no: calm }).update({ state: toJson(state) });
    const untouched = (await knex('cases').where({ case_no: warned }).first('state')).state;

    await supervisionRecordNamesSchema.up(knex);

    const after = json((await knex('cases').where({ case_no: calm }).first('state')).state) as typeof state;
    expect(after.approval.supervision).toEqual([expect.objectContaining({ caseNo: calm, responseDueAt: '2026-03-17T24:00:00+08:00', responseDue: '2026-03-17' })]);
    expect(after.approval.supervision[0]).not.toHaveProperty('caseId');
    expect(after.approval.supervision[0]).not.toHaveProperty('responseDueInstant');
    expect((await knex('cases').where({ case_no: warned }).first('state')).state).toEqual(untouched);
  });
});
