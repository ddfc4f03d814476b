/** The item routes through inject(): catalogue, disclosure, versions, BPMN, deploy, rule tables, materials check, disable. */
import type { InjectOptions } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { itemFiles } from '../items/support.js';
import { buildCaseApp, foodFacts, multipart, SAMR, type CaseApp } from './case-support.js';

let t: CaseApp;
beforeAll(async () => {
  t = await buildCaseApp();
});
afterAll(() => t.close());

const inject = (options: InjectOptions) => t.app.inject(options);

describe('the item catalogue', () => {
  it('lists published items to anyone, with their versions', async () => {
    const res = await inject({ method: 'GET', url: '/api/items' });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toEqual([expect.objectContaining({ code: 'ITEM-02', department: SAMR, enabled: true, latestVersion: 1, versions: [1] })]);
  });

  it('shows the disclosure as JSON, or as the printable guide with Accept: text/html', async () => {
    const json = await inject({ method: 'GET', url: '/api/items/ITEM-02' });
    expect(json.json()).toMatchObject({ item: { code: 'ITEM-02', version: 1 }, limits: { promised: { value: 5, unit: 'WD' } } });
    expect(json.json().materials.map((m: { id: string }) => m.id)).toContain('M7');
    const html = await inject({ method: 'GET', url: '/api/items/ITEM-02', headers: { accept: 'text/html' } });
    expect(html.headers['content-type']).toContain('text/html');
    expect(html.body).toContain('食品经营许可');
    expect((await inject({ method: 'GET', url: '/api/items/ITEM-99' })).statusCode).toBe(404);
  });

  it('gives the BPMN of a version as XML, and lists versions, to logged-in users', async () => {
    const bpmn = await inject({ method: 'GET', url: '/api/items/ITEM-02/versions/1/bpmn', headers: t.tokens.applicant });
    expect(bpmn.headers['content-type']).toContain('application/xml');
    expect(bpmn.body).toContain('<bpmn:definitions');
    expect((await inject({ method: 'GET', url: '/api/items/ITEM-02/versions/9/bpmn', headers: t.tokens.applicant })).statusCode).toBe(404);
    expect((await inject({ method: 'GET', url: '/api/items/ITEM-02/versions/1/bpmn' })).statusCode).toBe(401);
    const versions = await inject({ method: 'GET', url: '/api/items/ITEM-02/versions', headers: t.tokens['samr-staff'] });
    expect(versions.json()).toEqual([expect.objectContaining({ code: 'ITEM-02', version: 1, definitionKey: 'ITEM-02', definitionVersion: 1, deployedBy: 'admin' })]);
  });

  it('answers the materials an applicant must provide, with the rule rows and legal basis behind each', async () => {
    const res = await inject({ method: 'POST', url: '/api/items/ITEM-02/materials/check', payload: { facts: foodFacts({ usesVendingMachine: true }) } });
    expect(res.statusCode).toBe(200);
    const materials = res.json().materials as Array<{ material: string; source: string; because: Array<{ row: string; basis: string }> }>;
    expect(materials.map((m) => m.material)).toEqual(['M1', 'M2', 'M3', 'M4', 'M5']);
    expect(materials.find((m) => m.material === 'M2')).toMatchObject({ source: 'shared', sharedCertificate: '营业执照' });
    expect(materials.find((m) => m.material === 'M3')!.because[0]!.basis).toContain('食品安全法');
    const bad = await inject({ method: 'POST', url: '/api/items/ITEM-02/materials/check', payload: { facts: { seats: 40 } } });
    expect(bad.statusCode).toBe(422);
    expect(bad.json().code).toBe('FACTS_INVALID');
  });
});

describe('deploying items', () => {
  it('deploys a package sent as multipart files as the next version', async () => {
    const files = await itemFiles('ITEM-06');
    const body = multipart(Object.entries(files).map(([name, text]) => ({ name: 'file', filename: `ITEM-06/${name}`, type: 'application/octet-stream', bytes: Buffer.from(text) })));
    const res = await inject({ method: 'POST', url: '/api/items/ITEM-06/versions', headers: { ...t.tokens.admin, ...body.headers }, payload: body.payload });
    expect(res.statusCode, res.body).toBe(201);
    expect(res.json()).toMatchObject({ code: 'ITEM-06', version: 1, definitionVersion: 1 });
  });

  it('refuses a package for another item, or claiming another department, and stores nothing', async () => {
    const files = await itemFiles('ITEM-02');
    const other = await inject({ method: 'POST', url: '/api/items/ITEM-01/versions', headers: t.tokens.admin, payload: { files } });
    expect(other.statusCode).toBe(422);
    expect(other.json().details.findings).toEqual([expect.objectContaining({ code: 'code-mismatch', file: 'item.json' })]);
    const moved = { ...files, 'item.json': files['item.json']!.replace(`"name": "${SAMR}"`, '"name": "区卫生健康委员会"') };
    const res = await inject({ method: 'POST', url: '/api/items/ITEM-02/versions', headers: t.tokens.admin, payload: { files: moved } });
    expect(res.json().details.findings[0]).toMatchObject({ code: 'department-changed' });
    expect((await inject({ method: 'GET', url: '/api/items/ITEM-02/versions', headers: t.tokens.admin })).json()).toHaveLength(1);
  });

  it("lets the item's department admin deploy, but not another department's admin", async () => {
    const files = await itemFiles('ITEM-02');
    expect((await inject({ method: 'POST', url: '/api/items/ITEM-02/versions', headers: t.tokens['market-admin'], payload: { files } })).statusCode).toBe(403);
    expect((await inject({ method: 'POST', url: '/api/items/ITEM-02/versions', headers: t.tokens['samr-staff'], payload: { files } })).statusCode).toBe(403);
    const res = await inject({ method: 'POST', url: '/api/items/ITEM-02/versions', headers: t.tokens['samr-admin'], payload: { files } });
    expect(res.statusCode, res.body).toBe(201);
    expect(res.json().version).toBe(2);
  });

  it('words the findings of a refused rule table in the asked language, by their message codes', async () => {
    const table = (await itemFiles('ITEM-02'))['rules/materials.yaml']!;
    const bad = table.replace(`form: '"电子+原件"', copies: 1`, `form: '"纸质"', copies: 1`);
    const put = (language?: string) => inject({
      method: 'PUT', url: '/api/items/ITEM-02/rules/ITEM-02.materials',
      headers: { ...t.tokens['samr-admin'], ...(language ? { 'accept-language': language } : {}) }, payload: { yaml: bad },
    });
    type Refused = { message: string; details: { findings: Array<{ code: string; row?: string; message: string; messageCode?: string; params?: Record<string, string> }> } };
    const zh = await put();
    expect(zh.statusCode).toBe(422);
    const zhBody = zh.json() as Refused;
    const finding = zhBody.details.findings.find((f) => f.messageCode === 'OUTPUT_VALUE_NOT_ALLOWED')!;
    expect(finding).toMatchObject({ code: 'allowed-values', row: 'M1', params: { row: 'M1', rowNo: '1', column: 'form', cell: '"纸质"' } });
    expect(finding.message).toBe('第1行“form”列的结果“"纸质"”不是该列允许的取值（允许："电子+原件", "电子证照共享", "复印件+电子", "电子", "原件"）');
    expect(zhBody.message).toBe(`决策表有问题，不能保存：${finding.message}`);
    const en = (await put('en-GB,en;q=0.9')).json() as Refused;
    const english = en.details.findings.find((f) => f.messageCode === 'OUTPUT_VALUE_NOT_ALLOWED')!;
    expect(english.message).toBe(`row #1, column 'form': '"纸质"' is not an allowed value ("电子+原件", "电子证照共享", "复印件+电子", "电子", "原件")`);
    expect(en.message).toMatch(/^Expected a deployable item package/);
    // A failed embedded test is worded by its first difference.
    const failing = table.replace('expectRows: [M1, M2, M3, M4]', 'expectRows: [M1, M2, M3]');
    const tested = (await inject({ method: 'PUT', url: '/api/items/ITEM-02/rules/ITEM-02.materials', headers: t.tokens['samr-admin'], payload: { yaml: failing } })).json() as Refused;
    const failed = tested.details.findings.find((f) => f.code === 'table-test')!;
    expect(failed.messageCode).toBe('TABLE_TEST_FAILED');
    expect(failed.message).toMatch(/^测试用例“.+”未通过：期望命中的行为 \["M1","M2","M3"\]，实际命中的行为 \["M1","M2","M3","M4"/);
  });

  it('saves one rule table as a new version when its lint and tests pass, and refuses it with the rows otherwise', async () => {
    const table = (await itemFiles('ITEM-02'))['rules/materials.yaml']!;
    const before = (await inject({ method: 'GET', url: '/api/items/ITEM-02', headers: {} })).json().item.version as number;
    const saved = await inject({ method: 'PUT', url: '/api/items/ITEM-02/rules/ITEM-02.materials', headers: { ...t.tokens['samr-admin'], 'content-type': 'application/yaml' }, payload: table.replace('name: 食品经营许可 申请材料清单', 'name: 食品经营许可 申请材料清单（2026）') });
    expect(saved.statusCode, saved.body).toBe(201);
    expect(saved.json().version).toBe(before + 1);
    // A test of the table that no longer holds: the rows it expected are named.
    const broken = table.replace('expectRows: [M1, M2, M3, M4]', 'expectRows: [M1, M2, M3]');
    const refused = await inject({ method: 'PUT', url: '/api/items/ITEM-02/rules/ITEM-02.materials', headers: t.tokens['samr-admin'], payload: { yaml: broken } });
    expect(refused.statusCode).toBe(422);
    expect(refused.json()).toMatchObject({ code: 'RULE_TABLE_INVALID', details: { findings: [expect.objectContaining({ file: 'rules/materials.yaml', code: 'table-test' })] } });
    const renamed = await inject({ method: 'PUT', url: '/api/items/ITEM-02/rules/ITEM-02.materials', headers: t.tokens['samr-admin'], payload: { yaml: table.replace('id: ITEM-02.materials', 'id: ITEM-02.other') } });
    expect(renamed.statusCode).toBe(422);
    expect((await inject({ method: 'PUT', url: '/api/items/ITEM-02/rules/NO-SUCH', headers: t.tokens['samr-admin'], payload: { yaml: table } })).statusCode).toBe(404);
    // An item that does not exist is not found for anybody, whatever their department.
    expect((await inject({ method: 'PUT', url: '/api/items/public-health/rules/x.acceptance', headers: t.tokens['market-admin'], payload: { yaml: table } })).statusCode).toBe(404);
    expect((await inject({ method: 'GET', url: '/api/items/ITEM-02' })).json().item.version).toBe(before + 1);
  });

  it('disables an item: hidden from the public, no new case; enabled again by its department admin', async () => {
    expect((await inject({ method: 'POST', url: '/api/items/ITEM-02/disable', headers: t.tokens['market-admin'] })).statusCode).toBe(403);
    const off = await inject({ method: 'POST', url: '/api/items/ITEM-02/disable', headers: t.tokens['samr-admin'] });
    expect(off.json()).toMatchObject({ code: 'ITEM-02', enabled: false });
    expect((await inject({ method: 'GET', url: '/api/items' })).json().map((i: { code: string }) => i.code)).not.toContain('ITEM-02');
    expect((await inject({ method: 'GET', url: '/api/items/ITEM-02' })).statusCode).toBe(404);
    expect((await inject({ method: 'GET', url: '/api/items', headers: t.tokens.auditor })).json().find((i: { code: string }) => i.code === 'ITEM-02').enabled).toBe(false);
    const applied = await inject({ method: 'POST', url: '/api/cases', headers: t.tokens.applicant, payload: { itemCode: 'ITEM-02', channel: 'online', facts: foodFacts() } });
    expect(applied.json().code).toBe('ITEM_NOT_AVAILABLE');
    expect((await inject({ method: 'POST', url: '/api/items/ITEM-02/enable', headers: t.tokens['samr-admin'] })).json().enabled).toBe(true);
    const audit = await inject({ method: 'GET', url: '/api/audit?actorId=samr-admin', headers: t.tokens.auditor });
    expect(audit.json().map((e: { action: string }) => e.action)).toEqual(expect.arrayContaining(['item.deployed', 'item.disabled', 'item.enabled']));
  });
});
