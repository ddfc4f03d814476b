/** Login, tokens, logout and the first-start accounts, through `inject()`. */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ADMIN_PASSWORD, buildTestApp, login, type TestApp } from './helper.js';

let t: TestApp;
beforeEach(async () => {
  t = await buildTestApp();
});
afterEach(() => t.close());

describe('authentication', () => {
  it('creates admin and one demo user per role on first start, storing scrypt hashes only', async () => {
    const rows = await t.app.store.knex('users').select('id', 'roles', 'password_hash').orderBy('id');
    expect(rows.map((r) => r.id)).toEqual(['admin', 'applicant', 'auditor', 'beishan-admin', 'beishan-chief', 'beishan-staff', 'market-admin', 'market-chief', 'market-staff']);
    for (const row of rows) {
      expect(row.password_hash).toMatch(/^scrypt\$1024\$8\$1\$[\w-]+\$[\w-]+$/);
      expect(row.password_hash).not.toContain(ADMIN_PASSWORD);
    }
    expect(t.app.identity.seeded.map((a) => a.id)).toContain('admin');
  });

  it('logs in with the right password and answers who the token belongs to', async () => {
    const res = await t.app.inject({ method: 'POST', url: '/api/auth/login', payload: { username: 'market-staff', password: 'demo-password-1' } });
    expect(res.statusCode).toBe(200);
    const body = res.json<{ token: string; expiresAt: string; user: { id: string; department: string } }>();
    expect(body.token).toMatch(/^sp_/);
    expect(body.user).toMatchObject({ id: 'market-staff', department: 'market-supervision', roles: ['department-staff'] });
    const me = await t.app.inject({ method: 'GET', url: '/api/auth/me', headers: { authorization: `Bearer ${body.token}` } });
    expect(me.json()).toMatchObject({ id: 'market-staff' });
    // Only the token's hash is stored.
    const stored = await t.app.store.knex('sessions').select('token_hash');
    expect(stored.some((s) => s.token_hash === body.token)).toBe(false);
  });

  it('refuses a wrong password and an unknown user alike with 401', async () => {
    for (const payload of [{ username: 'admin', password: 'wrong' }, { username: 'nobody', password: 'wrong' }]) {
      const res = await t.app.inject({ method: 'POST', url: '/api/auth/login', payload });
      expect(res.statusCode).toBe(401);
      expect(res.json()).toMatchObject({ code: 'UNAUTHENTICATED' });
    }
  });

  it('tells a missing token from a bad one', async () => {
    expect((await t.app.inject({ method: 'GET', url: '/api/auth/me' })).json()).toMatchObject({ code: 'UNAUTHENTICATED' });
    const bad = await t.app.inject({ method: 'GET', url: '/api/auth/me', headers: { authorization: 'Bearer sp_not-a-token' } });
    expect(bad.statusCode).toBe(401);
    expect(bad.json()).toMatchObject({ code: 'TOKEN_INVALID' });
    expect((await t.app.inject({ method: 'GET', url: '/api/auth/me', headers: { authorization: 'Basic abc' } })).json()).toMatchObject({ code: 'TOKEN_INVALID' });
  });

  it('revokes the token on logout', async () => {
    const headers = await login(t.app, 'admin');
    expect((await t.app.inject({ method: 'POST', url: '/api/auth/logout', headers })).statusCode).toBe(204);
    // The English message names the reason (test/contracts checks the Chinese one).
    const after = await t.app.inject({ method: 'GET', url: '/api/auth/me', headers: { ...headers, 'accept-language': 'en' } });
    expect(after.statusCode).toBe(401);
    expect(after.json().message).toContain('revoked');
  });

  it('refuses an expired token', async () => {
    const headers = await login(t.app, 'admin');
    await t.app.store.knex('sessions').update({ expires_at: '2000-01-01T00:00:00.000Z' });
    const res = await t.app.inject({ method: 'GET', url: '/api/auth/me', headers: { ...headers, 'accept-language': 'en' } });
    expect(res.statusCode).toBe(401);
    expect(res.json().message).toContain('expired');
  });

  it('rate-limits login attempts per client address with 429', async () => {
    const statuses: number[] = [];
    for (let i = 0; i < 12; i++) {
      statuses.push((await t.app.inject({ method: 'POST', url: '/api/auth/login', payload: { username: 'admin', password: 'guess' + i } })).statusCode);
    }
    expect(statuses.slice(0, 10).every((s) => s === 401)).toBe(true);
    expect(statuses.slice(10)).toEqual([429, 429]);
    const limited = await t.app.inject({ method: 'POST', url: '/api/auth/login', payload: { username: 'admin', password: ADMIN_PASSWORD } });
    expect(limited.json()).toMatchObject({ code: 'RATE_LIMITED' });
  });

  it('records logins, refused ones included, in the audit log', async () => {
    await login(t.app, 'admin');
    await t.app.inject({ method: 'POST', url: '/api/auth/login', payload: { username: 'admin', password: 'nope' } });
    const actions = (await t.app.audit.list()).map((e) => e.action);
    expect(actions).toEqual(['auth.logged-in', 'auth.login-refused']);
  });

  it('does not recreate or reset accounts on a second start', async () => {
    await t.app.close();
    const { build } = await import('../../server/app.js');
    // The same database, started again with another admin password in the environment.
    const again = await build({ config: { ...t.config, adminPassword: 'another-password' }, logger: false, background: false });
    t.app = again;
    expect(again.identity.seeded).toEqual([]);
    const res = await again.inject({ method: 'POST', url: '/api/auth/login', payload: { username: 'admin', password: ADMIN_PASSWORD } });
    expect(res.statusCode).toBe(200);
  });
});
