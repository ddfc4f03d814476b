/**
 * Accounts and their protection: the password policy, changing one's own password, the reform office's
 * reset and disable, scrypt parameters with rehash on login, login throttling per account and per address
 * (with trustProxy), security headers and no-store.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { DEFAULT_SCRYPT, hashParams, hashPassword } from '../../server/identity/passwords.js';
import { passwordProblem } from '../../server/identity/password-policy.js';
import { ADMIN_PASSWORD, buildTestApp, DEMO_PASSWORD, login, TEST_SCRYPT, type TestApp } from './helper.js';

let t: TestApp;
beforeEach(async () => {
  t = await buildTestApp({ SHENPI_LOGIN_RATE_LIMIT: '1000' });
});
afterEach(() => t.close());

const STRONG = 'Spring-river-lantern-42';

describe('password policy', () => {
  it('refuses short, user-id and common passwords, naming the rule', () => {
    expect(passwordProblem('short-pw-1', 'li.wei')?.rule).toBe('length');
    expect(passwordProblem('li.wei-password', 'li.wei')?.rule).toBe('user-id');
    expect(passwordProblem('LI.WEI12345678', 'li.wei')?.rule).toBe('user-id');
    expect(passwordProblem('password1234', 'li.wei')?.rule).toBe('common');
    expect(passwordProblem('123456789012', 'li.wei')?.rule).toBe('common');
    expect(passwordProblem('aaaaaaaaaaaa', 'li.wei')?.rule).toBe('common');
    expect(passwordProblem(STRONG, 'li.wei')).toBeUndefined();
  });

  it('answers POST /api/users with a weak password with 422 PASSWORD_TOO_WEAK and stores no user', async () => {
    const admin = await login(t.app, 'admin');
    for (const [password, rule] of [['abcdefghij', 'length'], ['zhao.liu-2026-x', 'user-id'], ['qwerty123456', 'common']] as const) {
      const res = await t.app.inject({ method: 'POST', url: '/api/users', headers: admin, payload: { id: 'zhao.liu', name: '赵六', roles: ['applicant'], password } });
      expect(res.statusCode, res.body).toBe(422);
      expect(res.json()).toMatchObject({ code: 'PASSWORD_TOO_WEAK', details: { rule, field: '/body/password' } });
    }
    expect(await t.app.identity.users.get('zhao.liu')).toBeUndefined();
  });
});

describe('changing, resetting and disabling', () => {
  it("changes one's own password with the current one and revokes the other sessions", async () => {
    const first = await login(t.app, 'market-staff');
    const second = await login(t.app, 'market-staff');
    const wrong = await t.app.inject({ method: 'POST', url: '/api/auth/password', headers: first, payload: { currentPassword: 'not-it-at-all', newPassword: STRONG } });
    expect(wrong.json()).toMatchObject({ code: 'CURRENT_PASSWORD_WRONG' });
    expect(wrong.statusCode).toBe(403);
    const weak = await t.app.inject({ method: 'POST', url: '/api/auth/password', headers: first, payload: { currentPassword: DEMO_PASSWORD, newPassword: 'market-staff-2026' } });
    expect(weak.json()).toMatchObject({ code: 'PASSWORD_TOO_WEAK', details: { rule: 'user-id' } });
    const ok = await t.app.inject({ method: 'POST', url: '/api/auth/password', headers: first, payload: { currentPassword: DEMO_PASSWORD, newPassword: STRONG } });
    expect(ok.statusCode, ok.body).toBe(204);
    expect((await t.app.inject({ method: 'GET', url: '/api/auth/me', headers: first })).statusCode).toBe(200);
    expect((await t.app.inject({ method: 'GET', url: '/api/auth/me', headers: second })).json()).toMatchObject({ code: 'TOKEN_INVALID' });
    await expect(login(t.app, 'market-staff')).rejects.toThrow(/401/);
    await login(t.app, 'market-staff', STRONG);
  });

  it('resets a password to a temporary one that must be changed before anything else', async () => {
    const admin = await login(t.app, 'admin');
    const old = await login(t.app, 'market-staff');
    const staffOnly = await t.app.inject({ method: 'POST', url: '/api/users/market-staff/password', headers: await login(t.app, 'market-admin'), payload: { password: STRONG } });
    expect(staffOnly.statusCode).toBe(403);
    const reset = await t.app.inject({ method: 'POST', url: '/api/users/market-staff/password', headers: admin, payload: { password: STRONG } });
    expect(reset.statusCode, reset.body).toBe(204);
    expect((await t.app.inject({ method: 'GET', url: '/api/auth/me', headers: old })).statusCode).toBe(401);
    const fresh = await login(t.app, 'market-staff', STRONG);
    expect((await t.app.inject({ method: 'GET', url: '/api/auth/me', headers: fresh })).json()).toMatchObject({ mustChangePassword: true });
    expect((await t.app.inject({ method: 'GET', url: '/api/tasks', headers: fresh })).json()).toMatchObject({ code: 'PASSWORD_CHANGE_REQUIRED' });
    const changed = await t.app.inject({ method: 'POST', url: '/api/auth/password', headers: fresh, payload: { currentPassword: STRONG, newPassword: 'Autumn-bridge-willow-77' } });
    expect(changed.statusCode, changed.body).toBe(204);
    expect((await t.app.inject({ method: 'GET', url: '/api/tasks', headers: fresh })).statusCode).toBe(200);
    const actions = (await t.app.audit.list()).map((e) => e.action);
    expect(actions).toEqual(expect.arrayContaining(['user.password-reset', 'auth.password-changed']));
  });

  it('disables an account (no login, sessions revoked) and enables it again', async () => {
    const admin = await login(t.app, 'admin');
    const session = await login(t.app, 'market-staff');
    const disabled = await t.app.inject({ method: 'POST', url: '/api/users/market-staff/disable', headers: admin });
    expect(disabled.json()).toMatchObject({ id: 'market-staff', disabled: true });
    expect((await t.app.inject({ method: 'GET', url: '/api/auth/me', headers: session })).statusCode).toBe(401);
    await expect(login(t.app, 'market-staff')).rejects.toThrow(/401/);
    expect((await t.app.inject({ method: 'POST', url: '/api/users/admin/disable', headers: admin })).json()).toMatchObject({ code: 'BUSINESS_RULE' });
    expect((await t.app.inject({ method: 'POST', url: '/api/users/nobody/disable', headers: admin })).statusCode).toBe(404);
    expect((await t.app.inject({ method: 'POST', url: '/api/users/market-staff/enable', headers: admin })).json()).toMatchObject({ disabled: false });
    await login(t.app, 'market-staff');
  });
});

describe('scrypt', () => {
  it("uses OWASP's parameters by default and rehashes an older hash at login", async () => {
    expect(DEFAULT_SCRYPT).toEqual({ N: 2 ** 17, r: 8, p: 1 });
    // A hash made with cheaper parameters than the directory's (TEST_SCRYPT) still verifies …
    const older = await hashPassword(DEMO_PASSWORD, { N: 256, r: 8, p: 1 });
    await t.app.store.knex('users').where({ id: 'auditor' }).update({ password_hash: older });
    await login(t.app, 'auditor');
    // … and is replaced by one with the current parameters.
    const stored = String((await t.app.store.knex('users').where({ id: 'auditor' }).first('password_hash')).password_hash);
    expect(hashParams(stored)).toEqual(TEST_SCRYPT);
    await login(t.app, 'auditor');
  });
});

describe('login throttling', () => {
  it('limits failed logins of one account from many addresses, and lets other accounts in', async () => {
    const statuses: number[] = [];
    for (let i = 0; i < 12; i++) {
      statuses.push((await t.app.inject({ method: 'POST', url: '/api/auth/login', remoteAddress: `10.0.0.${i + 1}`, payload: { username: 'admin', password: `guess-${i}` } })).statusCode);
    }
    expect(statuses).toEqual([...Array(10).fill(401), 429, 429]);
    const right = await t.app.inject({ method: 'POST', url: '/api/auth/login', remoteAddress: '10.0.0.99', payload: { username: 'admin', password: ADMIN_PASSWORD } });
    expect(right.json()).toMatchObject({ code: 'RATE_LIMITED' });
    await login(t.app, 'market-staff');
  });
});

describe('per address, behind a proxy', () => {
  let p: TestApp;
  afterEach(() => p.close());

  it('limits one address across accounts, but not the colleagues behind another', async () => {
    p = await buildTestApp({ SHENPI_LOGIN_RATE_LIMIT: '5', SHENPI_TRUST_PROXY: '127.0.0.1' });
    const from = (address: string, username: string) => p.app.inject({ method: 'POST', url: '/api/auth/login', headers: { 'x-forwarded-for': address }, payload: { username, password: 'wrong-password' } });
    const statuses: number[] = [];
    for (const username of ['a1', 'a2', 'a3', 'a4', 'a5', 'a6']) statuses.push((await from('203.0.113.7', username)).statusCode);
    expect(statuses).toEqual([401, 401, 401, 401, 401, 429]);
    // Another client behind the same proxy: the forwarded address counts, not the proxy's.
    expect((await from('198.51.100.20', 'market-staff')).statusCode).toBe(401);
  });

  it('ignores X-Forwarded-For when the proxy is not trusted', async () => {
    p = await buildTestApp({ SHENPI_LOGIN_RATE_LIMIT: '3' });
    const statuses: number[] = [];
    for (let i = 0; i < 4; i++) {
      statuses.push((await p.app.inject({ method: 'POST', url: '/api/auth/login', headers: { 'x-forwarded-for': `198.51.100.${i}` }, payload: { username: `u${i}`, password: 'wrong-password' } })).statusCode);
    }
    expect(statuses).toEqual([401, 401, 401, 429]);
  });
});

describe('security headers', () => {
  it('sends CSP with frame-ancestors none, nosniff and no-store on personal data', async () => {
    const admin = await login(t.app, 'admin');
    for (const url of ['/api/auth/me', '/api/users', '/api/tasks', '/api/cases']) {
      const res = await t.app.inject({ method: 'GET', url, headers: admin });
      expect(res.headers['cache-control'], url).toBe('no-store');
      expect(res.headers['x-content-type-options']).toBe('nosniff');
      expect(String(res.headers['content-security-policy'])).toContain("frame-ancestors 'none'");
      expect(res.headers['x-frame-options']).toBe('DENY');
    }
    const login401 = await t.app.inject({ method: 'POST', url: '/api/auth/login', payload: { username: 'admin', password: 'wrong' } });
    expect(login401.headers['cache-control']).toBe('no-store');
    expect(String((await t.app.inject('/healthz')).headers['content-security-policy'])).toContain("script-src 'self'");
  });
});
