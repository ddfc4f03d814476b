/**
 * The early-warning light's rename (blue -> yellow, 红黄绿灯) reaches what is already stored: the migration
 * renames the cases' light column and the light of each state snapshot, and touches no other case.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
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
