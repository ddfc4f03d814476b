/**
 * The modeler against the organisation, in headless Chromium against the real server: before login a step's
 * department is typed (the page says why); logged in, the deployer opens ITEM-02, chooses a step's department
 * from the organisation and deploys a new item version with no warning; when the organisation cannot be read
 * the department is typed again, and a department the organisation lacks is told in Chinese at deploy.
 * `SHENPI_SCREENSHOTS=docs` refreshes docs/screenshots/modeler-department-choice.png. And the
 * 抄送 group of a send task, whose choices come from the organisation, written into the exported XML; a
 * 抄送 step copying a user who is no account deploys with the org-user warning told in Chinese.
 */
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { login, T0 } from '../server/helper.js';
import { DEPLOYER, loginInPage, openModeler, type Harness } from './browser.js';
import { deployShippedItem, FOOD_DEPARTMENT } from './case-world.js';
import { diagramXml, expectErrors, openGroup, SCREENSHOTS, setField } from './modeler-scenarios.js';

let h: Harness;

beforeAll(async () => {
  mkdirSync(SCREENSHOTS, { recursive: true });
  h = await openModeler();
  await deployShippedItem(h.server.app, 'ITEM-02', T0);
}, 180_000);

afterAll(async () => {
  await h?.close();
});

/** The item's versions as the API lists them. */
async function versions(): Promise<number[]> {
  const auth = await login(h.server.app, 'admin');
  return (await h.server.app.inject({ method: 'GET', url: '/api/items/ITEM-02/versions', headers: auth })).json<Array<{ version: number }>>().map((v) => v.version);
}

/** Opens ITEM-02 at its latest version in the canvas. */
async function openItem(): Promise<void> {
  const { page } = h;
  await expect.poll(() => page.getAttribute('#item-codes option[value="ITEM-02"]', 'data-kind')).toBe('item');
  await page.fill('#item-code', 'ITEM-02');
  await page.dispatchEvent('#item-code', 'change');
  await page.click('#open-version');
  await page.waitForSelector('.djs-element[data-element-id="siteCheck"]');
}

/** Deploys the diagram with `note` and waits for the status line of version `version`. */
async function deploy(note: string, version: number): Promise<string> {
  const { page } = h;
  await expectErrors(page, 0);
  await page.click('#deploy');
  await page.waitForSelector('#deploy-dialog[open]');
  await page.fill('#deploy-note', note);
  await page.click('#deploy-confirm');
  await page.waitForSelector(`#status[data-kind="ok"]:has-text("ITEM-02 第 ${version} 版")`);
  await page.waitForSelector('#deploy-dialog', { state: 'detached' });
  return (await page.textContent('#status')) ?? '';
}

describe('the modeler and the organisation', { timeout: 90_000 }, () => {
  /** The step department field of `elementId`: its tag and, for a text field, the note below it. */
  const departmentField = async (elementId: string) => {
    await openGroup(h.page, elementId, 'approval-step');
    const entry = h.page.locator('[data-entry-id="approval-department"]');
    return { tag: await entry.locator('#bio-properties-panel-approval-department').evaluate((e) => e.tagName), note: (await entry.locator('.bio-properties-panel-description').allTextContents()).join('') };
  };
  const bpmnOf = async (version: number) =>
    (await h.server.app.inject({ method: 'GET', url: `/api/items/ITEM-02/versions/${version}/bpmn`, headers: await login(h.server.app, 'admin') })).body;

  it('before login keeps the department a typed field and says in Chinese that logging in offers the organisation', async () => {
    expect(await departmentField('review')).toEqual({ tag: 'INPUT', note: '登录后可从组织机构中选择部门；未登录时请直接填写部门名称' });
  });

  it('once logged in, a step department is chosen from the organisation; the new version deploys with no warning', async () => {
    const { page } = h;
    await loginInPage(page, DEPLOYER);
    await openItem();
    const before = await versions();
    const next = before.at(-1)! + 1;
    // Given the organisation's departments to choose from, the step's own selected
    await expect.poll(async () => (await departmentField('siteCheck')).tag).toBe('SELECT');
    const options = await page.$$eval('#bio-properties-panel-approval-department option', (os) => os.map((o) => [(o as HTMLOptionElement).value, o.textContent]));
    expect(options[0]).toEqual(['', '请选择部门']);
    expect(options.map(([v]) => v)).toEqual(expect.arrayContaining([FOOD_DEPARTMENT, 'market-supervision']));
    expect(options.some(([, label]) => label?.includes('不在组织机构中'))).toBe(false);
    expect(await page.inputValue('#bio-properties-panel-approval-department')).toBe(FOOD_DEPARTMENT);
    // When the site check is given to another department of the organisation and the version deployed
    await page.selectOption('#bio-properties-panel-approval-department', 'market-supervision');
    await expect.poll(() => diagramXml(page)).toMatch(/<bpmn:userTask id="siteCheck"[^>]*approval:department="market-supervision"/);
    await page.screenshot({ path: path.join(SCREENSHOTS, 'modeler-department-choice.png') });
    const status = await deploy('现场核查改由 market-supervision 办理', next);
    // Then it deploys, with no org-department warning
    expect(status).toBe(`已部署 ITEM-02 第 ${next} 版`);
    expect(await versions()).toEqual([...before, next]);
    expect(await bpmnOf(next)).toMatch(/<bpmn:userTask id="siteCheck"[^>]*approval:department="market-supervision"/);
  });

  it("names ITEM-02's site check by its stage and role in Chinese, and keeps their ids in the diagram", async () => {
    const { page } = h;
    if (!(await page.locator('#login-state[data-state="in"]').count())) await loginInPage(page, DEPLOYER);
    if (!(await page.locator('.djs-element[data-element-id="siteCheck"]').count())) await openItem();
    await openGroup(page, 'siteCheck', 'approval-step');
    const group = page.locator('[data-group-id="group-approval-step"]');
    // The stage and the role read as 办理阶段 现场核查 and 岗位角色 现场核查人员, not site-check and inspector
    const chosen = (id: string) => page.$eval(`#bio-properties-panel-approval-${id} option:checked`, (o) => [(o as HTMLOptionElement).value, o.textContent]);
    expect(await chosen('stage')).toEqual(['site-check', '现场核查']);
    expect(await chosen('role')).toEqual(['inspector', '现场核查人员']);
    for (const label of ['办理阶段', '岗位角色']) await group.locator(`label:has-text("${label}")`).first().waitFor();
    const stageLabels = await page.$$eval('#bio-properties-panel-approval-stage option', (os) => os.map((o) => o.textContent));
    const roleLabels = await page.$$eval('#bio-properties-panel-approval-role option', (os) => os.map((o) => o.textContent));
    expect(stageLabels).toEqual(expect.arrayContaining(['未设置', '受理', '审核', '现场核查', '批准（决定）', '发证']));
    expect(roleLabels).toEqual(expect.arrayContaining(['未设置', '审查人员', '现场核查人员', '科室负责人', '分管局领导', '制证人员']));
    // Every choice is named in Chinese: no raw id among them
    expect([...stageLabels, ...roleLabels].filter((l) => !/[\u4e00-\u9fff]/.test(l ?? ''))).toEqual([]);
    const xml = await diagramXml(page);
    expect(/<bpmn:userTask id="siteCheck"[^>]*>/.exec(xml)?.[0]).toMatch(/approval:role="inspector"[^>]*approval:stage="site-check"/);
  });

  it('when the organisation cannot be read, falls back to a typed department, says so, and deploy warns of one it lacks in Chinese', async () => {
    const { page } = h;
    await page.route('**/api/org', (route) => route.fulfill({ status: 503, contentType: 'application/json', body: JSON.stringify({ code: 'NOT_READY', message: '服务暂未就绪，请稍后再试' }) }));
    try {
      await page.evaluate(() => (window as any).shenpi.refreshItems());
      await expect.poll(async () => (await departmentField('siteCheck')).tag).toBe('INPUT');
      expect((await departmentField('siteCheck')).note).toBe('无法读取组织机构，请直接填写部门名称');
      const before = await versions();
      const next = before.at(-1)! + 1;
      await setField(page, 'siteCheck', 'department', '区卫生健康委');
      const status = await deploy('现场核查改由区卫生健康委办理', next);
      expect(status).toBe(`已部署 ITEM-02 第 ${next} 版；提示：环节“现场核查”的实施部门“区卫生健康委”不在组织机构中，请从组织机构中选择`);
      expect(await bpmnOf(next)).toMatch(/<bpmn:userTask id="siteCheck"[^>]*approval:department="区卫生健康委"/);
    } finally {
      await page.unroute('**/api/org');
    }
    // The unread organisation (read on refresh and again after the deploy) is the only failed response the
    // page saw; taken off the list the last test checks.
    const failed = h.pageErrors.filter((e) => e.startsWith('503 GET') && e.endsWith('/api/org'));
    expect(failed).toHaveLength(2);
    for (const f of failed) h.pageErrors.splice(h.pageErrors.indexOf(f), 1);
    // Read again, the organisation offers its departments, and the typed one shows as not in it.
    await page.evaluate(() => (window as any).shenpi.refreshItems());
    await expect.poll(async () => (await departmentField('siteCheck')).tag).toBe('SELECT');
    expect(await page.$eval('#bio-properties-panel-approval-department option:checked', (o) => o.textContent)).toBe('区卫生健康委（不在组织机构中）');
  });

  it('sets a send task\'s 抄送 group from the organisation and exports the recipients as approval attributes', async () => {
    const { page } = h;
    // Logged in with ITEM-02 open, as the deploy above leaves the page (or now, when run alone).
    if (!(await page.locator('#login-state[data-state="in"]').count())) await loginInPage(page, DEPLOYER);
    if (!(await page.locator('.djs-element[data-element-id="siteCheck"]').count())) await openItem();
    // Given a send task beside the process's steps
    await page.evaluate(() => {
      const m = (window as any).shenpi.modeler;
      const shape = m.get('elementFactory').createShape({ type: 'bpmn:SendTask' });
      m.get('modeling').createShape(shape, { x: 700, y: 480 }, m.get('canvas').getRootElement());
      m.get('modeling').updateProperties(shape, { id: 'ccChief', name: '抄送科长' });
    });
    await openGroup(page, 'ccChief', 'approval-cc');
    const group = page.locator('[data-group-id="group-approval-cc"]');
    expect((await group.locator('.bio-properties-panel-group-header-title').textContent())?.trim()).toBe('抄送');
    for (const label of ['抄送岗位', '抄送部门', '抄送人员']) await group.locator(`label:has-text("${label}")`).first().waitFor();
    // The positions are named by their department and title, the departments by name, not by id.
    const positions = await page.$$eval('#bio-properties-panel-approval-ccPositions option', (os) => os.map((o) => [(o as HTMLOptionElement).value, o.textContent]));
    expect(positions).toContainEqual(['food.chief', `${FOOD_DEPARTMENT} 科长`]);
    const departments = await page.$$eval('#bio-properties-panel-approval-ccDepartments option', (os) => os.map((o) => (o as HTMLOptionElement).value));
    expect(departments).toEqual(expect.arrayContaining(['', FOOD_DEPARTMENT, 'market-supervision']));
    // When the deployer picks the chief's position and the department, and names two users with a note
    const bo = (attribute: string) => page.evaluate((name) => (window as any).shenpi.modeler.get('elementRegistry').get('ccChief').businessObject.get(`approval:${name}`) ?? '', attribute);
    await page.selectOption('#bio-properties-panel-approval-ccPositions', 'food.chief');
    await expect.poll(() => bo('ccPositions')).toBe('food.chief');
    await page.selectOption('#bio-properties-panel-approval-ccDepartments', 'market-supervision');
    await expect.poll(() => bo('ccDepartments')).toBe('market-supervision');
    await setField(page, 'ccChief', 'ccUsers', 'food-staff,food-chief');
    await setField(page, 'ccChief', 'ccNote', '材料审查已完成，请知悉');
    // Then the exported XML carries each recipient as an approval attribute of the send task
    const xml = await diagramXml(page);
    const task = /<bpmn:sendTask id="ccChief"[^>]*>/.exec(xml)?.[0] ?? '';
    expect(task).toContain('name="抄送科长"');
    expect(task).toContain('approval:ccPositions="food.chief"');
    expect(task).toContain('approval:ccDepartments="market-supervision"');
    expect(task).toContain('approval:ccUsers="food-staff,food-chief"');
    expect(task).toContain('approval:ccNote="材料审查已完成，请知悉"');
    // And clearing the department removes its attribute again
    await page.selectOption('#bio-properties-panel-approval-ccDepartments', '');
    await expect.poll(async () => /<bpmn:sendTask id="ccChief"[^>]*>/.exec(await diagramXml(page))?.[0] ?? '').not.toContain('ccDepartments');
  });

  it('deploys a 抄送 step copying a user who is no account, and the status tells the org-user warning in Chinese', async () => {
    const { page } = h;
    if (!(await page.locator('#login-state[data-state="in"]').count())) await loginInPage(page, DEPLOYER);
    if (!(await page.locator('.djs-element[data-element-id="siteCheck"]').count())) await openItem();
    // Given the 抄送科长 send task (the one above, or a new one when run alone) placed between the issue step
    // and the end, and the site check back at the item's own department
    await page.evaluate(() => {
      const m = (window as any).shenpi.modeler;
      const registry = m.get('elementRegistry');
      const modeling = m.get('modeling');
      let cc = registry.get('ccChief');
      if (!cc) {
        cc = modeling.createShape(m.get('elementFactory').createShape({ type: 'bpmn:SendTask' }), { x: 700, y: 480 }, m.get('canvas').getRootElement());
        modeling.updateProperties(cc, { id: 'ccChief', name: '抄送科长' });
      }
      modeling.reconnectEnd(registry.get('toIssued'), cc, { x: cc.x, y: cc.y + cc.height / 2 });
      modeling.connect(cc, registry.get('issued'), { type: 'bpmn:SequenceFlow' });
    });
    await openGroup(page, 'siteCheck', 'approval-step');
    await setField(page, 'siteCheck', 'department', FOOD_DEPARTMENT);
    // When one of the copied users is an account and the other, zhou.jiu, is none
    await openGroup(page, 'ccChief', 'approval-cc');
    await setField(page, 'ccChief', 'ccUsers', 'food-staff,zhou.jiu');
    const before = await versions();
    const next = before.at(-1)! + 1;
    const status = await deploy('制证后抄送科长', next);
    // Then the version deploys, and the status names the step and the user in Chinese, worded by the code
    expect(status).toBe(`已部署 ITEM-02 第 ${next} 版；提示：环节“抄送科长”的抄送人员“zhou.jiu”不是组织机构中在用的人员，请从组织机构中选择`);
    expect(await versions()).toEqual([...before, next]);
    expect(await bpmnOf(next)).toMatch(/<bpmn:sendTask id="ccChief"[^>]*approval:ccUsers="food-staff,zhou.jiu"/);
  });

  it('logged no error in the page', () => {
    expect(h.pageErrors).toEqual([]);
  });
});
