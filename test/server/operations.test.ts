/** Health, readiness, metrics, OpenAPI, the home page and the controlled clock. */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { buildTestApp, fixture, login, T0, type TestApp } from './helper.js';

let t: TestApp;
beforeEach(async () => {
  t = await buildTestApp();
});
afterEach(() => t.close());

async function startReminded(): Promise<string> {
  const admin = await login(t.app, 'admin');
  await t.app.inject({ method: 'POST', url: '/api/definitions?department=market-supervision', headers: { ...admin, 'content-type': 'text/xml' }, payload: fixture('reminder.bpmn') });
  const res = await t.app.inject({ method: 'POST', url: '/api/process-cases', headers: await login(t.app, 'applicant'), payload: { definitionKey: 'reminded' } });
  return res.json<{ caseNo: string }>().caseNo;
}

describe('operations', () => {
  it('answers liveness and readiness without a login', async () => {
    expect((await t.app.inject('/healthz')).json()).toEqual({ status: 'ok' });
    expect((await t.app.inject('/readyz')).json()).toEqual({ status: 'ready', database: t.config.store.kind, pendingMigrations: [] });
  });

  it('reports not ready with 503 when a migration has not run', async () => {
    await t.app.store.knex('knex_migrations').where({ name: '0003-identity' }).delete();
    const res = await t.app.inject('/readyz');
    expect(res.statusCode).toBe(503);
    expect(res.json()).toMatchObject({ code: 'NOT_READY', details: { pendingMigrations: ['0003-identity'] } });
  });

  it('serves the OpenAPI 3 document with every route, and the docs UI', async () => {
    const doc = (await t.app.inject('/openapi.json')).json();
    expect(doc.openapi).toMatch(/^3\./);
    for (const p of ['/api/auth/login', '/api/users', '/api/definitions', '/api/tasks', '/api/tasks/{id}/complete', '/api/messages', '/api/clock', '/healthz', '/metrics']) {
      expect(Object.keys(doc.paths)).toContain(p);
    }
    expect(doc.paths['/api/tasks/{id}/complete'].post.responses).toHaveProperty('409');
    expect(Object.keys(doc.paths['/api/definitions'].post.requestBody.content)).toEqual(expect.arrayContaining(['application/json', 'application/xml']));
    const ui = await t.app.inject('/docs/');
    expect(ui.statusCode).toBe(200);
    expect(ui.headers['content-type']).toContain('text/html');
  });

  it('serves the placeholder page where the modeler will be', async () => {
    const res = await t.app.inject('/');
    expect(res.headers['content-type']).toContain('text/html');
    expect(res.body).toContain('modeler will be served here');
  });

  it('answers an unknown route with 404 ROUTE_NOT_FOUND', async () => {
    expect((await t.app.inject('/api/nothing')).json()).toMatchObject({ code: 'ROUTE_NOT_FOUND' });
  });

  it('advances the controlled clock and fires the timers that fell due', async () => {
    const caseNo = await startReminded();
    const admin = await login(t.app, 'admin');
    expect((await t.app.inject({ method: 'GET', url: '/api/clock', headers: admin })).json()).toEqual({ now: T0, controlled: true });
    const moved = await t.app.inject({ method: 'POST', url: '/api/clock', headers: admin, payload: { advanceMs: 3_600_000 } });
    expect(moved.json()).toEqual({ now: '2026-03-02T02:00:00.000Z', controlled: true, timersFired: 1 });
    const outbox = await t.app.store.outbox.listOutbox({ caseNo });
    expect(outbox.map((m) => (m.payload as { action?: string }).action)).toEqual(['notify-staff']);
    const pinned = await t.app.inject({ method: 'POST', url: '/api/clock', headers: admin, payload: { pin: '2026-03-01T00:00:00Z' } });
    expect(pinned.json().now).toBe('2026-03-01T00:00:00.000Z');
    expect((await t.app.inject({ method: 'POST', url: '/api/clock', headers: admin, payload: { pin: 'tomorrow' } })).statusCode).toBe(400);
    expect((await t.app.inject({ method: 'POST', url: '/api/clock', headers: await login(t.app, 'market-staff'), payload: { advanceMs: 1 } })).statusCode).toBe(403);
  });

  it('refuses to move a system clock with 409', async () => {
    await t.close();
    t = await buildTestApp({ SHENPI_CLOCK: 'system' });
    const res = await t.app.inject({ method: 'POST', url: '/api/clock', headers: await login(t.app, 'admin'), payload: { advanceMs: 1000 } });
    expect(res.statusCode).toBe(409);
    expect(res.json().code).toBe('CLOCK_NOT_CONTROLLED');
  });

  it('exposes Prometheus metrics: commands, latency, cases, outbox backlog and timer lag', async () => {
    await startReminded();
    await t.app.inject({ method: 'POST', url: '/api/process-cases', headers: await login(t.app, 'applicant'), payload: { definitionKey: 'missing' } });
    // Time passes without the poller running: the due timer waits, and that wait is the lag.
    t.app.runtime.controlledClock!.advance(2 * 3_600_000);
    const res = await t.app.inject('/metrics');
    expect(res.headers['content-type']).toContain('text/plain; version=0.0.4');
    const text = res.body;
    expect(text).toContain('shenpi_commands_total{outcome="ok",type="case.start"} 1');
    expect(text).toContain('shenpi_commands_total{outcome="rejected",type="case.start"} 1');
    expect(text).toMatch(/shenpi_command_duration_seconds_count\{type="case.start"\} 2/);
    expect(text).toContain('shenpi_cases{light="none",status="active"} 1');
    expect(text).toContain('shenpi_timer_lag_seconds 3600');
    expect(text).toContain('shenpi_outbox_backlog 0');
    expect(text).toMatch(/shenpi_http_requests_total\{method="POST",route="\/api\/process-cases",status="201"\} 1/);
    await t.app.runtime.poller.drain();
    const after = (await t.app.inject('/metrics')).body;
    expect(after).toContain('shenpi_outbox_backlog 1');
    expect(after).toContain('shenpi_timer_lag_seconds 0');
  });
});
