/**
 * A joint case (并联审批) counts the same departments in the case list as when opened by its number: the
 * lead and every co-department from the application on, before a co-department's branch has a task. Over
 * HTTP with the sample organisation (杭州市 › 西湖区 › 北山街道) and ITEM-03 led by a city department
 * (市市场监督管理局, 杭州市) with its three district co-departments (西湖区): the 西湖区 centre supervises the
 * co-departments, so it lists and opens the case while it waits for acceptance and after the branches
 * start; the 北山街道 centre does neither. A store from before the departments were kept fills them from the
 * case's application.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { caseDepartmentsSchema } from '../../server/store/migrations/20261203T1430-case-departments.js';
import { itemFiles } from '../items/support.js';
import { multipart, pdf } from './case-support.js';
import { buildTestApp, login, type TestApp } from './helper.js';

const CITY_SAMR = '市市场监督管理局';
const DEPARTMENTS = [
  { department: CITY_SAMR, slug: 'citysamr', groups: ['registrar', 'window-clerk'] },
  { department: '区卫生健康委员会', slug: 'health', groups: ['health-inspector'] },
  { department: '区公安分局', slug: 'police', groups: ['police-officer'] },
  { department: '区消防救援大队', slug: 'fire', groups: ['fire-inspector'] },
];
const PASSWORD = 'Spring-river-lantern-42';

describe('a city-led joint case by level, in the list and by its number', () => {
  let t: TestApp;
  let caseNo: string;
  const as: Record<string, Record<string, string>> = {};
  const get = (url: string, who: string) => t.app.inject({ method: 'GET', url, headers: as[who]! });
  const post = (url: string, who: string, payload: object = {}) => t.app.inject({ method: 'POST', url, headers: as[who]!, payload });
  const listed = async (who: string) => {
    const res = await get('/api/cases', who);
    expect(res.statusCode, res.body).toBe(200);
    return res.json().items.map((r: { caseNo: string }) => r.caseNo);
  };
  const opens = async (who: string) => (await get(`/api/cases/${caseNo}`, who)).statusCode;

  beforeAll(async () => {
    t = await buildTestApp({ SHENPI_LOGIN_RATE_LIMIT: '1000' }, { demoDepartments: DEPARTMENTS });
    for (const who of ['admin', 'citysamr-staff', 'police-staff']) as[who] = await login(t.app, who);
    // ITEM-03 as a city department would implement it: the lead department renamed in every file.
    const files = Object.fromEntries(Object.entries(await itemFiles('ITEM-03')).map(([k, v]) => [k, v.replaceAll('区市场监督管理局', CITY_SAMR)]));
    const deployed = await post('/api/items/ITEM-03/versions', 'admin', { files });
    expect(deployed.statusCode, deployed.body).toBe(201);
    for (const [id, role, region] of [['city-office', 'reform-office-admin', '330100'], ['xihu-office', 'reform-office-admin', '330106'], ['beishan-auditor', 'auditor', '330106001']] as const) {
      const res = await post('/api/users', 'admin', { id, name: id, roles: [role], region, password: PASSWORD });
      expect(res.statusCode, res.body).toBe(201);
      as[id] = await login(t.app, id, PASSWORD);
    }
    const application = {
      itemCode: 'ITEM-03', channel: 'window',
      applicant: { id: 'wang-fang', name: '王芳旅馆有限公司', kind: 'ENTERPRISE', idType: 'RESIDENT_ID', idNumber: '330102199001011234' },
      facts: { applicant: { kind: 'ENTERPRISE' }, rooms: 30, hasCentralAC: false, fireSafetyPath: 'NORMAL', byAgent: false },
      materials: [{ material: 'M2', shared: { type: '居民身份证', number: '3301**********1234', issuer: '公安机关' } }],
    };
    const body = multipart([{ name: 'application', value: JSON.stringify(application) }, ...['M1', 'M3', 'M4', 'M5', 'M8', 'M9'].map((m) => ({ name: m, filename: `${m}.pdf`, type: 'application/pdf', bytes: pdf(m) }))]);
    const applied = await t.app.inject({ method: 'POST', url: '/api/cases', headers: { ...as['citysamr-staff']!, ...body.headers }, payload: body.payload });
    expect(applied.statusCode, applied.body).toBe(201);
    caseNo = applied.json().caseNo;
  });
  afterAll(() => t.close());

  it('lists and opens the case to the county centre of its co-departments before any of their branches starts', async () => {
    const tasks = (await get(`/api/tasks?caseNo=${caseNo}`, 'city-office')).json<Array<{ department?: string }>>();
    expect(tasks.filter((x) => x.department !== CITY_SAMR)).toEqual([]);
    expect(await listed('xihu-office')).toEqual([caseNo]);
    expect(await opens('xihu-office')).toBe(200);
    expect(await listed('city-office')).toEqual([caseNo]);
    expect(await opens('city-office')).toBe(200);
    // A co-department's own staff too: the policy counts it a department of the case from the start.
    expect(await listed('police-staff')).toEqual([caseNo]);
    expect(await opens('police-staff')).toBe(200);
  });

  it('keeps the case from the township centre, in the list and by its number alike', async () => {
    expect(await listed('beishan-auditor')).toEqual([]);
    expect(await opens('beishan-auditor')).toBe(404);
  });

  it('finds the case by a co-department through the department filter, as one of the centre scope', async () => {
    const byDepartment = await get(`/api/cases?department=${encodeURIComponent('区消防救援大队')}`, 'city-office');
    expect(byDepartment.json().items.map((r: { caseNo: string }) => r.caseNo)).toEqual([caseNo]);
    const none = await get(`/api/cases?department=${encodeURIComponent('北山街道社会事务办公室')}`, 'city-office');
    expect(none.json().total).toBe(0);
  });

  it('fills the departments of a case applied before they were kept from its application', async () => {
    const knex = t.app.store.knex;
    const kept = await knex('approval_case_departments').where({ case_no: caseNo }).orderBy('department').select('department');
    await knex.schema.dropTable('approval_case_departments');
    await caseDepartmentsSchema.up(knex);
    expect(await knex('approval_case_departments').where({ case_no: caseNo }).orderBy('department').select('department')).toEqual(kept);
    expect(kept.map((r: { department: string }) => r.department).sort()).toEqual([CITY_SAMR, '区公安分局', '区卫生健康委员会', '区消防救援大队'].sort());
    expect(await listed('xihu-office')).toEqual([caseNo]);
  });

  it('keeps listing and opening it to the county centre once the co-departments work their branches', async () => {
    expect((await post(`/api/cases/${caseNo}/accept`, 'citysamr-staff')).statusCode).toBe(200);
    const register = (await get(`/api/tasks?caseNo=${caseNo}`, 'citysamr-staff')).json<Array<{ taskId: string; elementId: string }>>().find((x) => x.elementId === 'register')!;
    expect((await post(`/api/tasks/${encodeURIComponent(register.taskId)}/claim`, 'citysamr-staff')).statusCode).toBe(200);
    const done = await post(`/api/tasks/${encodeURIComponent(register.taskId)}/complete`, 'citysamr-staff', { opinion: '登记信息齐全' });
    expect(done.statusCode, done.body).toBe(200);
    const county = (await get(`/api/tasks?caseNo=${caseNo}`, 'xihu-office')).json<Array<{ elementId: string }>>().map((x) => x.elementId).sort();
    expect(county).toEqual(['fire', 'health', 'police']);
    expect(await listed('xihu-office')).toEqual([caseNo]);
    expect(await opens('xihu-office')).toBe(200);
    expect(await listed('beishan-auditor')).toEqual([]);
    expect(await opens('beishan-auditor')).toBe(404);
  });
});
