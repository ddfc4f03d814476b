/**
 * Handling through inject(): special procedures and their refusals, the one extension (422 over the cap, 403
 * without the approver's role, 409 a second time), returning a step, the decision's guards, the certificate,
 * delivery, fees, the evaluation and its rectification, and a task completed twice (409).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { applyFood, buildCaseApp, completeTask, openTask, type CaseApp } from './case-support.js';

let t: CaseApp;
let caseNo: string;
beforeAll(async () => {
  t = await buildCaseApp({}, ['ITEM-05']);
  caseNo = await applyFood(t.app, t.tokens.applicant);
  expect((await post('accept', t.tokens['samr-staff'])).statusCode).toBe(200);
});
afterAll(() => t.close());

const post = (path: string, headers: Record<string, string>, payload?: unknown) =>
  t.app.inject({ method: 'POST', url: `/api/cases/${caseNo}/${path}`, headers, ...(payload === undefined ? {} : { payload: payload as object }) });
const detail = async () => (await t.app.inject({ method: 'GET', url: `/api/cases/${caseNo}`, headers: t.tokens.auditor })).json();
const siteCheck = { procedure: 'SITE_CHECK', reason: '核查经营场所布局', basis: '《食品经营许可和备案管理办法》', expectedDuration: { value: 2, unit: 'WD' } };

describe('handling a food licence case', () => {
  it('runs a special procedure that counts toward the limits: 9 then 10, the promised date unchanged', async () => {
    const promised = (await detail()).clocks.promised.date;
    expect((await post('special-procedures', t.tokens.applicant, siteCheck)).statusCode).toBe(403);
    expect((await post('special-procedures', t.tokens['market-staff'], siteCheck)).statusCode).toBe(404);
    expect((await post('special-procedures', t.tokens['samr-staff'], { ...siteCheck, procedure: 'EXPERT' })).json().code).toBe('SPECIAL_PROCEDURE_NOT_ALLOWED');
    expect((await post('special-procedures', t.tokens['samr-staff'], { ...siteCheck, procedure: 'PICNIC' })).statusCode).toBe(400);
    const started = await post('special-procedures', t.tokens['samr-staff'], siteCheck);
    expect(started.json()).toMatchObject({ status: 9, id: 'sp-1' });
    expect((await post('special-procedures', t.tokens['samr-staff'], siteCheck)).statusCode).toBe(409);
    expect((await detail()).stage).toBe('special-procedure');
    expect((await post('special-procedures/sp-1/end', t.tokens['samr-staff'], { result: '场所布局符合要求' })).json()).toMatchObject({ status: 10 });
    expect((await post('special-procedures/sp-1/end', t.tokens['samr-staff'], {})).statusCode).toBe(409);
    expect((await post('special-procedures/sp-9/end', t.tokens['samr-staff'], {})).statusCode).toBe(404);
    const after = await detail();
    expect(after.clocks.promised.date).toBe(promised);
    expect(after.clocks.suspensions).toEqual([expect.objectContaining({ id: 'sp-1', type: 'SITE_CHECK', pauses: { statutory: false, promised: false } })]);
  });

  it('grants one extension by the head of the agency, within its cap', async () => {
    const request = { requested: { value: 5, unit: 'WD' }, reason: '现场核查发现需补充论证' };
    expect((await post('extension', t.tokens['samr-staff'], request)).json().code).toBe('EXTENSION_APPROVER_ROLE');
    expect((await post('extension', t.tokens['samr-admin'], { ...request, requested: { value: 6, unit: 'WD' } })).json().code).toBe('EXTENSION_OVER_CAP');
    expect((await post('extension', t.tokens['samr-admin'], { ...request, requested: { value: 5, unit: 'CD' } })).statusCode).toBe(422);
    expect((await detail()).clocks.statutory.date).toBe('2026-03-16'); // 10 WD after Mon 03-02: 03..06, 09..13, 16
    expect((await post('extension', t.tokens['samr-admin'], request)).statusCode).toBe(200);
    expect((await post('extension', t.tokens['samr-admin'], request)).json().code).toBe('EXTENSION_ALREADY_GRANTED');
    const after = await detail();
    expect(after.clocks.extension).toMatchObject({ approvedBy: 'samr-admin', reason: request.reason, extension: { value: 5, unit: 'WD' } });
    expect(after.clocks.statutory.date).toBe('2026-03-23'); // 5 WD more: 17, 18, 19, 20, 23
  });

  it('returns the case to an earlier step with a reason, refusing an unknown step', async () => {
    await completeTask(t.app, t.tokens['samr-staff'], caseNo, 'review');
    expect((await post('return', t.tokens['samr-staff'], { toElementId: 'nowhere', reason: '补充审查' })).statusCode).toBe(422);
    expect((await post('return', t.tokens['samr-staff'], { toElementId: 'review', reason: '补充审查' })).statusCode).toBe(200);
    expect((await detail()).openTasks.map((x: { elementId: string }) => x.elementId)).toEqual(['review']);
    const taskId = await openTask(t.app, t.tokens['samr-staff'], caseNo, 'review');
    await completeTask(t.app, t.tokens['samr-staff'], caseNo, 'review');
    // The same task again: it was completed.
    expect((await t.app.inject({ method: 'POST', url: `/api/tasks/${encodeURIComponent(taskId)}/complete`, headers: t.tokens['samr-staff'], payload: {} })).statusCode).toBe(409);
  });

  it('guards the decision and the issue step, then concludes with the certificate and delivery', async () => {
    await completeTask(t.app, t.tokens['samr-staff'], caseNo, 'siteCheck');
    await completeTask(t.app, t.tokens['samr-staff'], caseNo, 'audit');
    expect((await post('certificate', t.tokens['samr-staff'], {})).json().code).toBe('CERTIFICATE_NOT_ALLOWED');
    const decide = await openTask(t.app, t.tokens['samr-staff'], caseNo, 'decide');
    const complete = (body: object) => t.app.inject({ method: 'POST', url: `/api/tasks/${encodeURIComponent(decide)}/complete`, headers: t.tokens['samr-staff'], payload: body });
    expect((await complete({})).json().code).toBe('INVALID_OUTCOME');
    expect((await complete({ outcome: 'refuse' })).json().code).toBe('REFUSAL_WITHOUT_REASONS');
    expect((await complete({ outcome: 'approve', opinion: '符合许可条件' })).statusCode).toBe(200);
    // The approving decision generated the certificate; asking for it answers the same number.
    const generated = (await detail()).certificate;
    expect(generated).toMatchObject({ number: `ITEM-02-2026-${caseNo.slice(-8)}`, seal: { kind: 'e-seal', algorithm: 'SM2-SM3' } });
    expect((await post('certificate', t.tokens.applicant, {})).statusCode).toBe(403);
    const certificate = await post('certificate', t.tokens['samr-staff'], {});
    expect(certificate.json().certificateNumber).toBe(generated.number);
    await completeTask(t.app, t.tokens['samr-staff'], caseNo, 'issue');
    expect((await detail()).status).toBe(11);
    expect((await post('delivery', t.tokens['samr-staff'], { method: 'express' })).json().code).toBe('DELIVERY_INVALID');
    expect((await post('delivery', t.tokens['samr-staff'], { method: 'express', trackingNumber: 'EMS9876543210CN', carrier: 'EMS' })).statusCode).toBe(200);
    expect((await detail()).delivery).toMatchObject({ method: 'express', onTime: true });
  });

  it('takes one evaluation from the applicant; a poor grade opens a rectification the department completes', async () => {
    expect((await post('evaluation', t.tokens['samr-staff'], { grade: 1 })).statusCode).toBe(403);
    expect((await post('evaluation', t.tokens.applicant, { grade: 6 })).statusCode).toBe(400);
    expect((await post('evaluation', t.tokens.applicant, { grade: 5, comment: '等待时间较长' })).statusCode).toBe(200);
    expect((await post('evaluation', t.tokens.applicant, { grade: 1 })).json().code).toBe('EVALUATION_INVALID');
    expect((await detail()).rectification).toMatchObject({ due: { unit: 'WD' } });
    expect((await post('rectification', t.tokens.applicant, { note: '优化排队' })).statusCode).toBe(403);
    expect((await post('rectification', t.tokens['samr-staff'], { note: '增设窗口，优化排队' })).statusCode).toBe(200);
    expect((await detail()).rectification.completedAt).toBeDefined();
    const audit = (await t.app.inject({ method: 'GET', url: '/api/audit?limit=1000', headers: t.tokens.auditor })).json() as Array<{ action: string; target: string }>;
    expect(audit.filter((e) => e.target === caseNo).map((e) => e.action)).toEqual(expect.arrayContaining([
      'case.applied', 'case.accepted', 'special-procedure.started', 'extension.approved', 'case.returned', 'delivery.recorded', 'case.evaluated', 'rectification.completed',
    ]));
  });

  it('takes fees from the applicant, up to what is due', async () => {
    const applied = await t.app.inject({
      method: 'POST', url: '/api/cases', headers: t.tokens.applicant,
      payload: { itemCode: 'ITEM-05', channel: 'online', facts: { seller: { kind: 'PERSON', married: false }, buyer: { kind: 'PERSON', isSmallMicroEnterprise: false }, propertyUse: 'RESIDENTIAL', certificatesRequested: 2, byAgent: false, contract: { filed: true } } },
    });
    expect(applied.statusCode, applied.body).toBe(201);
    const { caseNo: feeCase, fees } = applied.json();
    expect(fees).toBeGreaterThan(0);
    const pay = (body: object) => t.app.inject({ method: 'POST', url: `/api/cases/${feeCase}/payments`, headers: t.tokens.applicant, payload: body });
    expect((await pay({ amount: fees + 1, reference: 'PAY-1' })).json().code).toBe('PAYMENT_INVALID');
    expect((await pay({ amount: -1, reference: 'PAY-1' })).statusCode).toBe(400);
    expect((await pay({ amount: fees, reference: 'PAY-1' })).statusCode).toBe(200);
    const paid = (await t.app.inject({ method: 'GET', url: `/api/cases/${feeCase}`, headers: t.tokens.applicant })).json().fees;
    expect(paid.payments).toEqual([expect.objectContaining({ amount: fees, reference: 'PAY-1', by: 'applicant' })]);
  });
});
