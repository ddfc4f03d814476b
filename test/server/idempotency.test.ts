/**
 * `Idempotency-Key` on mutating routes: a replay returns the first answer and writes nothing (no second case,
 * no second audit entry); the same key with another body is refused with 422; a key is scoped to the caller,
 * the route and the resource. Runs on SQLite, and on PostgreSQL when DATABASE_URL is set.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { verifyAuditChain } from '../../server/audit/audit-log.js';
import { foodCase } from './case-fixtures.js';
import { buildCaseApp, foodFacts, LICENCE, type CaseApp } from './case-support.js';

let t: CaseApp;
beforeAll(async () => {
  t = await buildCaseApp();
}, 120_000);
afterAll(() => t.close());

const application = (over: Record<string, unknown> = {}) => ({
  itemCode: 'ITEM-02', channel: 'online', facts: foodFacts(), applicant: { name: '陈静餐饮有限公司', kind: 'ENTERPRISE', idNumber: '33010219900101123X' }, materials: [LICENCE], ...over,
});
const count = async (table: string, where: Record<string, unknown> = {}) => Number((await t.app.store.knex(table).where(where).count({ n: '*' }).first())?.n ?? 0);
const apply = (key: string, body: object, token = t.tokens.applicant) =>
  t.app.inject({ method: 'POST', url: '/api/cases', headers: { ...token, 'idempotency-key': key }, payload: body });
const openReview = async (caseNo: string) => (await t.app.cases.service.getCase(caseNo))!.openTasks.find((x) => x.elementId === 'review')!.taskId;
const complete = (taskId: string, key: string, body: object = { outcome: 'approve' }) =>
  t.app.inject({ method: 'POST', url: `/api/tasks/${encodeURIComponent(taskId)}/complete`, headers: { ...t.tokens['samr-staff'], 'idempotency-key': key }, payload: body });

describe('Idempotency-Key', () => {
  it('answers a repeated application with the first answer: one case, one audit entry', async () => {
    const cases = await count('cases');
    const entries = await count('audit_log', { action: 'case.applied' });
    const first = await apply('apply-key-0001', application());
    expect(first.statusCode, first.body).toBe(201);
    const again = await apply('apply-key-0001', application());
    expect(again.statusCode).toBe(201);
    expect(again.headers['idempotent-replayed']).toBe('true');
    expect(again.json()).toEqual(first.json());
    expect(await count('cases')).toBe(cases + 1);
    expect(await count('audit_log', { action: 'case.applied' })).toBe(entries + 1);
    expect((await t.app.store.knex('audit_log').where({ action: 'case.applied' }).orderBy('seq', 'desc').first()).target).toBe(first.json().caseNo);
  });

  it('refuses the same key with another body with 422 IDEMPOTENCY_KEY_REUSED, writing nothing', async () => {
    expect((await apply('apply-key-0002', application())).statusCode).toBe(201);
    const cases = await count('cases');
    const entries = await count('audit_log');
    const other = await apply('apply-key-0002', application({ channel: 'online', facts: foodFacts({ area: 99 }) }));
    expect(other.statusCode).toBe(422);
    expect(other.json().code).toBe('IDEMPOTENCY_KEY_REUSED');
    expect(await count('cases')).toBe(cases);
    expect(await count('audit_log')).toBe(entries);
  });

  it('scopes a key to the caller: another user with the same key gets their own answer', async () => {
    const mine = await apply('apply-key-0003', application());
    const theirs = await apply('apply-key-0003', application(), t.tokens['market-staff']);
    expect(mine.statusCode).toBe(201);
    // Not the first caller's case: the second caller's own request ran (and the policy answered it).
    expect(theirs.headers['idempotent-replayed']).toBeUndefined();
    expect(theirs.body).not.toBe(mine.body);
  });

  it('binds a task completion key to its task: the same key on task B completes B, and replays on A answer A', async () => {
    const [a, b] = [await foodCase(t.app, 'handling'), await foodCase(t.app, 'handling')];
    const [taskA, taskB] = [await openReview(a), await openReview(b)];
    const entries = await count('audit_log', { action: 'task.completed' });
    const onA = await complete(taskA, 'complete-key-01');
    expect(onA.statusCode, onA.body).toBe(200);
    const onB = await complete(taskB, 'complete-key-01');
    expect(onB.statusCode, onB.body).toBe(200);
    expect(onB.json().caseNo).toBe(b);
    expect(onB.headers['idempotent-replayed']).toBeUndefined();
    expect(await count('tasks', { task_id: taskB, status: 'completed' })).toBe(1);
    const replayA = await complete(taskA, 'complete-key-01');
    expect(replayA.json()).toEqual(onA.json());
    expect(replayA.headers['idempotent-replayed']).toBe('true');
    expect(await count('audit_log', { action: 'task.completed' })).toBe(entries + 2);
    expect((await complete(taskA, 'complete-key-01', { outcome: 'reject' })).json().code).toBe('IDEMPOTENCY_KEY_REUSED');
  });

  it("remembers a refusal for its caller; the same key from the applicant runs the applicant's own request", async () => {
    const caseNo = await foodCase(t.app, 'received');
    const url = `/api/cases/${caseNo}/withdraw`;
    const send = (headers: Record<string, string>) => t.app.inject({ method: 'POST', url, headers: { ...headers, 'idempotency-key': 'withdraw-key-01' }, payload: { reason: '不办了' } });
    // The clerk may not withdraw an applicant's case: 403, remembered as the answer to that request.
    const refused = await send(t.tokens['samr-staff']);
    expect(refused.statusCode).toBe(403);
    expect((await send(t.tokens['samr-staff'])).headers['idempotent-replayed']).toBe('true');
    const done = await send(t.tokens.applicant);
    expect(done.statusCode, done.body).toBe(200);
    expect((await send(t.tokens.applicant)).json()).toEqual(done.json());
    expect(await count('audit_log', { action: 'case.withdrawn', target: caseNo })).toBe(1);
  });

  it('refuses a malformed key with 400 naming the header', async () => {
    const res = await apply('short', application());
    expect(res.statusCode).toBe(400);
    expect(res.json().details.errors[0].path).toBe('/headers/idempotency-key');
  });

  it('leaves the chain verifiable', async () => {
    expect(await verifyAuditChain(t.app.store.knex)).toMatchObject({ ok: true, breakCount: 0 });
  });
});
