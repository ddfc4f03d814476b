/**
 * The modeler against the organisation, in headless Chromium against the real server: a deployer opens
 * ITEM-02, gives a step a department, deploys a new item version and reads the deploy's outcome as a person
 * sees it, in Chinese: a department the organisation lacks is told by the org-department warning.
 */
import { mkdirSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { login, T0 } from '../server/helper.js';
import { DEPLOYER, loginInPage, openModeler, type Harness } from './browser.js';
import { deployShippedItem } from './case-world.js';
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

  it('logged no error in the page', () => {
    expect(h.pageErrors).toEqual([]);
  });
});
