/**
 * Every role against every route: allowed (2xx), or refused with 401 (no login), 403 (the policy says no)
 * or 404 (a task or case the caller may not even see). Each cell runs on a fresh resource.
 */
import type { InjectOptions } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildTestApp, fixture, login, type TestApp } from './helper.js';

const WHO = ['anonymous', 'admin', 'market-admin', 'market-staff', 'applicant', 'auditor'] as const;
type Who = (typeof WHO)[number];
type Outcome = 'ok' | 401 | 403 | 404;

let t: TestApp;
const tokens = {} as Record<Who, Record<string, string>>;
let serial = 0;

beforeAll(async () => {
  t = await buildTestApp({ SHENPI_LOGIN_RATE_LIMIT: '1000' });
  tokens.anonymous = {};
  for (const who of WHO.slice(1)) tokens[who] = await login(t.app, who);
  const deployed = await t.app.inject({ method: 'POST', url: '/api/definitions?department=market-supervision', headers: { ...tokens.admin, 'content-type': 'application/xml' }, payload: fixture('review.bpmn') });
  expect(deployed.statusCode).toBe(201);
});
afterAll(() => t.close());

/** A fresh case of the applicant, waiting at the review task. */
async function freshCase(): Promise<{ caseNo: string; taskId: string }> {
  const res = await t.app.inject({ method: 'POST', url: '/api/process-cases', headers: tokens.applicant, payload: { definitionKey: 'permit', caseNo: `M-${++serial}` } });
  const caseNo = res.json<{ caseNo: string }>().caseNo;
  const tasks = await t.app.inject({ method: 'GET', url: `/api/tasks?caseNo=${caseNo}`, headers: tokens.admin });
  return { caseNo, taskId: tasks.json<Array<{ taskId: string }>>()[0]!.taskId };
}

/** A fresh case past review, waiting for the fee-paid message. */
async function caseAwaitingMessage(): Promise<string> {
  const { caseNo, taskId } = await freshCase();
  await t.app.inject({ method: 'POST', url: `/api/tasks/${encodeURIComponent(taskId)}/complete`, headers: tokens['market-staff'], payload: {} });
  return caseNo;
}

const task = (action: string) => async (): Promise<InjectOptions> => ({ method: 'POST', url: `/api/tasks/${encodeURIComponent((await freshCase()).taskId)}/${action}`, payload: {} });

interface Row {
  route: string;
  request: () => Promise<InjectOptions> | InjectOptions;
  expected: Record<Who, Outcome>;
}

const row = (route: string, request: Row['request'], [anonymous, admin, marketAdmin, staff, applicant, auditor]: Outcome[]): Row => ({
  route,
  request,
  expected: { anonymous, admin, 'market-admin': marketAdmin, 'market-staff': staff, applicant, auditor } as Record<Who, Outcome>,
});

const ALL_OK: Outcome[] = ['ok', 'ok', 'ok', 'ok', 'ok', 'ok'];

const MATRIX: Row[] = [
  row('GET /', () => ({ method: 'GET', url: '/' }), ALL_OK),
  row('GET /healthz', () => ({ method: 'GET', url: '/healthz' }), ALL_OK),
  row('GET /readyz', () => ({ method: 'GET', url: '/readyz' }), ALL_OK),
  row('GET /metrics', () => ({ method: 'GET', url: '/metrics' }), ALL_OK),
  row('GET /openapi.json', () => ({ method: 'GET', url: '/openapi.json' }), ALL_OK),
  row('GET /api/auth/me', () => ({ method: 'GET', url: '/api/auth/me' }), [401, 'ok', 'ok', 'ok', 'ok', 'ok']),
  row('GET /api/users', () => ({ method: 'GET', url: '/api/users' }), [401, 'ok', 'ok', 403, 403, 'ok']),
  row('POST /api/users', () => ({ method: 'POST', url: '/api/users', payload: { id: `user-${++serial}`, name: '赵六', department: 'market-supervision', roles: ['department-staff'], password: 'long-enough-pw' } }), [401, 'ok', 'ok', 403, 403, 403]),
  row('POST /api/definitions', () => ({ method: 'POST', url: '/api/definitions', payload: { xml: fixture('review.bpmn'), department: 'market-supervision' } }), [401, 'ok', 'ok', 403, 403, 403]),
  row('GET /api/definitions', () => ({ method: 'GET', url: '/api/definitions' }), [401, 'ok', 'ok', 'ok', 'ok', 'ok']),
  row('POST /api/process-cases', () => ({ method: 'POST', url: '/api/process-cases', payload: { definitionKey: 'permit' } }), [401, 'ok', 403, 'ok', 'ok', 403]),
  row('GET /api/process-cases/:caseNo', async () => ({ method: 'GET', url: `/api/process-cases/${(await freshCase()).caseNo}` }), [401, 'ok', 'ok', 'ok', 'ok', 'ok']),
  row('GET /api/tasks', () => ({ method: 'GET', url: '/api/tasks' }), [401, 'ok', 'ok', 'ok', 403, 'ok']),
  row('GET /api/tasks/:id', async () => ({ method: 'GET', url: `/api/tasks/${encodeURIComponent((await freshCase()).taskId)}` }), [401, 'ok', 'ok', 'ok', 404, 'ok']),
  row('POST /api/tasks/:id/claim', task('claim'), [401, 403, 'ok', 'ok', 404, 403]),
  row('POST /api/tasks/:id/complete', task('complete'), [401, 403, 'ok', 'ok', 404, 403]),
  row('POST /api/messages', async () => ({ method: 'POST', url: '/api/messages', payload: { caseNo: await caseAwaitingMessage(), name: 'fee-paid' } }), [401, 'ok', 'ok', 'ok', 403, 403]),
  row('GET /api/clock', () => ({ method: 'GET', url: '/api/clock' }), [401, 'ok', 'ok', 'ok', 'ok', 'ok']),
  row('POST /api/clock', () => ({ method: 'POST', url: '/api/clock', payload: { advanceMs: 1000 } }), [401, 'ok', 403, 403, 403, 403]),
  row('GET /api/audit', () => ({ method: 'GET', url: '/api/audit' }), [401, 'ok', 403, 403, 403, 'ok']),
  row('GET /api/audit/verify', () => ({ method: 'GET', url: '/api/audit/verify' }), [401, 'ok', 403, 403, 403, 'ok']),
];

describe('permission matrix', () => {
  it('covers every route the server has', async () => {
    const covered = new Set(MATRIX.map((r) => r.route));
    // Every route but the docs UI is in the OpenAPI document, so the document lists what must be covered.
    const doc = (await t.app.inject('/openapi.json')).json<{ paths: Record<string, Record<string, unknown>> }>();
    const documented = Object.entries(doc.paths).flatMap(([p, methods]) => Object.keys(methods).map((m) => `${m.toUpperCase()} ${p.replace(/\{(\w+)\}/g, ':$1')}`));
    expect(documented.length).toBeGreaterThan(15);
    expect(documented.filter((r) => !covered.has(r) && !isExempt(r))).toEqual([]);
  });

  for (const r of MATRIX) {
    it.each(WHO.map((who) => [who, r.expected[who]] as const))(`${r.route} as %s → %s`, async (who, expected) => {
      const options = await r.request();
      const res = await t.app.inject({ ...options, headers: { ...(options.headers ?? {}), ...tokens[who] } });
      if (expected === 'ok') expect(res.statusCode, res.body).toBeLessThan(300);
      else expect(res.statusCode, res.body).toBe(expected);
    });
  }

  it('logs out any role, and only with a token', async () => {
    expect((await t.app.inject({ method: 'POST', url: '/api/auth/logout' })).statusCode).toBe(401);
    for (const who of WHO.slice(1)) {
      const fresh = await login(t.app, who);
      expect((await t.app.inject({ method: 'POST', url: '/api/auth/logout', headers: fresh })).statusCode, who).toBe(204);
    }
  });
});

/** Routes outside the matrix: login (everyone logs in above) and logout (its own test). */
function isExempt(route: string): boolean {
  return route === 'POST /api/auth/login' || route === 'POST /api/auth/logout';
}
