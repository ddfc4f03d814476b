/**
 * The real server on an ephemeral port of 127.0.0.1, driven over HTTP with fetch: a plain BPMN case from
 * deploy to completion, an ITEM-02 approval case from application to evaluation on a controlled clock,
 * outbox effects delivered to a signed webhook by the background dispatcher, and a clean shutdown on SIGTERM
 * that still answers the request in flight.
 */
import { EventEmitter } from 'node:events';
import Fastify, { type FastifyInstance, type FastifyPluginAsync } from 'fastify';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { closeOnSignals } from '../../server/main.js';
import { SIGNATURE_HEADER, TIMESTAMP_HEADER, verifyWebhook } from '../../server/notify/signature.js';
import { itemFiles } from '../items/support.js';
import { CASE_DEPARTMENTS, foodFacts, LICENCE } from './case-support.js';
import { ADMIN_PASSWORD, buildTestApp, DEMO_PASSWORD, fixture, type TestApp } from './helper.js';

const SECRET = 'hook-secret-of-at-least-32-bytes-length';
let receiver: FastifyInstance;
let hooks: Array<{ body: string; valid: boolean }>;
let t: TestApp;
let base: string;

/** A route that answers after 300 ms, to have a request in flight during shutdown. */
const slowRoute: FastifyPluginAsync = async (app) => {
  app.get('/test/slow', { schema: { hide: true } }, async () => {
    await new Promise((resolve) => setTimeout(resolve, 300));
    return { slow: true };
  });
};

beforeEach(async () => {
  hooks = [];
  receiver = Fastify();
  receiver.addContentTypeParser('application/json', { parseAs: 'string' }, (_r, body, done) => done(null, body));
  receiver.post('/hook', async (request) => {
    const body = request.body as string;
    hooks.push({ body, valid: verifyWebhook({ secret: SECRET, body, timestamp: request.headers[TIMESTAMP_HEADER] as string, signature: request.headers[SIGNATURE_HEADER] as string, nowSec: Math.floor(Date.now() / 1000) }) });
    return { ok: true };
  });
  const hookUrl = `${await receiver.listen({ host: '127.0.0.1', port: 0 })}/hook`;
  t = await buildTestApp({ SHENPI_WEBHOOK_URL: hookUrl, SHENPI_WEBHOOK_SECRET: SECRET }, { background: true, routes: [slowRoute], demoDepartments: CASE_DEPARTMENTS });
  base = await t.app.listen({ host: '127.0.0.1', port: 0 });
});
afterEach(async () => {
  await t.close();
  await receiver.close();
});

async function call<T = Record<string, unknown>>(method: string, path: string, token?: string, body?: unknown, type = 'application/json'): Promise<{ status: number; json: T }> {
  const form = body instanceof FormData;
  const res = await fetch(base + path, {
    method,
    // fetch writes the multipart boundary itself.
    headers: { ...(token ? { authorization: `Bearer ${token}` } : {}), ...(body !== undefined && !form ? { 'content-type': type } : {}) },
    body: body === undefined ? undefined : form ? body : typeof body === 'string' ? body : JSON.stringify(body),
  });
  const text = await res.text();
  return { status: res.status, json: (text ? JSON.parse(text) : {}) as T };
}

async function token(username: string, password = DEMO_PASSWORD): Promise<string> {
  const res = await call<{ token: string }>('POST', '/api/auth/login', undefined, { username, password });
  expect(res.status).toBe(200);
  return res.json.token;
}

async function until(check: () => boolean, ms = 5_000): Promise<void> {
  const end = Date.now() + ms;
  while (!check()) {
    if (Date.now() > end) throw new Error('condition not met in time');
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

describe('the server over HTTP', () => {
  it('listens on 127.0.0.1 only', () => {
    expect(new URL(base).hostname).toBe('127.0.0.1');
  });

  it('runs a plain BPMN case from deploy to completion', async () => {
    const admin = await token('admin', ADMIN_PASSWORD);
    expect((await call('POST', '/api/definitions?department=market-supervision', admin, fixture('review.bpmn'), 'application/bpmn+xml')).status).toBe(201);
    const applicant = await token('applicant');
    const started = await call<{ caseNo: string }>('POST', '/api/process-cases', applicant, { definitionKey: 'permit', variables: { applicant: '张三' } });
    expect(started.status).toBe(201);
    const { caseNo } = started.json;

    const staff = await token('market-staff');
    const inbox = await call<Array<{ taskId: string; elementId: string }>>('GET', `/api/tasks?caseNo=${caseNo}`, staff);
    expect(inbox.json.map((x) => x.elementId)).toEqual(['review']);
    expect((await call('POST', `/api/tasks/${encodeURIComponent(inbox.json[0]!.taskId)}/claim`, staff)).status).toBe(200);
    expect((await call('POST', `/api/tasks/${encodeURIComponent(inbox.json[0]!.taskId)}/complete`, staff, { outcome: 'approve', opinion: '同意' })).status).toBe(200);
    expect((await call('POST', '/api/messages', staff, { caseNo, name: 'fee-paid' })).status).toBe(200);
    const issue = await call<Array<{ taskId: string; elementId: string }>>('GET', `/api/tasks?caseNo=${caseNo}`, staff);
    expect(issue.json.map((x) => x.elementId)).toEqual(['issue']);
    expect((await call('POST', `/api/tasks/${encodeURIComponent(issue.json[0]!.taskId)}/complete`, staff, {})).status).toBe(200);

    const seen = await call<{ status: string; tasks: Array<{ status: string }> }>('GET', `/api/process-cases/${caseNo}`, applicant);
    expect(seen.json.status).toBe('completed');
    expect(seen.json.tasks.map((x) => x.status)).toEqual(['completed', 'completed']);
    expect((await call<{ ok: boolean }>('GET', '/api/audit/verify', admin)).json.ok).toBe(true);
  });

  it('runs an ITEM-02 case from application to evaluation on a controlled clock, with its documents, dates and status codes', async () => {
    const admin = await token('admin', ADMIN_PASSWORD);
    const pin = async (date: string, time = '10:00') => expect((await call('POST', '/api/clock', admin, { pin: `${date}T${time}:00+08:00` })).status).toBe(200);
    expect((await call('POST', '/api/items/ITEM-02/versions', admin, { files: await itemFiles('ITEM-02') })).status).toBe(201);
    const applicant = await token('applicant');
    const staff = await token('samr-staff');
    const pdf = (name: string) => new Blob([`%PDF-1.7 ${name}`], { type: 'application/pdf' });

    // Monday 2 March 2026: applied online with the licence shared and only the application form uploaded.
    const D0 = '2026-03-02';
    const form = new FormData();
    form.append('application', JSON.stringify({ itemCode: 'ITEM-02', channel: 'online', facts: foodFacts(), applicant: { kind: 'ENTERPRISE' }, materials: [LICENCE] }));
    form.append('M1', pdf('M1'), 'M1.pdf');
    const applied = await call<{ caseNo: string; status: number }>('POST', '/api/cases', applicant, form);
    expect(applied.status).toBe(201);
    const { caseNo } = applied.json;
    expect(applied.json.status).toBe(1);
    const html = async (kind: string) => (await fetch(`${base}/api/cases/${caseNo}/documents/${kind}`, { headers: { authorization: `Bearer ${applicant}` } })).text();

    // The next working day: one correction notice listing everything missing (行政许可法 第32条).
    await pin('2026-03-03');
    const notice = await call<{ status: number; document: string }>('POST', `/api/cases/${caseNo}/correction-notice`, staff, {});
    expect(notice.json.status).toBe(6);
    const noticeHtml = await html('correction-notice');
    expect(noticeHtml).toContain('一次性补正告知书');
    expect(noticeHtml).toContain('请补正：与食品经营相适应的主要设备设施布局、操作流程等文件');

    // Two working days later the applicant uploads and supplies; the clerk accepts at 15:00.
    const acceptedOn = '2026-03-05'; // Thu
    await pin(acceptedOn);
    const files = new FormData();
    files.append('M3', pdf('M3'), 'M3.pdf');
    files.append('M4', pdf('M4'), 'M4.pdf');
    expect((await call('POST', `/api/cases/${caseNo}/materials`, applicant, files)).status).toBe(201);
    expect((await call<{ status: number }>('POST', `/api/cases/${caseNo}/correction`, applicant, {})).json.status).toBe(7);
    await pin(acceptedOn, '15:00');
    expect((await call<{ status: number }>('POST', `/api/cases/${caseNo}/accept`, staff, {})).json.status).toBe(8);
    const promised = '2026-03-12'; // 5 WD after Thu 03-05: 06, 09, 10, 11, 12
    expect(await html('acceptance-notice')).toContain('<strong data-field="promisedDate">2026年3月12日</strong>');
    type Detail = { status: number; stage: string; light: string; clocks: { promised: { date: string }; statutory: { date: string }; delivery?: { date: string } }; delivery?: { onTime: boolean } };
    const accepted = await call<Detail>('GET', `/api/cases/${caseNo}`, applicant);
    expect(accepted.json).toMatchObject({ status: 8, stage: 'review', light: 'green', clocks: { promised: { date: promised }, statutory: { date: '2026-03-19' } } }); // 10 WD after 03-05: 06, 09..13, 16..19

    // Handling: every step from the inbox, claimed and completed by the department; decided on the third day.
    const step = async (elementId: string, body: object = {}) => {
      const inbox = await call<Array<{ taskId: string; elementId: string }>>('GET', `/api/tasks?caseNo=${caseNo}`, staff);
      const taskId = encodeURIComponent(inbox.json.find((x) => x.elementId === elementId)!.taskId);
      expect((await call('POST', `/api/tasks/${taskId}/claim`, staff)).status).toBe(200);
      expect((await call('POST', `/api/tasks/${taskId}/complete`, staff, body)).status).toBe(200);
    };
    await pin('2026-03-06');
    for (const id of ['review', 'siteCheck', 'audit']) await step(id);
    const decidedOn = '2026-03-10'; // 3 WD after 03-05: 06, 09, 10
    await pin(decidedOn);
    await step('decide', { outcome: 'approve', opinion: '符合许可条件' });
    expect((await call('POST', `/api/cases/${caseNo}/certificate`, staff, {})).status).toBe(200);
    await step('issue');
    const concluded = await call<Detail>('GET', `/api/cases/${caseNo}`, applicant);
    expect(concluded.json).toMatchObject({ status: 11, clocks: { delivery: { date: '2026-03-17' } } }); // 5 WD after Tue 03-10: 11, 12, 13, 16, 17

    // Delivered by express the next day, and evaluated by the applicant.
    await pin('2026-03-11');
    expect((await call('POST', `/api/cases/${caseNo}/delivery`, staff, { method: 'express', trackingNumber: 'EMS9876543210CN', carrier: 'EMS' })).status).toBe(200);
    expect((await call('POST', `/api/cases/${caseNo}/evaluation`, applicant, { grade: 1, comment: '办事效率高' })).status).toBe(200);
    expect((await call<Detail>('GET', `/api/cases/${caseNo}`, applicant)).json.delivery).toMatchObject({ onTime: true });

    const timeline = await call<Array<{ status?: number; what: string; actorId?: string }>>('GET', `/api/cases/${caseNo}/timeline`, applicant);
    expect(timeline.json.filter((e) => e.status !== undefined).map((e) => e.status)).toEqual([1, 6, 7, 3, 8, 11]);
    expect(timeline.json.find((e) => e.what === 'case.evaluated')).toMatchObject({ actorId: 'applicant' });
    const progress = await call('GET', `/api/public/progress?caseNo=${caseNo}&idSuffix=1234`);
    expect(progress.json).toMatchObject({ status: 11, concluded: true, promisedDate: promised });
    expect((await call<{ ok: boolean }>('GET', '/api/audit/verify', admin)).json.ok).toBe(true);
  });

  it('delivers the effects of a fired timer to the webhook, signed', async () => {
    const admin = await token('admin', ADMIN_PASSWORD);
    await call('POST', '/api/definitions?department=market-supervision', admin, fixture('reminder.bpmn'), 'application/xml');
    const { json } = await call<{ caseNo: string }>('POST', '/api/process-cases', await token('applicant'), { definitionKey: 'reminded' });
    const moved = await call<{ timersFired: number }>('POST', '/api/clock', admin, { advanceMs: 3_600_000 });
    expect(moved.json.timersFired).toBe(1);
    await until(() => hooks.length > 0);
    expect(hooks[0]!.valid).toBe(true);
    expect(JSON.parse(hooks[0]!.body)).toMatchObject({ caseNo: json.caseNo, type: 'action.run', payload: { action: 'notify-staff' } });
    // The dispatcher marks the message delivered once the receiver accepted it.
    const pending = async () => (await t.app.store.outbox.listOutbox({ caseNo: json.caseNo, pending: true })).length;
    for (let i = 0; i < 100 && (await pending()) > 0; i++) await new Promise((resolve) => setTimeout(resolve, 20));
    expect(await pending()).toBe(0);
  });

  it('answers the request in flight on SIGTERM, then stops listening', async () => {
    const signals = new EventEmitter();
    const closed = closeOnSignals(t.app, 5_000, signals as unknown as Pick<NodeJS.Process, 'once'>);
    const inFlight = call<{ slow: boolean }>('GET', '/test/slow');
    await new Promise((resolve) => setTimeout(resolve, 50));
    signals.emit('SIGTERM', 'SIGTERM');
    expect(await inFlight).toEqual({ status: 200, json: { slow: true } });
    expect(await closed).toBe('SIGTERM');
    expect(t.app.server.listening).toBe(false);
    await expect(fetch(base + '/healthz')).rejects.toThrow();
  });
});
