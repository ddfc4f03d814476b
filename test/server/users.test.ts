/** Users: creating and listing real-name accounts, by role. */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { buildTestApp, login, type TestApp } from './helper.js';

let t: TestApp;
beforeEach(async () => {
  t = await buildTestApp();
});
afterEach(() => t.close());

const staffUser = { id: 'li.wei', name: '李伟', idNumber: '11010519491231002X', department: 'market-supervision', roles: ['department-staff'], groups: ['reviewer'], password: 'long-enough-pw' };

describe('users', () => {
  it('creates a user with a real-name record, answering only the last four characters of the ID number', async () => {
    const admin = await login(t.app, 'admin');
    const res = await t.app.inject({ method: 'POST', url: '/api/users', headers: admin, payload: staffUser });
    expect(res.statusCode).toBe(201);
    expect(res.json()).toMatchObject({ id: 'li.wei', name: '李伟', idSuffix: '002X', department: 'market-supervision', roles: ['department-staff'], groups: ['reviewer'], createdBy: 'admin' });
    expect(res.body).not.toContain('password');
    expect(res.body).not.toContain('11010519491231');
    // The full number is the real-name record an online application takes the applicant's identity from.
    expect(await t.app.identity.users.realNameOf('li.wei')).toEqual({ name: '李伟', idType: 'RESIDENT_ID', idNumber: '11010519491231002X' });
    const list = await t.app.inject({ method: 'GET', url: '/api/users', headers: admin });
    expect(list.body).not.toContain('11010519491231');
    // The new user can log in.
    await login(t.app, 'li.wei', 'long-enough-pw');
  });

  it('refuses a taken id with 409 and a department role without department with 422', async () => {
    const admin = await login(t.app, 'admin');
    const dup = await t.app.inject({ method: 'POST', url: '/api/users', headers: admin, payload: { ...staffUser, id: 'market-staff' } });
    expect(dup.statusCode).toBe(409);
    expect(dup.json()).toMatchObject({ code: 'ID_TAKEN', details: { field: 'id', taken: 'market-staff' } });
    const { department: _omit, ...noDept } = staffUser;
    const rule = await t.app.inject({ method: 'POST', url: '/api/users', headers: admin, payload: noDept });
    expect(rule.statusCode).toBe(422);
    expect(rule.json()).toMatchObject({ code: 'BUSINESS_RULE' });
  });

  it('refuses a bad field with 400 naming its path', async () => {
    const admin = await login(t.app, 'admin');
    const res = await t.app.inject({ method: 'POST', url: '/api/users', headers: admin, payload: { ...staffUser, roles: ['king'] } });
    expect(res.statusCode).toBe(400);
    expect(res.json().details.errors[0].path).toBe('/body/roles/0');
    const extra = await t.app.inject({ method: 'POST', url: '/api/users', headers: admin, payload: { ...staffUser, admin: true } });
    expect(extra.json().details.errors[0].path).toBe('/body/admin');
  });

  it("lets a department admin create staff of their own department only", async () => {
    const deptAdmin = await login(t.app, 'market-admin');
    const { department: _omit, ...implicit } = staffUser;
    const own = await t.app.inject({ method: 'POST', url: '/api/users', headers: deptAdmin, payload: implicit });
    expect(own.statusCode).toBe(201);
    expect(own.json().department).toBe('market-supervision');
    const other = await t.app.inject({ method: 'POST', url: '/api/users', headers: deptAdmin, payload: { ...staffUser, id: 'x.y', department: 'health' } });
    expect(other.statusCode).toBe(403);
    const promote = await t.app.inject({ method: 'POST', url: '/api/users', headers: deptAdmin, payload: { ...staffUser, id: 'x.z', roles: ['reform-office-admin'] } });
    expect(promote.statusCode).toBe(403);
  });

  it('lists all users for the reform office and the department for its admin', async () => {
    const all = await t.app.inject({ method: 'GET', url: '/api/users', headers: await login(t.app, 'admin') });
    expect(all.json().map((u: { id: string }) => u.id)).toEqual(['admin', 'applicant', 'auditor', 'beishan-admin', 'beishan-chief', 'beishan-staff', 'market-admin', 'market-chief', 'market-staff']);
    const dept = await t.app.inject({ method: 'GET', url: '/api/users', headers: await login(t.app, 'market-admin') });
    expect(dept.json().map((u: { id: string }) => u.id)).toEqual(['market-admin', 'market-chief', 'market-staff']);
    const foreign = await t.app.inject({ method: 'GET', url: '/api/users?department=health', headers: await login(t.app, 'market-admin') });
    expect(foreign.statusCode).toBe(403);
  });

  it('records the creation in the audit log with the actor', async () => {
    const admin = await login(t.app, 'admin');
    await t.app.inject({ method: 'POST', url: '/api/users', headers: admin, payload: staffUser });
    const entries = await t.app.audit.list({ actorId: 'admin' });
    expect(entries.find((e) => e.action === 'user.created')).toMatchObject({ target: 'li.wei', details: { department: 'market-supervision', roles: ['department-staff'] } });
  });
});
