/**
 * Opening one case by its number follows the supervision level (分级监管) as the case list does: a county
 * centre opens the cases of its county and its townships, not a city department's; a township centre
 * neither; the city centre every case. Outside the level a case is answered as absent (404), on every
 * route that names it, so a county cannot probe which city cases exist. Over HTTP with the sample
 * organisation (杭州市 › 西湖区 › 北山街道): an ITEM-02 case of 区市场监督管理局 (西湖区) and an ITEM-05 case of
 * 市不动产登记中心 (杭州市).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { applyFood, buildCaseApp, type CaseApp } from './case-support.js';
import { login } from './helper.js';

const CITY_DEPARTMENT = '市不动产登记中心';
const PASSWORD = 'Spring-river-lantern-42';
const PROPERTY_FACTS = { seller: { kind: 'PERSON', married: false }, buyer: { kind: 'PERSON', isSmallMicroEnterprise: false }, propertyUse: 'RESIDENTIAL', certificatesRequested: 2, byAgent: false, contract: { filed: true } };

describe('one case by its number, by level', () => {
  let t: CaseApp;
  let countyCase: string;
  let cityCase: string;
  let cityStatusBefore: number;
  const as: Record<string, Record<string, string>> = {};
  const get = (url: string, who: string) => t.app.inject({ method: 'GET', url, headers: as[who]! });
  const status = async (url: string, who: string) => (await get(url, who)).statusCode;

  beforeAll(async () => {
    t = await buildCaseApp({}, ['ITEM-05']);
    const admin = t.tokens.admin;
    const department = await t.app.inject({ method: 'POST', url: '/api/org/departments', headers: admin, payload: { id: CITY_DEPARTMENT, name: CITY_DEPARTMENT, region: '330100' } });
    expect(department.statusCode, department.body).toBe(201);
    const accounts = [
      { id: 'city-office', roles: ['reform-office-admin'], region: '330100' },
      { id: 'xihu-office', roles: ['reform-office-admin'], region: '330106' },
      { id: 'beishan-auditor', roles: ['auditor'], region: '330106001' },
      { id: 'bdc-staff', roles: ['department-staff'], department: CITY_DEPARTMENT },
    ];
    for (const a of accounts) {
      const res = await t.app.inject({ method: 'POST', url: '/api/users', headers: admin, payload: { ...a, name: a.id, password: PASSWORD } });
      expect(res.statusCode, res.body).toBe(201);
      as[a.id] = await login(t.app, a.id, PASSWORD);
    }
    as['samr-staff'] = t.tokens['samr-staff'];
    as.auditor = t.tokens.auditor;
    countyCase = await applyFood(t.app, t.tokens.applicant);
    expect((await t.app.inject({ method: 'POST', url: `/api/cases/${countyCase}/accept`, headers: t.tokens['samr-staff'], payload: {} })).statusCode).toBe(200);
    const applied = await t.app.inject({ method: 'POST', url: '/api/cases', headers: t.tokens.applicant, payload: { itemCode: 'ITEM-05', channel: 'online', facts: PROPERTY_FACTS } });
    expect(applied.statusCode, applied.body).toBe(201);
    cityCase = applied.json<{ caseNo: string }>().caseNo;
    cityStatusBefore = (await get(`/api/cases/${cityCase}`, 'city-office')).json().status;
  });
  afterAll(() => t.close());

  it('answers a county centre 404 for a city case on every route that names it, as for a case that does not exist', async () => {
    for (const path of ['', '/timeline', '/documents/acceptance-notice', '/materials/M1']) {
      const res = await get(`/api/cases/${cityCase}${path}`, 'xihu-office');
      expect(res.statusCode, path).toBe(404);
      expect(res.json(), path).toMatchObject({ code: 'NOT_FOUND' });
      expect(res.json().message, path).toBe((await get(`/api/cases/NO-SUCH-CASE${path}`, 'xihu-office')).json().message.replace('NO-SUCH-CASE', cityCase));
    }
    expect(await status(`/api/process-cases/${cityCase}`, 'xihu-office')).toBe(404);
    // A command names the case too: still absent, not "forbidden".
    const accept = await t.app.inject({ method: 'POST', url: `/api/cases/${cityCase}/accept`, headers: as['xihu-office']!, payload: {} });
    expect(accept.statusCode).toBe(404);
    expect((await get(`/api/cases/${cityCase}`, 'city-office')).json().status).toBe(cityStatusBefore);
  });

  it('opens the county case to the county centre, and nothing outside its level to the township', async () => {
    for (const path of ['', '/timeline', '/documents/acceptance-notice', '/materials/M1']) expect(await status(`/api/cases/${countyCase}${path}`, 'xihu-office'), path).toBe(200);
    expect(await status(`/api/process-cases/${countyCase}`, 'xihu-office')).toBe(200);
    expect(await status(`/api/cases/${countyCase}`, 'beishan-auditor')).toBe(404);
    expect(await status(`/api/cases/${countyCase}/timeline`, 'beishan-auditor')).toBe(404);
    expect(await status(`/api/cases/${cityCase}`, 'beishan-auditor')).toBe(404);
  });

  it('opens every case to the city centre and to an account placed at no centre', async () => {
    for (const who of ['city-office', 'auditor']) {
      expect(await status(`/api/cases/${countyCase}`, who), who).toBe(200);
      expect(await status(`/api/cases/${cityCase}`, who), who).toBe(200);
      expect(await status(`/api/cases/${cityCase}/timeline`, who), who).toBe(200);
    }
  });

  it('keeps a department to the cases it works on, whatever the level', async () => {
    expect(await status(`/api/cases/${countyCase}`, 'samr-staff')).toBe(200);
    expect(await status(`/api/cases/${cityCase}`, 'samr-staff')).toBe(404);
    expect(await status(`/api/cases/${cityCase}`, 'bdc-staff')).toBe(200);
    expect(await status(`/api/cases/${countyCase}`, 'bdc-staff')).toBe(404);
  });

  it('shows the steps of a case by the same level: the inbox rows and one task by its id', async () => {
    const tasks = async (who: string) => (await get(`/api/tasks?caseNo=${countyCase}`, who)).json<Array<{ taskId: string }>>().map((x) => x.taskId);
    const shown = await tasks('xihu-office');
    expect(shown.length).toBeGreaterThan(0);
    expect(await tasks('city-office')).toEqual(shown);
    expect(await tasks('beishan-auditor')).toEqual([]);
    expect(await status(`/api/tasks/${shown[0]}`, 'xihu-office')).toBe(200);
    expect(await status(`/api/tasks/${shown[0]}`, 'beishan-auditor')).toBe(404);
    // The colleagues who may hold a step and the steps to reject to are read by the same level: a township
    // centre may not learn the names of a county department's staff.
    for (const path of ['candidates', 'reject-targets']) {
      expect(await status(`/api/tasks/${shown[0]}/${path}`, 'xihu-office'), path).toBe(200);
      expect(await status(`/api/tasks/${shown[0]}/${path}`, 'city-office'), path).toBe(200);
      expect(await status(`/api/tasks/${shown[0]}/${path}`, 'beishan-auditor'), path).toBe(404);
    }
    // An operation on a step outside the level is answered as for a task that does not exist, not refused.
    const urge = await t.app.inject({ method: 'POST', url: `/api/tasks/${shown[0]}/urge`, headers: as['beishan-auditor']!, payload: {} });
    expect(urge.statusCode, urge.body).toBe(404);
  });

  it('lists to each centre the cases it may open', async () => {
    const listed = async (who: string) => (await get('/api/cases', who)).json().items.map((r: { caseNo: string }) => r.caseNo).sort();
    expect(await listed('city-office')).toEqual([countyCase, cityCase].sort());
    expect(await listed('xihu-office')).toEqual([countyCase]);
    expect(await listed('beishan-auditor')).toEqual([]);
  });
});
