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

describe('a reform office below the city edits its own level and below', () => {
  const CITY = '市数据资源管理局';
  let county: Record<string, string>;
  let city: Record<string, string>;
  beforeEach(async () => {
    // A city department with a position and a clerk, beside the sample's district (西湖区) and street (北山街道).
    expect((await send('POST', '/api/org/departments', { id: CITY, name: CITY, region: '330100' })).statusCode).toBe(201);
    expect((await send('POST', '/api/org/positions', { id: 'sjj.clerk', department: CITY, kind: 'clerk' })).statusCode).toBe(201);
    expect((await send('POST', '/api/users', { id: 'sjj-staff', name: '钱七', department: CITY, roles: ['department-staff'], position: 'sjj.clerk', password: PASSWORD })).statusCode).toBe(201);
    for (const [id, region] of [['xihu-office', '330106'], ['city-office', '330100']] as const) {
      expect((await send('POST', '/api/users', { id, name: id, roles: ['reform-office-admin'], region, password: PASSWORD })).statusCode).toBe(201);
    }
    county = await login(t.app, 'xihu-office', PASSWORD);
    city = await login(t.app, 'city-office', PASSWORD);
  });

  it('edits its district, its street, their departments, positions and staff', async () => {
    expect((await send('PATCH', '/api/org/regions/330106001', { centre: '北山街道党群服务中心' }, county)).statusCode).toBe(204);
    expect((await send('PATCH', '/api/org/departments/market-supervision', { name: '西湖区市场监督管理局' }, county)).statusCode).toBe(204);
    expect((await send('PATCH', '/api/org/positions/beishan.chief', { name: '社会事务科科长' }, county)).statusCode).toBe(204);
    expect((await send('PATCH', '/api/users/market-staff', { name: '赵六' }, county)).statusCode).toBe(200);
    expect((await send('POST', '/api/org/regions', { code: '330106002', name: '西溪街道', parent: '330106', centre: '西溪街道便民服务中心' }, county)).statusCode).toBe(201);
    expect((await send('POST', '/api/org/departments', { id: '西溪街道社会事务办公室', name: '西溪街道社会事务办公室', region: '330106002' }, county)).statusCode).toBe(201);
    expect((await send('POST', '/api/users', { id: 'xixi-staff', name: '周十', department: '西溪街道社会事务办公室', roles: ['department-staff'], password: PASSWORD }, county)).statusCode).toBe(201);
    expect((await send('POST', '/api/users/market-chief/disable', {}, county)).statusCode).toBe(200);
  });

  it('is refused, with the code and a Chinese message, anything of the city, and nothing changes', async () => {
    const snapshot = async () => [
      (await t.app.inject({ method: 'GET', url: '/api/org', headers: admin })).json(),
      (await t.app.inject({ method: 'GET', url: '/api/users', headers: admin })).json(),
      await counts(),
    ];
    const before = await snapshot();
    const refused: Array<['POST' | 'PATCH', string, object, string]> = [
      ['PATCH', '/api/org/regions/330100', { name: '杭州' }, '330100'],
      ['PATCH', `/api/org/departments/${encodeURIComponent(CITY)}`, { name: '改名' }, CITY],
      ['PATCH', '/api/org/positions/sjj.clerk', { name: '改名' }, 'sjj.clerk'],
      ['PATCH', '/api/users/sjj-staff', { name: '改名' }, 'sjj-staff'],
      // Moving a district clerk up into a city department reaches the city as well.
      ['PATCH', '/api/users/market-staff', { department: CITY }, CITY],
      ['POST', `/api/org/departments/${encodeURIComponent(CITY)}/disable`, {}, CITY],
      ['POST', '/api/org/regions/330100/disable', {}, '330100'],
      ['POST', '/api/org/regions', { code: '330110', name: '余杭区', parent: '330100', centre: '余杭区政务服务中心' }, '330100'],
      ['POST', '/api/org/regions', { code: '340100', name: '合肥市', centre: '合肥市政务服务中心' }, ''],
      ['POST', '/api/org/departments', { id: '市公安局', name: '市公安局', region: '330100' }, '330100'],
      ['POST', '/api/org/positions', { id: 'sjj.chief', department: CITY, kind: 'section-chief' }, CITY],
      ['POST', '/api/org/positions/sjj.clerk/leader', {}, 'sjj.clerk'],
      ['POST', '/api/org/positions/sjj.clerk/holders/remove', { user: 'sjj-staff' }, 'sjj.clerk'],
      ['POST', '/api/users', { id: 'sun.ba', name: '孙八', department: CITY, roles: ['department-staff'], password: PASSWORD }, CITY],
      // An account for the city centre, or for no centre at all, would be above the district.
      ['POST', '/api/users', { id: 'sun.ba', name: '孙八', roles: ['reform-office-admin'], region: '330100', password: PASSWORD }, '330100'],
      ['POST', '/api/users', { id: 'sun.ba', name: '孙八', roles: ['reform-office-admin'], password: PASSWORD }, ''],
      ['POST', '/api/users/sjj-staff/password', { password: 'Autumn-bridge-lantern-77' }, 'sjj-staff'],
      ['POST', '/api/users/sjj-staff/disable', {}, 'sjj-staff'],
      ['POST', '/api/users/admin/disable', {}, 'admin'],
    ];
    for (const [method, url, payload, target] of refused) {
      const res = await send(method, url, payload, county);
      expect(res.statusCode, `${method} ${url}: ${res.body}`).toBe(403);
      expect(res.json(), url).toMatchObject({ code: 'ORG_OUTSIDE_REGION', details: { region: '330106', ...(target ? { target } : {}) } });
      expect(res.json().message, url).toBe(`只能管理本级区划（330106）及其下级的区划、部门、岗位和人员${target ? `，不能修改：${target}` : ''}`);
    }
    expect(await snapshot()).toEqual(before);
    // The console says it in its own words too.
    const { ZH_CN_WORKBENCH } = await import('../../modeler/src/i18n/zh-cn-workbench.js');
    expect(ZH_CN_WORKBENCH['error.ORG_OUTSIDE_REGION']).toBe('只能管理本级及下级区划的组织机构和人员');
  });

  it('lists the accounts of its district and street, not the city\'s, while the organisation tree stays whole', async () => {
    const ids = async (headers: Record<string, string>, query = '') => {
      const res = await t.app.inject({ method: 'GET', url: `/api/users${query}`, headers });
      expect(res.statusCode, res.body).toBe(200);
      return res.json().map((u: { id: string }) => u.id).sort();
    };
    const STREET = ['beishan-admin', 'beishan-chief', 'beishan-staff'];
    const DISTRICT = ['market-admin', 'market-chief', 'market-staff'];
    expect((await send('POST', '/api/users', { id: 'beishan-office', name: '北山街道审改办', roles: ['reform-office-admin'], region: '330106001', password: PASSWORD })).statusCode).toBe(201);
    expect((await send('POST', '/api/users', { id: 'xihu-auditor', name: '西湖区督查员', roles: ['auditor'], region: '330106', password: PASSWORD })).statusCode).toBe(201);
    const street = await login(t.app, 'beishan-office', PASSWORD);
    const auditor = await login(t.app, 'xihu-auditor', PASSWORD);
    // The district's departments and centre accounts and its street's; never the city's, nor accounts placed nowhere (admin, applicant, auditor).
    expect(await ids(county)).toEqual([...STREET, 'beishan-office', ...DISTRICT, 'xihu-auditor', 'xihu-office'].sort());
    expect(await ids(auditor)).toEqual(await ids(county));
    expect(await ids(street)).toEqual([...STREET, 'beishan-office'].sort());
    expect(await ids(county, '?department=market-supervision')).toEqual(DISTRICT);
    expect(await ids(county, `?department=${encodeURIComponent(CITY)}`)).toEqual([]);
    expect(await ids(street, '?department=market-supervision')).toEqual([]);
    // The city centre and the platform's admin read every account.
    const all = ['admin', 'applicant', 'auditor', ...STREET, 'beishan-office', 'city-office', ...DISTRICT, 'sjj-staff', 'xihu-auditor', 'xihu-office'].sort();
    expect(await ids(city)).toEqual(all);
    expect(await ids(admin)).toEqual(all);
    // The tree is read whole at every level: a district's steps and copies may name a city department.
    const org = (await t.app.inject({ method: 'GET', url: '/api/org', headers: street })).json();
    expect(org.departments.map((d: { id: string }) => d.id).sort()).toEqual(['market-supervision', CITY, '北山街道社会事务办公室'].sort());
    expect(org.regions.map((r: { code: string }) => r.code)).toEqual(['330100', '330106', '330106001']);
  });

  it('answers an unknown record as not found, not as outside the region', async () => {
    expect((await send('PATCH', '/api/org/departments/nowhere', { name: '无' }, county)).statusCode).toBe(404);
    expect((await send('PATCH', '/api/users/nobody', { name: '无' }, county)).statusCode).toBe(404);
  });

  it('lets the city reform office edit every level', async () => {
    expect((await send('PATCH', `/api/org/departments/${encodeURIComponent(CITY)}`, { name: '杭州市数据资源管理局' }, city)).statusCode).toBe(204);
    expect((await send('PATCH', '/api/org/departments/market-supervision', { name: '西湖区市场监督管理局' }, city)).statusCode).toBe(204);
    expect((await send('PATCH', '/api/org/regions/330106001', { name: '北山街道' }, city)).statusCode).toBe(204);
    expect((await send('POST', '/api/users/sjj-staff/password', { password: 'Autumn-bridge-lantern-77' }, city)).statusCode).toBe(204);
  });
});
