/**
 * 撤销行政许可 (行政许可法 第69条): the granting department's admin revokes the licence of a concluded case with
 * its reason and legal basis; the case ends 已撤销, the timeline says why, and its certificate verifies as
 * revoked. A blank reason, or a case not concluded, is refused and nothing changes.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildCaseApp, type CaseApp } from './case-support.js';
import { foodCase } from './case-fixtures.js';

let t: CaseApp;
beforeAll(async () => { t = await buildCaseApp(); });
afterAll(() => t.close());

const REASON = '申请人以提供虚假材料的欺骗手段取得许可';
const BASIS = '《中华人民共和国行政许可法》第六十九条第二款';
const revoke = (caseNo: string, payload: object, who: keyof CaseApp['tokens'] = 'samr-admin') =>
  t.app.inject({ method: 'POST', url: `/api/cases/${caseNo}/revocation`, headers: t.tokens[who], payload });
const detail = async (caseNo: string) => (await t.app.inject({ method: 'GET', url: `/api/cases/${caseNo}`, headers: t.tokens['samr-admin'] })).json();

describe('revoking a licence', () => {
  it('revokes a concluded case: 已撤销 with its reason and basis, and the certificate verifies as revoked', async () => {
    const caseNo = await foodCase(t.app, 'concluded');
    const number = (await detail(caseNo)).certificate.number as string;
    const before = await t.app.inject({ method: 'GET', url: `/api/certificates/${encodeURIComponent(number)}/verify` });
    expect(before.json()).toMatchObject({ status: 'valid' });

    const res = await revoke(caseNo, { reason: REASON, basis: BASIS });
    expect(res.statusCode, res.body).toBe(200);
    const after = await detail(caseNo);
    expect(after.phase).toBe('revoked');
    expect(after.revocation).toMatchObject({ reason: REASON, basis: BASIS });
    const verified = await t.app.inject({ method: 'GET', url: `/api/certificates/${encodeURIComponent(number)}/verify` });
    expect(verified.json()).toMatchObject({ status: 'revoked' });
    const timeline = (await t.app.inject({ method: 'GET', url: `/api/cases/${caseNo}/timeline`, headers: t.tokens['samr-admin'] })).json();
    expect(timeline.at(-1)).toMatchObject({ what: 'case.revoked', actorId: 'samr-admin', why: `${REASON} (${BASIS})` });
    // Once revoked it is not revoked again
    expect((await revoke(caseNo, { reason: REASON, basis: BASIS })).statusCode).toBe(409);
  });

  it('refuses a blank reason, a clerk and a case still in handling, changing nothing', async () => {
    const concluded = await foodCase(t.app, 'concluded');
    expect((await revoke(concluded, { reason: ' ', basis: BASIS })).statusCode).toBe(422);
    expect((await revoke(concluded, { reason: REASON })).statusCode).toBe(400);
    expect((await revoke(concluded, { reason: REASON, basis: BASIS }, 'samr-staff')).statusCode).toBe(403);
    expect((await detail(concluded)).phase).toBe('concluded');
    const handling = await foodCase(t.app, 'handling');
    expect((await revoke(handling, { reason: REASON, basis: BASIS })).statusCode).toBe(409);
    expect((await detail(handling)).phase).not.toBe('revoked');
  });
});
