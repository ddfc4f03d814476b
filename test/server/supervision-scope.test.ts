/**
 * Supervision by level (分级监管): the city centre sees every county and township, a county centre its own
 * county and its townships, a township centre its own, each narrowing to a region or a level within that;
 * over the organisation alone, then over HTTP with an ITEM-02 case of 区市场监督管理局 (a department of 西湖区)
 * in the lights, the overdue list, the clocks, the notices, the case list and the monthly report.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { centreScope, editableRegions } from '../../server/organisation/scope.js';
import { applyFood, buildCaseApp, SAMR, type CaseApp } from './case-support.js';
import { login } from './helper.js';

/** 杭州市 with 西湖区 (北山街道 under it) and 滨江区 (长河街道 under it), one department at each. */
const ORG = {
  regions: [
    { code: '330100', level: 'city' as const },
    { code: '330106', parent: '330100', level: 'county' as const },
    { code: '330106001', parent: '330106', level: 'township' as const },
    { code: '330108', parent: '330100', level: 'county' as const },
    { code: '330108001', parent: '330108', level: 'township' as const },
  ],
  departments: [
    { id: '市市场监督管理局', region: '330100' }, { id: '西湖区市场监督管理局', region: '330106' }, { id: '北山街道社会事务办公室', region: '330106001' },
    { id: '滨江区市场监督管理局', region: '330108' }, { id: '长河街道社会事务办公室', region: '330108001' },
  ],
};

describe('the scope of a centre', () => {
  it('is everything at the city or placed nowhere, the county and its townships at a county, its own at a township', () => {
    expect(centreScope(ORG, undefined, {})).toBeUndefined();
    expect(centreScope(ORG, '330100', {})).toBeUndefined();
    expect(centreScope(ORG, '330106', {})).toEqual(['西湖区市场监督管理局', '北山街道社会事务办公室']);
    expect(centreScope(ORG, '330106001', {})).toEqual(['北山街道社会事务办公室']);
  });

  it('narrows to a region and a level inside the scope, and refuses one outside it', () => {
    expect(centreScope(ORG, '330100', { level: 'township' })).toEqual(['北山街道社会事务办公室', '长河街道社会事务办公室']);
    expect(centreScope(ORG, '330100', { region: '330108' })).toEqual(['滨江区市场监督管理局', '长河街道社会事务办公室']);
    expect(centreScope(ORG, '330100', { region: '330108', level: 'county' })).toEqual(['滨江区市场监督管理局']);
    expect(centreScope(ORG, '330106', { level: 'township' })).toEqual(['北山街道社会事务办公室']);
    expect(centreScope(ORG, '330106', { region: '330108' })).toEqual({ refused: 'region', value: '330108' });
    expect(centreScope(ORG, '330106001', { region: '330106' })).toEqual({ refused: 'region', value: '330106' });
    expect(centreScope(ORG, '330106', { department: '滨江区市场监督管理局' })).toEqual({ refused: 'department', value: '滨江区市场监督管理局' });
    expect(centreScope(ORG, '330106', { department: '北山街道社会事务办公室' })).toEqual(['北山街道社会事务办公室']);
    // The top sees departments the organisation does not place, asked by name.
    expect(centreScope(ORG, undefined, { department: '区公安分局' })).toEqual(['区公安分局']);
    expect(centreScope(ORG, '330100', { region: '330199' })).toEqual({ refused: 'unknown-region', value: '330199' });
  });
});

describe('the regions a reform office edits', () => {
  it('is every region at the city or placed nowhere, the county and its townships at a county, its own at a township', () => {
    expect(editableRegions(ORG, undefined)).toBeUndefined();
    expect(editableRegions(ORG, '330100')).toBeUndefined();
    expect(editableRegions(ORG, '330106')).toEqual(['330106', '330106001']);
    expect(editableRegions(ORG, '330108001')).toEqual(['330108001']);
    // Placed at a region that does not exist: nothing, never everything.
    expect(editableRegions(ORG, '330199')).toEqual([]);
  });
});

describe('supervision over HTTP by level', () => {
  let t: CaseApp;
  let caseNo: string;
  const as: Record<string, Record<string, string>> = {};
  const get = (url: string, who: string) => t.app.inject({ method: 'GET', url, headers: as[who]! });
  const lights = async (who: string, query = '') => {
    const res = await get(`/api/supervision/lights${query}`, who);
    expect(res.statusCode, res.body).toBe(200);
    const body = res.json();
    return { departments: body.departments.map((d: { department: string }) => d.department), overdue: body.overdue.length, clocks: body.clocks.length };
  };

  beforeAll(async () => {
    t = await buildCaseApp();
    caseNo = await applyFood(t.app, t.tokens.applicant);
    expect((await t.app.inject({ method: 'POST', url: `/api/cases/${caseNo}/accept`, headers: t.tokens['samr-staff'], payload: {} })).statusCode).toBe(200);
    const create = (payload: object) => t.app.inject({ method: 'POST', url: '/api/users', headers: t.tokens.admin, payload: { ...payload, password: 'Spring-river-lantern-42' } });
    expect((await t.app.inject({ method: 'POST', url: '/api/org/regions', headers: t.tokens.admin, payload: { code: '330108', name: '滨江区', parent: '330100', centre: '滨江区政务服务中心' } })).statusCode).toBe(201);
    for (const [id, role, region] of [['city-office', 'reform-office-admin', '330100'], ['xihu-office', 'reform-office-admin', '330106'], ['binjiang-office', 'reform-office-admin', '330108'], ['beishan-auditor', 'auditor', '330106001']] as const) {
      expect((await create({ id, name: id, roles: [role], region })).statusCode).toBe(201);
      as[id] = await login(t.app, id, 'Spring-river-lantern-42');
    }
    as['samr-staff'] = t.tokens['samr-staff'];
  });
  afterAll(() => t.close());

  it('shows the county case to the city and the county centre, not to another county or the township', async () => {
    expect((await lights('city-office')).departments).toEqual([SAMR]);
    expect((await lights('xihu-office')).departments).toEqual([SAMR]);
    expect((await lights('binjiang-office')).departments).toEqual([]);
    expect((await lights('beishan-auditor')).departments).toEqual([]);
    // The case list and the notices follow the same scope.
    expect((await get('/api/cases', 'xihu-office')).json().items.map((r: { caseNo: string }) => r.caseNo)).toEqual([caseNo]);
    expect((await get('/api/cases', 'beishan-auditor')).json()).toEqual({ total: 0, items: [] });
    expect((await get('/api/supervision/notices', 'binjiang-office')).json()).toEqual([]);
    const month = String((await get(`/api/cases/${caseNo}`, 'city-office')).json().receivedAt).slice(0, 7);
    const departmentsIn = async (who: string) => (await get(`/api/reports/monthly?month=${month}`, who)).json().rows.map((r: { department: string }) => r.department);
    expect(await departmentsIn('city-office')).toEqual([SAMR]);
    expect(await departmentsIn('xihu-office')).toEqual([SAMR]);
    expect(await departmentsIn('binjiang-office')).toEqual([]);
  });

  it('narrows by level and region within the scope, and refuses a region above or beside it naming the field', async () => {
    expect((await lights('city-office', '?level=county')).departments).toEqual([SAMR]);
    expect((await lights('city-office', '?level=township')).departments).toEqual([]);
    expect((await lights('city-office', '?region=330108')).departments).toEqual([]);
    expect((await lights('xihu-office', '?region=330106001')).departments).toEqual([]);
    const above = await get('/api/supervision/lights?region=330106', 'beishan-auditor');
    expect(above.statusCode).toBe(403);
    expect(above.json()).toMatchObject({ code: 'FORBIDDEN', details: { field: 'region', reason: 'outside-centre-scope' } });
    expect((await get(`/api/supervision/lights?department=${encodeURIComponent(SAMR)}`, 'binjiang-office')).json()).toMatchObject({ code: 'FORBIDDEN', details: { field: 'department' } });
    expect((await get('/api/supervision/lights?region=330199', 'city-office')).json()).toMatchObject({ code: 'ORG_REFERENCE_UNKNOWN', details: { field: 'region' } });
  });

  it('keeps a department to its own lights, narrowed to nothing outside its region', async () => {
    expect((await lights('samr-staff')).departments).toEqual([SAMR]);
    expect((await lights('samr-staff', '?level=county')).departments).toEqual([SAMR]);
    expect((await lights('samr-staff', '?region=330106001')).departments).toEqual([]);
    expect((await get('/api/supervision/lights?department=market-supervision', 'samr-staff')).statusCode).toBe(403);
  });
});
