/**
 * The modeler against the organisation, in headless Chromium against the real server: a deployer opens
 * ITEM-02, gives a step a department, deploys a new item version and reads the deploy's outcome as a person
 * sees it, in Chinese: a department the organisation lacks is told by the org-department warning. And the
 * 抄送 group of a send task, whose choices come from the organisation, written into the exported XML.
 */
import { mkdirSync } from 'node:fs';
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
  it('deploys an item version whose step names a department the organisation lacks, telling it in Chinese', async () => {
    const { page } = h;
    await loginInPage(page, DEPLOYER);
    await openItem();
    const before = await versions();
    await openGroup(page, 'siteCheck', 'approval-step');
    await setField(page, 'siteCheck', 'department', '区卫生健康委');
    expect(await diagramXml(page)).toMatch(/<bpmn:userTask id="siteCheck"[^>]*approval:department="区卫生健康委"/);
    const status = await deploy('现场核查改由区卫生健康委办理', before.at(-1)! + 1);
    expect(status).toBe(`已部署 ITEM-02 第 ${before.at(-1)! + 1} 版；提示：环节“现场核查”的实施部门“区卫生健康委”不在组织机构中，请从组织机构中选择`);
    expect(await versions()).toEqual([...before, before.at(-1)! + 1]);
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

  it('logged no error in the page', () => {
    expect(h.pageErrors).toEqual([]);
  });
});
