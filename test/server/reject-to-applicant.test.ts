/**
 * 驳回 to the applicant over HTTP (`POST /api/tasks/:id/reject` with `to: applicant`) on the food licence: the
 * case waits suspended for the applicant's corrections, asked once only (一次性告知); the correction is an
 * APPLICANT_RECTIFY entry of the ledger, which counts toward the limits (docs/clocks.md section 5), so the
 * deadlines stay; on resubmission the case goes through again from the first step, or straight back to the
 * rejecting step.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { applyFood, buildCaseApp, completeTask, LICENCE, openTask, type CaseApp } from './case-support.js';

let t: CaseApp;
beforeAll(async () => { t = await buildCaseApp(); });
afterAll(() => t.close());

const post = (url: string, who: keyof CaseApp['tokens'], payload: object = {}) => t.app.inject({ method: 'POST', url, headers: t.tokens[who], payload });
const detail = async (caseNo: string) => (await t.app.inject({ method: 'GET', url: `/api/cases/${caseNo}`, headers: t.tokens.auditor })).json();
const task = (id: string, op: string) => `/api/tasks/${encodeURIComponent(id)}/${op}`;

/** An accepted case past its review, with the site check claimed by the department's staff. */
async function atSiteCheck(): Promise<{ caseNo: string; siteCheck: string }> {
  const caseNo = await applyFood(t.app, t.tokens.applicant);
  expect((await post(`/api/cases/${caseNo}/accept`, 'samr-staff')).statusCode).toBe(200);
  await completeTask(t.app, t.tokens['samr-staff'], caseNo, 'review', { opinion: '材料齐全' });
  const siteCheck = await openTask(t.app, t.tokens['samr-staff'], caseNo, 'siteCheck');
  expect((await post(task(siteCheck, 'claim'), 'samr-staff')).statusCode).toBe(200);
  return { caseNo, siteCheck };
}

describe('驳回 to the applicant', () => {
  it('suspends the case for one correction and, resubmitted, goes through again from the first step', async () => {
    const { caseNo, siteCheck } = await atSiteCheck();
    const before = await detail(caseNo);
    const res = await post(task(siteCheck, 'reject'), 'samr-staff', { to: 'applicant', resume: 'through', reason: '经营场所平面图与现场不符，请重新提交' });
    expect(res.statusCode, res.body).toBe(200);
    let s = await detail(caseNo);
    expect(s.status).toBe(9);
    // The applicant reads what to correct on their own case (the portal shows it with the uploads).
    const mine = (await t.app.inject({ method: 'GET', url: `/api/cases/${caseNo}`, headers: t.tokens.applicant })).json();
    expect(mine.handlingCorrection).toEqual({ reason: '经营场所平面图与现场不符，请重新提交', requestedOn: '2026-03-02' });
    expect(s.clocks.suspensions).toEqual([expect.objectContaining({ id: 'sp-1', type: 'APPLICANT_RECTIFY', reason: '经营场所平面图与现场不符，请重新提交' })]);
    // Counted toward the limits (APPLICANT_RECTIFY pauses no clock unless the item's regulation says so).
    expect(s.clocks.statutory).toEqual(before.clocks.statutory);
    expect(s.clocks.promised).toEqual(before.clocks.promised);
    // Nobody works a step while the applicant corrects, and the applicant is told once only.
    expect((await post(task(siteCheck, 'complete'), 'samr-staff', { opinion: '核查完毕' })).statusCode).toBe(409);
    const again = await post(task(siteCheck, 'reject'), 'samr-staff', { to: 'applicant', resume: 'through', reason: '再补一份' });
    expect(again.statusCode).toBeGreaterThanOrEqual(400);
    // Only the holder rejects; an applicant's resubmission names its materials.
    expect((await post(`/api/cases/${caseNo}/correction`, 'applicant', { materials: [LICENCE] })).statusCode, 'resubmitted').toBe(200);
    s = await detail(caseNo);
    expect(s.status).toBe(10);
    expect(s.openTasks.map((x: { elementId: string }) => x.elementId)).toEqual(['review']);
    expect(s.clocks.suspensions[0]).toMatchObject({ id: 'sp-1', type: 'APPLICANT_RECTIFY' });
    expect(s.clocks.suspensions[0].end).toBeDefined();
    const timeline = (await t.app.inject({ method: 'GET', url: `/api/cases/${caseNo}/timeline`, headers: t.tokens.auditor })).json() as Array<{ what: string; why?: string; actorId?: string }>;
    expect(timeline.filter((r) => r.what === 'correction.requested')).toEqual([expect.objectContaining({ actorId: 'samr-staff', why: '经营场所平面图与现场不符，请重新提交' })]);
    expect(timeline.filter((r) => r.what === 'correction.resubmitted')).toEqual([expect.objectContaining({ actorId: 'applicant' })]);
    // A second 驳回 to the applicant is refused even after the resubmission: one notice tells everything.
    await completeTask(t.app, t.tokens['samr-staff'], caseNo, 'review', { opinion: '已补正' });
    const next = await openTask(t.app, t.tokens['samr-staff'], caseNo, 'siteCheck');
    await post(task(next, 'claim'), 'samr-staff');
    const second = await post(task(next, 'reject'), 'samr-staff', { to: 'applicant', resume: 'through', reason: '再补一份' });
    expect(second.statusCode).toBe(409);
    expect(second.json()).toMatchObject({ code: 'CORRECTION_ALREADY_REQUESTED' });
  });

  it('resubmitted with back-to-me, the case returns straight to the rejecting step', async () => {
    const { caseNo, siteCheck } = await atSiteCheck();
    expect((await post(task(siteCheck, 'reject'), 'samr-staff', { to: 'applicant', resume: 'back-to-me', reason: '请补充场所照片' })).statusCode).toBe(200);
    expect((await post(`/api/cases/${caseNo}/correction`, 'applicant', { materials: [LICENCE] })).statusCode).toBe(200);
    const s = await detail(caseNo);
    expect(s.openTasks).toEqual([expect.objectContaining({ taskId: siteCheck, elementId: 'siteCheck', assignee: 'samr-staff' })]);
    expect((await post(task(siteCheck, 'complete'), 'samr-staff', { opinion: '核查完毕' })).statusCode).toBe(200);
  });
});
