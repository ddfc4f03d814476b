/**
 * The organisation: the sample of a first start (city, district, street, their centres, departments with
 * clerk and chief), the reform office's routes with their refusals and audit entries, and who may use them.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { divisionCodeProblem, levelOfCode } from '../../server/organisation/division-codes.js';
import { buildTestApp, expectRefusedWithoutTrace, login, type TestApp } from './helper.js';

let t: TestApp;
let admin: Record<string, string>;
beforeEach(async () => {
  t = await buildTestApp({ SHENPI_LOGIN_RATE_LIMIT: '1000' });
  admin = await login(t.app, 'admin');
});
afterEach(() => t.close());

const post = (url: string, payload: object, headers = admin) => t.app.inject({ method: 'POST', url, headers, payload });
const counts = async () => Promise.all(['regions', 'departments', 'positions', 'position_holders', 'audit_log'].map(async (table) => Number((await t.app.store.knex(table).count({ n: '*' }).first())?.n)));

describe('division codes', () => {
  it('reads the level from the code and checks it against the parent', () => {
    expect([levelOfCode('330100'), levelOfCode('330106'), levelOfCode('330106001'), levelOfCode('330000'), levelOfCode('33010'), levelOfCode('330106000')]).toEqual(['city', 'county', 'township', undefined, undefined, undefined]);
    expect(divisionCodeProblem('330106', { code: '330100', level: 'city' })).toBeUndefined();
    expect(divisionCodeProblem('330206', { code: '330100', level: 'city' })).toMatch(/start with the digits '3301'/);
    expect(divisionCodeProblem('330106001', { code: '330100', level: 'city' })).toMatch(/parent of township '330106001' to be a county/);
    expect(divisionCodeProblem('330106')).toMatch(/name its parent/);
  });
});

describe('the sample organisation', () => {
  it('has one city, one district and one street, each with its centre, and a clerk and a chief in every department', async () => {
    const res = await t.app.inject({ method: 'GET', url: '/api/org', headers: await login(t.app, 'market-staff') });
    expect(res.statusCode, res.body).toBe(200);
    const org = res.json();
    expect(org.regions).toEqual([
      { code: '330100', name: '杭州市', level: 'city', centre: '杭州市政务服务中心', disabled: false },
      { code: '330106', name: '西湖区', level: 'county', parent: '330100', centre: '西湖区政务服务中心', disabled: false },
      { code: '330106001', name: '北山街道', level: 'township', parent: '330106', centre: '北山街道便民服务中心', disabled: false },
    ]);
    expect(org.departments).toEqual([
      { id: 'market-supervision', name: 'market-supervision', region: '330106', disabled: false },
      { id: '北山街道社会事务办公室', name: '北山街道社会事务办公室', region: '330106001', disabled: false },
    ]);
    const market = org.positions.filter((p: { department: string }) => p.department === 'market-supervision');
    expect(market).toEqual([
      { id: 'market.chief', department: 'market-supervision', kind: 'section-chief', name: '科长', leader: 'market.deputy', holders: ['market-chief'], disabled: false },
      { id: 'market.clerk', department: 'market-supervision', kind: 'clerk', name: '科员', leader: 'market.chief', holders: ['market-staff'], disabled: false },
      { id: 'market.deputy', department: 'market-supervision', kind: 'deputy-head', name: '分管领导', leader: 'market.head', holders: [], disabled: false },
      { id: 'market.head', department: 'market-supervision', kind: 'head', name: '负责人', holders: ['market-admin'], disabled: false },
    ]);
    expect(org.positions.find((p: { id: string }) => p.id === 'beishan.clerk').holders).toEqual(['beishan-staff']);
    // The chief logs in and works the department's steps like the clerk.
    const me = await t.app.inject({ method: 'GET', url: '/api/auth/me', headers: await login(t.app, 'beishan-chief') });
    expect(me.json()).toMatchObject({ department: '北山街道社会事务办公室', roles: ['department-staff'] });
  });
});

describe('the reform office keeps the organisation', () => {
  it('creates a county, a department, positions with a leader and a holder, each audited', async () => {
    const county = await post('/api/org/regions', { code: '330108', name: '滨江区', parent: '330100', centre: '滨江区政务服务中心' });
    expect(county.statusCode, county.body).toBe(201);
    expect(county.json()).toEqual({ code: '330108', name: '滨江区', level: 'county', parent: '330100', centre: '滨江区政务服务中心', disabled: false });
    const dept = await post('/api/org/departments', { id: '滨江区市场监督管理局', name: '滨江区市场监督管理局', region: '330108' });
    expect(dept.statusCode, dept.body).toBe(201);
    expect((await post('/api/org/positions', { id: 'bj.chief', department: '滨江区市场监督管理局', kind: 'section-chief' })).json()).toMatchObject({ name: '科长', holders: [] });
    const clerk = await post('/api/org/positions', { id: 'bj.clerk', department: '滨江区市场监督管理局', kind: 'clerk', name: '登记科科员', leader: 'bj.chief' });
    expect(clerk.json()).toMatchObject({ id: 'bj.clerk', name: '登记科科员', leader: 'bj.chief' });
    const user = await post('/api/users', { id: 'zhou.qi', name: '周七', department: '滨江区市场监督管理局', roles: ['department-staff'], password: 'Spring-river-lantern-42' });
    expect(user.statusCode, user.body).toBe(201);
    const held = await post('/api/org/positions/bj.clerk/holders', { user: 'zhou.qi' });
    expect(held.json()).toMatchObject({ holders: ['zhou.qi'] });
    const entries = (await t.app.audit.list({ actorId: 'admin' })).map((e) => [e.action, e.target]);
    expect(entries).toEqual(expect.arrayContaining([
      ['org.region-created', 'region:330108'], ['org.department-created', 'department:滨江区市场监督管理局'],
      ['org.position-created', 'position:bj.clerk'], ['org.position-held', 'position:bj.clerk'],
    ]));
    const left = await post('/api/org/positions/bj.clerk/holders/remove', { user: 'zhou.qi' });
    expect(left.statusCode).toBe(204);
    expect((await t.app.identity.org.position('bj.clerk'))?.holders).toEqual([]);
  });

  it('refuses bad codes, unknown references, a foreign holder and a leader loop, storing nothing', async () => {
    await expectRefusedWithoutTrace(t.app, { method: 'POST', url: '/api/org/regions', headers: admin, payload: { code: '330206', name: '错区', parent: '330100', centre: '中心' } }, counts);
    await expectRefusedWithoutTrace(t.app, { method: 'POST', url: '/api/org/regions', headers: admin, payload: { code: '330108', name: '滨江区', parent: '339900', centre: '中心' } }, counts);
    await expectRefusedWithoutTrace(t.app, { method: 'POST', url: '/api/org/departments', headers: admin, payload: { id: 'x', name: 'x', region: '330199' } }, counts);
    await expectRefusedWithoutTrace(t.app, { method: 'POST', url: '/api/org/positions', headers: admin, payload: { id: 'x.y', department: 'nowhere', kind: 'clerk' } }, counts);
    await expectRefusedWithoutTrace(t.app, { method: 'POST', url: '/api/org/positions/market.clerk/holders', headers: admin, payload: { user: 'beishan-staff' } }, counts);
    await expectRefusedWithoutTrace(t.app, { method: 'POST', url: '/api/org/positions/market.head/leader', headers: admin, payload: { leader: 'market.clerk' } }, counts);
    const bad = await post('/api/org/regions', { code: '330206', name: '错区', parent: '330100', centre: '中心' });
    expect(bad.json()).toMatchObject({ code: 'DIVISION_CODE_INVALID', details: { field: 'code' } });
    const unknown = await post('/api/org/departments', { id: 'x', name: 'x', region: '330199' });
    expect(unknown.statusCode).toBe(422);
    expect(unknown.json()).toMatchObject({ code: 'ORG_REFERENCE_UNKNOWN', details: { field: 'region' } });
    expect((await post('/api/org/regions', { code: '330106', name: '西湖区', parent: '330100', centre: '中心' })).statusCode).toBe(409);
  });

  it('disables a department: no new positions there; enabling it again allows them', async () => {
    expect((await post('/api/org/departments/market-supervision/disable', {})).statusCode).toBe(204);
    const refused = await post('/api/org/positions', { id: 'market.extra', department: 'market-supervision', kind: 'clerk' });
    expect(refused.json()).toMatchObject({ code: 'BUSINESS_RULE', details: { field: 'department' } });
    expect((await post('/api/org/departments/market-supervision/enable', {})).statusCode).toBe(204);
    expect((await post('/api/org/positions', { id: 'market.extra', department: 'market-supervision', kind: 'clerk' })).statusCode).toBe(201);
    expect((await post('/api/org/departments/nowhere/disable', {})).statusCode).toBe(404);
  });

  it('places a centre account at its region, and refuses an unknown one', async () => {
    const ok = await post('/api/users', { id: 'xihu.auditor', name: '西湖监察', roles: ['auditor'], region: '330106', password: 'Spring-river-lantern-42' });
    expect(ok.json()).toMatchObject({ region: '330106' });
    const bad = await post('/api/users', { id: 'nowhere.auditor', name: '无处', roles: ['auditor'], region: '330199', password: 'Spring-river-lantern-42' });
    expect(bad.json()).toMatchObject({ code: 'ORG_REFERENCE_UNKNOWN', details: { field: 'region' } });
  });

  it('lets only the reform office write, and no applicant read', async () => {
    for (const who of ['market-admin', 'market-staff', 'auditor']) {
      expect((await post('/api/org/regions', { code: '330108', name: '滨江区', parent: '330100', centre: '中心' }, await login(t.app, who))).statusCode).toBe(403);
    }
    expect((await t.app.inject({ method: 'GET', url: '/api/org', headers: await login(t.app, 'applicant') })).statusCode).toBe(403);
    expect((await t.app.inject({ method: 'GET', url: '/api/org' })).statusCode).toBe(401);
  });
});
