/** Deploying an item package warns of departments the organisation lacks (rule `org-department`), as a plain definition does. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { itemFiles } from '../items/support.js';
import { buildCaseApp, type CaseApp } from './case-support.js';
import { buildTestApp, login } from './helper.js';
import { loadSampleItems, sampleDepartments } from '../../server/samples.js';

let t: CaseApp;
beforeAll(async () => { t = await buildCaseApp(); });
afterAll(() => t.close());

type Deployed = { warnings: { code: string; file: string; element?: string; field?: string; message: string; params?: Record<string, string> }[] };
const orgWarnings = (body: Deployed) => body.warnings.filter((w) => w.code === 'org-department');

describe('org-department warnings of item deployments', () => {
  it('deploys every sample item without an org-department warning, against the organisation seeded from the samples', async () => {
    const seeded = await buildTestApp({ SHENPI_LOGIN_RATE_LIMIT: '1000' }, { demoDepartments: sampleDepartments(await loadSampleItems()) });
    const admin = await login(seeded.app, 'admin');
    for (const code of ['ITEM-01', 'ITEM-02', 'ITEM-03', 'ITEM-04', 'ITEM-05', 'ITEM-06']) {
      const res = await seeded.app.inject({ method: 'POST', url: `/api/items/${code}/versions`, headers: admin, payload: { files: await itemFiles(code) } });
      expect(res.statusCode, res.body).toBe(201);
      expect(orgWarnings(res.json<Deployed>()), code).toEqual([]);
    }
    await seeded.close();
  });

  it('warns of a step and a listing naming a department the organisation lacks, naming the element and the department, and still deploys', async () => {
    const files = await itemFiles('ITEM-02');
    const bpmn = files['process.bpmn']!.replace('id="siteCheck" name="现场核查" approval:department="区市场监督管理局"', 'id="siteCheck" name="现场核查" approval:department="区卫生健康委"');
    const listing = JSON.parse(files['item.json']!) as Record<string, unknown>;
    listing.joint = { leadDepartment: '区市场监督管理局', coDepartments: [{ department: '区卫生健康委', promisedLimit: { value: 3, unit: 'WD' } }] };
    const res = await t.app.inject({ method: 'POST', url: '/api/items/ITEM-02/versions', headers: t.tokens.admin, payload: { files: { ...files, 'process.bpmn': bpmn, 'item.json': JSON.stringify(listing) } } });
    expect(res.statusCode, res.body).toBe(201);
    const warnings = orgWarnings(res.json<Deployed>());
    expect(warnings).toHaveLength(2);
    expect(warnings).toContainEqual({
      severity: 'warning', code: 'org-department', file: 'process.bpmn', element: 'siteCheck',
      params: { department: '区卫生健康委', subject: 'step', file: 'process.bpmn', element: 'siteCheck', name: '现场核查' },
      message: '环节“现场核查”的实施部门“区卫生健康委”不在组织机构中，请从组织机构中选择',
    });
    expect(warnings).toContainEqual({
      severity: 'warning', code: 'org-department', file: 'item.json', field: '/joint/coDepartments/0/department',
      params: { department: '区卫生健康委', subject: 'co-department', file: 'item.json', field: '/joint/coDepartments/0/department' },
      message: '联合办理的协办部门“区卫生健康委”不在组织机构中，请从组织机构中选择',
    });
  });

  it('words the same warnings in English when the deployer asks for English, with the same parameters', async () => {
    const files = await itemFiles('ITEM-02');
    const listing = JSON.parse(files['item.json']!) as Record<string, unknown>;
    listing.joint = { leadDepartment: '区市场监管局', coDepartments: [{ department: '区市场监督管理局', promisedLimit: { value: 3, unit: 'WD' } }] };
    const res = await t.app.inject({ method: 'POST', url: '/api/items/ITEM-02/versions', headers: { ...t.tokens.admin, 'accept-language': 'en' }, payload: { files: { ...files, 'item.json': JSON.stringify(listing) } } });
    expect(res.statusCode, res.body).toBe(201);
    expect(orgWarnings(res.json<Deployed>())).toEqual([{
      severity: 'warning', code: 'org-department', file: 'item.json', field: '/joint/leadDepartment',
      params: { department: '区市场监管局', subject: 'joint-lead', file: 'item.json', field: '/joint/leadDepartment' },
      message: "The joint handling's lead department '区市场监管局' is not a department of the organisation (GET /api/org); choose one of its departments",
    }]);
  });

  it('warns of a 抄送 step copying a user who is no account, naming the element, the attribute and the id, and still deploys', async () => {
    const files = await itemFiles('ITEM-02');
    const bpmn = files['process.bpmn']!.replace('<bpmn:sequenceFlow id="toSiteCheck" sourceRef="review" targetRef="siteCheck" />',
      '<bpmn:sequenceFlow id="toCc" sourceRef="review" targetRef="ccChief" /><bpmn:sendTask id="ccChief" name="抄送科长" approval:ccUsers="samr-chief,samr-ghost" /><bpmn:sequenceFlow id="toSiteCheck" sourceRef="ccChief" targetRef="siteCheck" />');
    expect(bpmn).toContain('ccChief');
    const res = await t.app.inject({ method: 'POST', url: '/api/items/ITEM-02/versions', headers: t.tokens.admin, payload: { files: { ...files, 'process.bpmn': bpmn } } });
    expect(res.statusCode, res.body).toBe(201);
    expect(res.json<Deployed>().warnings.filter((w) => w.code === 'org-user')).toEqual([{
      severity: 'warning', code: 'org-user', file: 'process.bpmn', element: 'ccChief',
      params: { user: 'samr-ghost', attribute: 'ccUsers', file: 'process.bpmn', element: 'ccChief', name: '抄送科长' },
      message: '环节“抄送科长”的抄送人员“samr-ghost”不是组织机构中在用的人员，请从组织机构中选择',
    }]);
  });
});
