/**
 * The real server on an ephemeral port of 127.0.0.1, driven over HTTP with fetch: a plain BPMN case from
 * deploy to completion, outbox effects delivered to a signed webhook by the background dispatcher, and a
 * clean shutdown on SIGTERM that still answers the request in flight.
 */
import { EventEmitter } from 'node:events';
import Fastify, { type FastifyInstance, type FastifyPluginAsync } from 'fastify';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { closeOnSignals } from '../../server/main.js';
import { SIGNATURE_HEADER, TIMESTAMP_HEADER, verifyWebhook } from '../../server/notify/signature.js';
import { ADMIN_PASSWORD, buildTestApp, DEMO_PASSWORD, fixture, type TestApp } from './helper.js';

const SECRET = 'hook-secret';
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
  t = await buildTestApp({ SHENPI_WEBHOOK_URL: hookUrl, SHENPI_WEBHOOK_SECRET: SECRET }, { background: true, routes: [slowRoute] });
  base = await t.app.listen({ host: '127.0.0.1', port: 0 });
});
afterEach(async () => {
  await t.close();
  await receiver.close();
});

async function call<T = Record<string, unknown>>(method: string, path: string, token?: string, body?: unknown, type = 'application/json'): Promise<{ status: number; json: T }> {
  const res = await fetch(base + path, {
    method,
    headers: { ...(token ? { authorization: `Bearer ${token}` } : {}), ...(body !== undefined ? { 'content-type': type } : {}) },
    body: body === undefined ? undefined : typeof body === 'string' ? body : JSON.stringify(body),
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
