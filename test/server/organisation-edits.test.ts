/**
 * Editing the organisation: the reform office renames regions (and their centres), departments and
 * positions, and changes a user's name or department; a new user may take a position at once. Each edit is
 * audited, each refusal names its field and stores nothing.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { buildTestApp, expectRefusedWithoutTrace, login, type TestApp } from './helper.js';

let t: TestApp;
let admin: Record<string, string>;
beforeEach(async () => {
  t = await buildTestApp({ SHENPI_LOGIN_RATE_LIMIT: '1000' });
  admin = await login(t.app, 'admin');
});
afterEach(() => t.close());

const send = (method: 'POST' | 'PATCH', url: string, payload: object, headers = admin) => t.app.inject({ method, url, headers, payload });
const counts = async () => Promise.all(['regions', 'departments', 'positions', 'position_holders', 'users', 'audit_log'].map(async (table) => Number((await t.app.store.knex(table).count({ n: '*' }).first())?.n)));
const PASSWORD = 'Spring-river-lantern-42';

describe('the reform office edits the organisation', () => {
  it('renames a street and its centre, a department and a position, keeping their codes, each audited', async () => {
    expect((await send('PATCH', '/api/org/regions/330106001', { name: '北山街道（新）', centre: '北山街道党群服务中心' })).statusCode).toBe(204);
    expect((await send('PATCH', '/api/org/departments/market-supervision', { name: '西湖区市场监督管理局' })).statusCode).toBe(204);
    expect((await send('PATCH', '/api/org/positions/market.chief', { name: '登记科科长' })).statusCode).toBe(204);
    const org = (await t.app.inject({ method: 'GET', url: '/api/org', headers: admin })).json();
    expect(org.regions.find((r: { code: string }) => r.code === '330106001')).toEqual({ code: '330106001', name: '北山街道（新）', level: 'township', parent: '330106', centre: '北山街道党群服务中心', disabled: false });
    expect(org.departments.find((d: { id: string }) => d.id === 'market-supervision')).toEqual({ id: 'market-supervision', name: '西湖区市场监督管理局', region: '330106', disabled: false });
    expect(org.positions.find((p: { id: string }) => p.id === 'market.chief')).toMatchObject({ name: '登记科科长', kind: 'section-chief', holders: ['market-chief'] });
    const entries = (await t.app.audit.list({ actorId: 'admin' })).map((e) => [e.action, e.target, e.details]);
    expect(entries).toEqual(expect.arrayContaining([
      ['org.region-renamed', 'region:330106001', { name: '北山街道（新）', centre: '北山街道党群服务中心' }],
      ['org.department-renamed', 'department:market-supervision', { name: '西湖区市场监督管理局' }],
      ['org.position-renamed', 'position:market.chief', { name: '登记科科长' }],
    ]));
  });

  it('refuses an empty name naming the field, an unknown one as not found, and stores nothing', async () => {
    await expectRefusedWithoutTrace(t.app, { method: 'PATCH', url: '/api/org/regions/330106', headers: admin, payload: { name: '' } }, counts);
    await expectRefusedWithoutTrace(t.app, { method: 'PATCH', url: '/api/org/departments/nowhere', headers: admin, payload: { name: '无' } }, counts);
    await expectRefusedWithoutTrace(t.app, { method: 'PATCH', url: '/api/org/positions/market.chief', headers: admin, payload: {} }, counts);
    const empty = await send('PATCH', '/api/org/regions/330106', { name: '' });
    expect(empty.statusCode).toBe(400);
    expect(empty.json()).toMatchObject({ code: 'VALIDATION_FAILED', details: { errors: [{ path: '/body/name', keyword: 'minLength' }] } });
    expect(empty.json().message).toContain('字段 /body/name');
    expect((await send('PATCH', '/api/org/departments/nowhere', { name: '无' })).statusCode).toBe(404);
  });

  it('creates a user holding a position, refuses a position of another department, and moves a user only once they left their positions', async () => {
    const created = await send('POST', '/api/users', { id: 'sun.ba', name: '孙八', department: 'market-supervision', roles: ['department-staff'], position: 'market.clerk', password: PASSWORD });
    expect(created.statusCode, created.body).toBe(201);
    expect((await t.app.identity.org.position('market.clerk'))?.holders).toEqual(['market-staff', 'sun.ba']);
    await expectRefusedWithoutTrace(t.app, { method: 'POST', url: '/api/users', headers: admin, payload: { id: 'wu.jiu', name: '吴九', department: 'market-supervision', roles: ['department-staff'], position: 'beishan.clerk', password: PASSWORD } }, counts);
    const unknown = await send('POST', '/api/users', { id: 'wu.jiu', name: '吴九', department: 'market-supervision', roles: ['department-staff'], position: 'market.nobody', password: PASSWORD });
    expect(unknown.json()).toMatchObject({ code: 'ORG_REFERENCE_UNKNOWN', details: { field: 'position' } });

    const renamed = await send('PATCH', '/api/users/sun.ba', { name: '孙小八' });
    expect(renamed.json()).toMatchObject({ id: 'sun.ba', name: '孙小八', department: 'market-supervision' });
    await expectRefusedWithoutTrace(t.app, { method: 'PATCH', url: '/api/users/sun.ba', headers: admin, payload: { department: '北山街道社会事务办公室' } }, counts);
    const holding = await send('PATCH', '/api/users/sun.ba', { department: '北山街道社会事务办公室' });
    expect(holding.json()).toMatchObject({ code: 'BUSINESS_RULE', details: { field: 'department', positions: ['market.clerk'] } });
    expect((await send('PATCH', '/api/users/sun.ba', { department: 'nowhere' })).json()).toMatchObject({ code: 'ORG_REFERENCE_UNKNOWN', details: { field: 'department' } });
    expect((await send('POST', '/api/org/positions/market.clerk/holders/remove', { user: 'sun.ba' })).statusCode).toBe(204);
    const moved = await send('PATCH', '/api/users/sun.ba', { department: '北山街道社会事务办公室' });
    expect(moved.json()).toMatchObject({ department: '北山街道社会事务办公室' });
    expect((await send('POST', '/api/org/positions/beishan.clerk/holders', { user: 'sun.ba' })).json()).toMatchObject({ holders: ['beishan-staff', 'sun.ba'] });
    const audit = (await t.app.audit.list({ actorId: 'admin' })).filter((e) => e.target === 'sun.ba').map((e) => [e.action, e.details]);
    expect(audit).toEqual(expect.arrayContaining([['user.updated', { name: '孙小八' }], ['user.updated', { department: '北山街道社会事务办公室' }]]));
    expect((await send('PATCH', '/api/users/nobody', { name: '无' })).statusCode).toBe(404);
  });

  it('lets only the reform office edit', async () => {
    for (const who of ['market-admin', 'market-staff', 'auditor']) {
      const headers = await login(t.app, who);
      expect((await send('PATCH', '/api/org/departments/market-supervision', { name: '改名' }, headers)).statusCode).toBe(403);
      expect((await send('PATCH', '/api/users/market-staff', { name: '改名' }, headers)).statusCode).toBe(403);
    }
  });
});
