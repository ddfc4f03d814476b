/** Deploying plain BPMN through `POST /api/definitions`. */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { countRows } from '../../server/queries/cases.js';
import { buildTestApp, fixture, login, type TestApp } from './helper.js';

let t: TestApp;
let admin: { authorization: string };
beforeEach(async () => {
  t = await buildTestApp({ SHENPI_UPLOAD_LIMIT: String(64 * 1024) });
  admin = await login(t.app, 'admin');
});
afterEach(() => t.close());

const deployXml = (headers: Record<string, string>, xml: string, query = 'department=market-supervision') =>
  t.app.inject({ method: 'POST', url: `/api/definitions?${query}`, headers: { ...headers, 'content-type': 'application/bpmn+xml' }, payload: xml });

async function stored(): Promise<number[]> {
  return Promise.all(['definitions', 'definition_versions', 'definition_departments'].map((table) => countRows(t.app.store.knex, table)));
}

describe('definition deploy', () => {
  it('deploys raw BPMN XML with the next free version each time', async () => {
    const first = await deployXml(admin, fixture('review.bpmn'));
    expect(first.statusCode).toBe(201);
    expect(first.json()).toMatchObject({ key: 'permit', version: 1, processId: 'permit', name: 'Permit', department: 'market-supervision', enabled: true, warnings: [] });
    const second = await deployXml(admin, fixture('review.bpmn'));
    expect(second.json()).toMatchObject({ version: 2 });
    const list = await t.app.inject({ method: 'GET', url: '/api/definitions', headers: admin });
    expect(list.json().map((d: { key: string; version: number }) => `${d.key}@${d.version}`)).toEqual(['permit@1', 'permit@2']);
  });

  it('deploys a step whose department the organisation lacks with a warning naming the step and the department', async () => {
    // 'market-supervison' is a misspelling of the organisation's market-supervision: its tasks would reach no one
    const misspelt = fixture('review.bpmn').replaceAll('approval:department="market-supervision"', 'approval:department="market-supervison"');
    const res = await deployXml(admin, misspelt);
    expect(res.statusCode, res.body).toBe(201);
    const warnings = res.json().warnings.filter((w: { rule: string }) => w.rule === 'org-department');
    expect(warnings.map((w: { id: string; severity: string }) => [w.id, w.severity])).toEqual([['issue', 'warning'], ['review', 'warning']]);
    expect(warnings[0]).toMatchObject({ params: { department: 'market-supervison', subject: 'step', element: 'issue', file: 'process.bpmn' } });
    expect(warnings[0].message).toMatch(/^环节“.+”的实施部门“market-supervison”不在组织机构中，请从组织机构中选择$/);
  });

  it('deploys steps naming users who are no account, or copying a department the organisation lacks, with a warning naming the element, the attribute and the id', async () => {
    const xml = `<?xml version="1.0" encoding="UTF-8"?>
<bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL" xmlns:approval="http://shenpi.org/schema/approval/1.0" id="defs" targetNamespace="http://shenpi.org/test">
  <bpmn:process id="named" name="Named" isExecutable="true">
    <bpmn:startEvent id="start" />
    <bpmn:sequenceFlow id="f1" sourceRef="start" targetRef="review" />
    <bpmn:userTask id="review" name="审核" approval:department="market-supervision" approval:candidates="user:market-staff,zhao.liu" />
    <bpmn:sequenceFlow id="f2" sourceRef="review" targetRef="vote" />
    <bpmn:userTask id="vote" name="票签" approval:department="market-supervision" approval:voteWeights="market-chief:2,qian.qi:1" approval:votePass="1/2">
      <bpmn:multiInstanceLoopCharacteristics approval:collection="=heads" approval:elementVariable="head" />
    </bpmn:userTask>
    <bpmn:sequenceFlow id="f3" sourceRef="vote" targetRef="copy" />
    <bpmn:sendTask id="copy" approval:ccUsers="market-admin,sun.ba" approval:ccDepartments="market-supervision,区卫健委" />
    <bpmn:sequenceFlow id="f4" sourceRef="copy" targetRef="end" />
    <bpmn:endEvent id="end" />
  </bpmn:process>
</bpmn:definitions>`;
    const res = await deployXml(admin, xml);
    expect(res.statusCode, res.body).toBe(201);
    const warnings = res.json().warnings.filter((w: { rule: string }) => w.rule === 'org-user');
    expect(warnings).toEqual([
      { id: 'copy', rule: 'org-user', severity: 'warning', path: ['approval:ccUsers'], params: { user: 'sun.ba', attribute: 'ccUsers', file: 'process.bpmn', element: 'copy' }, message: '环节“copy”的抄送人员“sun.ba”不是组织机构中在用的人员，请从组织机构中选择' },
      { id: 'review', rule: 'org-user', severity: 'warning', path: ['approval:candidates'], params: { user: 'zhao.liu', attribute: 'candidates', file: 'process.bpmn', element: 'review', name: '审核' }, message: '环节“审核”的办理人“zhao.liu”不是组织机构中在用的人员，请从组织机构中选择' },
      { id: 'vote', rule: 'org-user', severity: 'warning', path: ['approval:voteWeights'], params: { user: 'qian.qi', attribute: 'voteWeights', file: 'process.bpmn', element: 'vote', name: '票签' }, message: '环节“票签”的票签权重中的人员“qian.qi”不是组织机构中在用的人员，请从组织机构中选择' },
    ]);
    // A copy to a department the organisation lacks is told as for a step's department.
    expect(res.json().warnings.filter((w: { rule: string }) => w.rule === 'org-department')).toEqual([
      { id: 'copy', rule: 'org-department', severity: 'warning', params: { department: '区卫健委', subject: 'cc-department', file: 'process.bpmn', element: 'copy' }, message: '环节“copy”的抄送部门“区卫健委”不在组织机构中，请从组织机构中选择' },
    ]);
    // A disabled account is no recipient either; English when asked.
    expect((await t.app.inject({ method: 'POST', url: '/api/users/market-admin/disable', headers: admin })).statusCode).toBe(200);
    const again = await deployXml({ ...admin, 'accept-language': 'en' }, xml);
    const copy = again.json().warnings.filter((w: { rule: string; id: string }) => w.rule === 'org-user' && w.id === 'copy');
    expect(copy.map((w: { params: { user: string } }) => w.params.user)).toEqual(['market-admin', 'sun.ba']);
    expect(copy[0].message).toBe("Step 'copy' copies user 'market-admin' (approval:ccUsers), who is no account in use (GET /api/users); choose one of the organisation's users");
  });

  it('deploys a JSON body with an explicit key and version', async () => {
    const res = await t.app.inject({ method: 'POST', url: '/api/definitions', headers: admin, payload: { xml: fixture('review.bpmn'), key: 'food-licence', version: 3, department: 'market-supervision' } });
    expect(res.statusCode).toBe(201);
    expect(res.json()).toMatchObject({ key: 'food-licence', version: 3 });
  });

  it('refuses a definition with 422 naming the element ids, storing nothing', async () => {
    const before = await stored();
    const res = await deployXml({ ...admin, 'accept-language': 'en' }, fixture('refused.bpmn'));
    expect(res.statusCode).toBe(422);
    expect(res.json()).toMatchObject({ code: 'DEFINITION_INVALID', details: { findings: [{ id: 'unassigned', rule: 'user-task-assignment', severity: 'error' }] } });
    expect(res.json().message).toContain("element 'unassigned'");
    expect(await stored()).toEqual(before);
  });

  it('refuses unparsable XML with 422 and the xml-syntax finding', async () => {
    const res = await deployXml(admin, '<definitions><process');
    expect(res.statusCode).toBe(422);
    expect(res.json().details.findings[0]).toMatchObject({ id: '', rule: 'xml-syntax' });
  });

  it('refuses a version that exists with 409 and stores nothing more', async () => {
    await deployXml(admin, fixture('review.bpmn'), 'department=market-supervision&version=1');
    const before = await stored();
    const again = await deployXml(admin, fixture('review.bpmn'), 'department=market-supervision&version=1');
    expect(again.statusCode).toBe(409);
    expect(await stored()).toEqual(before);
  });

  it("lets a department admin deploy for their department, and never another department's key", async () => {
    const deptAdmin = await login(t.app, 'market-admin');
    expect((await deployXml(deptAdmin, fixture('review.bpmn'), '')).json()).toMatchObject({ department: 'market-supervision' });
    expect((await deployXml(deptAdmin, fixture('review.bpmn'), 'department=health')).statusCode).toBe(403);
    // A key owned by health cannot get a version from market.
    await deployXml(admin, fixture('review.bpmn'), 'department=health&key=health-permit');
    const takeover = await deployXml({ ...deptAdmin, 'accept-language': 'en' }, fixture('review.bpmn'), 'key=health-permit');
    expect(takeover.statusCode).toBe(403);
    expect(takeover.json().message).toContain("belongs to department 'health'");
  });

  it('refuses staff and applicants with 403 before looking at the file', async () => {
    for (const who of ['market-staff', 'applicant', 'auditor']) {
      const res = await deployXml(await login(t.app, who), '<garbage');
      expect(res.statusCode, who).toBe(403);
    }
  });

  it('answers 415 for another media type, 413 past the upload limit and 400 for an empty body', async () => {
    const text = await t.app.inject({ method: 'POST', url: '/api/definitions', headers: { ...admin, 'content-type': 'application/x-www-form-urlencoded' }, payload: 'a=b' });
    expect(text.statusCode).toBe(415);
    expect(text.json().code).toBe('UNSUPPORTED_MEDIA_TYPE');
    const big = await deployXml(admin, `<x>${'a'.repeat(70 * 1024)}</x>`);
    expect(big.statusCode).toBe(413);
    expect(big.json().code).toBe('PAYLOAD_TOO_LARGE');
    const empty = await deployXml(admin, '');
    expect(empty.statusCode).toBe(400);
  });

  it('refuses a JSON body without xml, with the field path', async () => {
    const res = await t.app.inject({ method: 'POST', url: '/api/definitions', headers: admin, payload: { key: 'x' } });
    expect(res.statusCode).toBe(400);
    expect(res.json().details.errors[0].path).toBe('/body/xml');
  });
});

describe('definition sources', () => {
  it('gives the BPMN a version was deployed from as XML to logged-in users; 404 for an unknown version or key', async () => {
    const xml = fixture('review.bpmn');
    await deployXml(admin, xml);
    const changed = xml.replace('name="Permit"', 'name="Permit (2026)"');
    expect(changed).not.toBe(xml);
    await deployXml(admin, changed);
    const staff = await login(t.app, 'market-staff');
    const second = await t.app.inject({ method: 'GET', url: '/api/definitions/permit/versions/2/bpmn', headers: staff });
    expect(second.statusCode).toBe(200);
    expect(second.headers['content-type']).toContain('application/xml');
    expect(second.body).toBe(changed);
    expect((await t.app.inject({ method: 'GET', url: '/api/definitions/permit/versions/1/bpmn', headers: staff })).body).toBe(xml);
    expect((await t.app.inject({ method: 'GET', url: '/api/definitions/permit/versions/3/bpmn', headers: staff })).statusCode).toBe(404);
    expect((await t.app.inject({ method: 'GET', url: '/api/definitions/nothing/versions/1/bpmn', headers: staff })).statusCode).toBe(404);
    expect((await t.app.inject({ method: 'GET', url: '/api/definitions/permit/versions/0/bpmn', headers: staff })).statusCode).toBe(400);
    expect((await t.app.inject({ method: 'GET', url: '/api/definitions/permit/versions/1/bpmn' })).statusCode).toBe(401);
  });
});
