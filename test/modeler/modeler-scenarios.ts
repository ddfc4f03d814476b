/**
 * Browser scenarios of the modeler tab, registered into the single browser test file so that one Chromium
 * serves them all (two shared cores).
 */
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { expect, it } from 'vitest';
import { DEMO_PASSWORD, login } from '../server/helper.js';
import { DEPLOYER, loginInPage, type Harness } from './browser.js';

const fixture = path.join(path.dirname(new URL(import.meta.url).pathname), 'fixtures', 'unassigned-review.bpmn');
/**
 * Where the screenshots are written: the committed ones under docs/ when SHENPI_SCREENSHOTS=docs (to refresh
 * the documentation on purpose), else a temporary folder, so a test run never leaves the work tree changed.
 */
export const SCREENSHOTS =
  process.env.SHENPI_SCREENSHOTS === 'docs'
    ? path.resolve(path.dirname(new URL(import.meta.url).pathname), '../../docs/screenshots')
    : mkdtempSync(path.join(tmpdir(), 'shenpi-screenshots-'));

/** The diagram's XML as the modeler would save it. */
export function diagramXml(page: Page): Promise<string> {
  return page.evaluate(async () => (await (window as any).shenpi.modeler.saveXML({ format: true })).xml as string);
}

/**
 * Selects an element and opens one of its properties-panel groups. Selection goes through the selection
 * service: a canvas click right after typing in the panel may land while the panel commits its input.
 */
export async function openGroup(page: Page, elementId: string, groupId: string): Promise<void> {
  await page.evaluate((id) => {
    const m = (window as any).shenpi.modeler;
    m.get('selection').select(m.get('elementRegistry').get(id));
  }, elementId);
  const group = page.locator(`[data-group-id="group-${groupId}"]`);
  if (!(await group.locator('.bio-properties-panel-group-entries.open').count())) await group.locator('.bio-properties-panel-group-header').click();
}

/**
 * Types into an approval text entry (or chooses in a select, such as the step's department once the
 * organisation is loaded) and waits until the element carries the value: the panel commits typed text after
 * a pause (debounce), and a commit re-renders the panel, so the next field waits for this one.
 */
export async function setField(page: Page, elementId: string, attribute: string, value: string): Promise<void> {
  const field = `#bio-properties-panel-approval-${attribute}`;
  if ((await page.$eval(field, (e) => e.tagName)) !== 'SELECT') await page.fill(field, value);
  else if (await page.$$eval(`${field} option`, (os, v) => os.some((o) => (o as HTMLOptionElement).value === v), value)) await page.selectOption(field, value);
  else {
    // A department the organisation lacks cannot be chosen once logged in: the scenarios' fictional
    // departments are set as an imported file would carry them (deploy then warns, rule org-department).
    await page.evaluate(([id, name, v]) => {
      const m = (window as any).shenpi.modeler;
      const shape = m.get('elementRegistry').get(id);
      m.get('modeling').updateModdleProperties(shape, shape.businessObject, { [`approval:${name}`]: v });
    }, [elementId, attribute, value]);
  }
  await expect.poll(() => page.evaluate(([id, name]) => {
    const m = (window as any).shenpi.modeler;
    return m.get('elementRegistry').get(id).businessObject.get(`approval:${name}`) ?? '';
  }, [elementId, attribute])).toBe(value);
}

/** Waits until the findings list shows `errors` errors. */
export async function expectErrors(page: Page, errors: number): Promise<void> {
  await page.waitForSelector(`#findings .findings-summary[data-errors="${errors}"]`, { timeout: 5000 });
}

/** Imports the fixture through the page's file input. */
async function importFixture(page: Page): Promise<void> {
  await page.setInputFiles('#import-file', fixture);
  await page.waitForSelector('.djs-element[data-element-id="check"]');
}

/** Registers the modeler scenarios; `h()` gives the harness opened in `beforeAll`. */
export function modelerScenarios(h: () => Harness): void {
  it('renders the page in Chinese with the WenQuanYi Micro Hei font and keeps the bpmn.io watermark visible', async () => {
    const { page } = h();
    expect(await page.evaluate(() => document.documentElement.lang)).toBe('zh-CN');
    expect(await page.evaluate(() => getComputedStyle(document.body).fontFamily)).toContain('WenQuanYi Micro Hei');
    expect(await page.getAttribute('.djs-palette [data-action="create.task"]', 'aria-label')).toBe('创建任务');
    expect(await page.textContent('.tabs')).toContain('决策表');
    const label = await page.locator('.djs-element[data-element-id="review"] text').first().getAttribute('style');
    expect(label).toContain('WenQuanYi Micro Hei');
    const watermark = page.locator('.bjs-powered-by');
    expect(await watermark.isVisible()).toBe(true);
    const box = (await watermark.boundingBox())!;
    expect(box.x + box.width).toBeLessThanOrEqual(1440);
    expect(box.y + box.height).toBeLessThanOrEqual(900);
  });

  it('offers only elements the engine runs in the replace menu and refuses creating a script task', async () => {
    const { page } = h();
    await page.click('.djs-element[data-element-id="review"] .djs-hit');
    await page.click('.djs-context-pad [data-action="replace"]');
    await page.waitForSelector('.djs-popup');
    const ids = await page.$$eval('.djs-popup [data-id]', (nodes) => nodes.map((n) => n.getAttribute('data-id')));
    await page.keyboard.press('Escape');
    expect(ids).toContain('replace-with-service-task');
    expect(ids).toContain('replace-with-rule-task');
    expect(ids).not.toContain('replace-with-script-task');
    expect(ids.filter((id) => /script|transaction|complex|ad-hoc|toggle-loop/.test(id ?? ''))).toEqual([]);
    const allowed = await page.evaluate(() => {
      const m = (window as any).shenpi.modeler;
      const create = (type: string, definition?: string) => {
        const shape = m.get('elementFactory').createShape({ type, ...(definition ? { eventDefinitionType: definition } : {}) });
        return m.get('rules').allowed('shape.create', { shape, target: m.get('canvas').getRootElement(), position: { x: 400, y: 400 } });
      };
      return {
        script: create('bpmn:ScriptTask'), complex: create('bpmn:ComplexGateway'), signal: create('bpmn:StartEvent', 'bpmn:SignalEventDefinition'),
        user: create('bpmn:UserTask'), timer: create('bpmn:IntermediateCatchEvent', 'bpmn:TimerEventDefinition'),
      };
    });
    expect(allowed).toEqual({ script: false, complex: false, signal: false, user: true, timer: true });
  });

  it('imports a BPMN file and shows the deploy error on the element and in the list until approval properties fix it', async () => {
    const { page } = h();
    await importFixture(page);
    // Given the imported user task without department, role or candidate groups
    await expectErrors(page, 1);
    expect(await page.getAttribute('#findings .finding.error', 'data-rule')).toBe('user-task-assignment');
    expect(await page.textContent('#findings .finding.error .rule')).toBe('用户任务办理人');
    await page.waitForSelector('.djs-overlay .shenpi-badge.shenpi-error[data-element-id="check"]');
    expect(await page.getAttribute('.djs-element[data-element-id="check"]', 'class')).toContain('shenpi-error');
    await openGroup(page, 'check', 'approval-step');
    await page.screenshot({ path: path.join(SCREENSHOTS, 'modeler-validation.png') });
    // When the department is set in the approval group
    await setField(page, 'check', 'department', '卫健委');
    // Then the error and its marker disappear
    await expectErrors(page, 0);
    expect(await page.locator('.shenpi-badge[data-element-id="check"]').count()).toBe(0);
    expect(await page.getAttribute('.djs-element[data-element-id="check"]', 'class')).not.toContain('shenpi-error');
    // And a bad time limit brings a new one, which a valid unit removes again
    await page.fill('#bio-properties-panel-approval-timeLimit', '5');
    await expect.poll(() => diagramXml(page)).toContain('approval:timeLimit="5WD"');
    await page.selectOption('#bio-properties-panel-approval-timeLimitUnit', 'ISO');
    await expectErrors(page, 1);
    expect(await page.getAttribute('#findings .finding.error', 'data-element-id')).toBe('check');
    await page.selectOption('#bio-properties-panel-approval-timeLimitUnit', 'CD');
    await expectErrors(page, 0);
    const xml = await diagramXml(page);
    expect(xml).toMatch(/<bpmn:userTask id="check" name="材料审核" approval:department="卫健委" approval:timeLimit="5CD"/);
  });

  it('edits special procedure, stage, role and service action through the approval groups', async () => {
    const { page } = h();
    await openGroup(page, 'check', 'approval-step');
    await page.selectOption('#bio-properties-panel-approval-stage', 'review');
    await setField(page, 'check', 'role', 'reviewer');
    // Both are chosen by their display names; the diagram keeps the ids
    expect(await page.$eval('#bio-properties-panel-approval-stage option:checked', (o) => o.textContent)).toBe('审核');
    expect(await page.$eval('#bio-properties-panel-approval-role option:checked', (o) => o.textContent)).toBe('审查人员');
    // A listed role needs no field of one's own; the list ends with the way to type one
    expect(await page.locator('#bio-properties-panel-approval-roleOwn').count()).toBe(0);
    expect(await page.$eval('#bio-properties-panel-approval-role option:last-child', (o) => o.textContent)).toBe('其他（自行填写）');
    await openGroup(page, 'check', 'approval-special-procedure');
    await page.selectOption('#bio-properties-panel-approval-specialProcedure', 'EXPERT');
    await page.selectOption('#bio-properties-panel-approval-countsTowardPromised', 'false');
    expect(await page.textContent('[data-group-id="group-approval-special-procedure"]')).toContain('专家评审');
    await page.screenshot({ path: path.join(SCREENSHOTS, 'modeler-special-procedure.png') });
    await openGroup(page, 'notify', 'approval-service');
    await page.selectOption('#bio-properties-panel-approval-action', 'send-express');
    await expectErrors(page, 0);
    const xml = await diagramXml(page);
    expect(xml).toContain('approval:stage="review"');
    expect(xml).toContain('approval:role="reviewer"');
    expect(xml).toContain('approval:specialProcedure="EXPERT"');
    expect(xml).toContain('approval:countsTowardPromised="false"');
    expect(xml).not.toContain('approval:countsTowardStatutory');
    expect(xml).toContain('approval:action="send-express"');
  });

  it("gives a step a role of the city's own with 其他（自行填写）, checks its id, and shows it typed after reopening", async () => {
    const { page } = h();
    const own = '#bio-properties-panel-approval-roleOwn';
    const stored = () => page.evaluate(() => {
      const m = (window as any).shenpi.modeler;
      return m.get('elementRegistry').get('check').businessObject.get('approval:role') ?? '';
    });
    await openGroup(page, 'check', 'approval-step');
    // Choosing 其他 reveals the text field, labelled in Chinese, and stores nothing yet
    await page.selectOption('#bio-properties-panel-approval-role', { label: '其他（自行填写）' });
    await page.waitForSelector(own);
    expect(await page.textContent('[data-entry-id="approval-roleOwn"] label')).toBe('自行填写的岗位角色');
    expect(await page.inputValue(own)).toBe('');
    expect(await stored()).toBe('reviewer');
    // An id the deploy checks' pattern refuses is told in Chinese and not stored
    await page.fill(own, 'Licence Archivist');
    await page.waitForSelector('[data-entry-id="approval-roleOwn"] .bio-properties-panel-error');
    expect(await page.textContent('[data-entry-id="approval-roleOwn"] .bio-properties-panel-error')).toBe('岗位角色编码须以小写字母开头，只含小写字母、数字和连字符');
    expect(await stored()).toBe('reviewer');
    // A valid one is stored as approval:role
    await page.fill(own, 'licence-archivist');
    await expect.poll(stored).toBe('licence-archivist');
    expect(await page.locator('[data-entry-id="approval-roleOwn"] .bio-properties-panel-error').count()).toBe(0);
    const xml = await diagramXml(page);
    expect(xml).toContain('approval:role="licence-archivist"');
    // Reopened from that XML, the unlisted role shows under 其他 in the text field, not as a marked choice
    await page.evaluate(async (x) => { await (window as any).shenpi.modeler.importXML(x); }, xml);
    await page.waitForSelector('.djs-element[data-element-id="check"]');
    await openGroup(page, 'check', 'approval-step');
    await page.waitForSelector(own);
    expect(await page.$eval('#bio-properties-panel-approval-role option:checked', (o) => o.textContent)).toBe('其他（自行填写）');
    expect(await page.inputValue(own)).toBe('licence-archivist');
    expect(await page.$$eval('#bio-properties-panel-approval-role option', (os) => os.map((o) => o.textContent).filter((t) => t?.includes('不在列表中')))).toEqual([]);
    // Choosing a listed role again stores it and hides the field
    await setField(page, 'check', 'role', 'reviewer');
    await page.waitForSelector(own, { state: 'detached' });
    await expectErrors(page, 0);
  });

  it('deploys as a new version only after the confirmation with a change note; cancel and an empty note deploy nothing', async () => {
    const { page, server } = h();
    await loginInPage(page);
    await page.fill('#item-code', 'public-health');
    // The reform office deploys for the department the diagram's steps name, offered in the toolbar.
    await page.focus('#deploy-department');
    const offered = await page.$$eval('#deploy-department option', (o) => o.map((x) => x.textContent));
    expect(offered[0]).toBe('实施部门（自动）');
    expect(offered.length).toBeGreaterThan(1);
    const auth = await login(server.app, DEPLOYER.username, DEPLOYER.password);
    const deployedVersions = async () => (await server.app.inject({ method: 'GET', url: '/api/definitions?key=public-health', headers: auth })).json<Array<{ version: number }>>().length;

    // Deploy opens the confirmation: the code, the version it becomes and the department
    await page.click('#deploy');
    await page.waitForSelector('#deploy-dialog[open]');
    expect(await page.textContent('#deploy-dialog h2')).toBe('部署为新版本');
    expect(await page.textContent('#deploy-summary [data-field="code"]')).toBe('public-health');
    expect(await page.textContent('#deploy-summary [data-field="version"]')).toBe('第 1 版');
    expect(await page.textContent('#deploy-summary [data-field="department"]')).toBe('实施部门（自动）');
    expect(await page.textContent('#deploy-dialog label[for="deploy-note"]')).toBe('变更说明（必填）');
    expect(await page.getAttribute('#deploy-note', 'maxlength')).toBe('500');
    // The page behind it is inert: the toolbar cannot be clicked while the dialog is open
    await expect(page.click('#new-diagram', { timeout: 500 })).rejects.toThrow();
    await page.screenshot({ path: path.join(SCREENSHOTS, 'modeler-deploy-dialog.png') });
    // Cancel closes it and deploys nothing
    await page.click('#deploy-cancel');
    await page.waitForSelector('#deploy-dialog', { state: 'detached' });
    await page.waitForSelector('#status:has-text("已取消部署，未部署新版本")');
    expect(await deployedVersions()).toBe(0);
    // An empty (or blank) note is refused in Chinese inside the dialog, which stays open
    await page.click('#deploy');
    await page.fill('#deploy-note', '   ');
    await page.click('#deploy-confirm');
    await page.waitForSelector('#deploy-note-error:visible');
    expect(await page.textContent('#deploy-note-error')).toBe('请填写变更说明：本版本改了什么');
    expect(await page.isVisible('#deploy-dialog[open]')).toBe(true);
    expect(await deployedVersions()).toBe(0);
    // Escape closes it too, without deploying
    await page.keyboard.press('Escape');
    await page.waitForSelector('#deploy-dialog', { state: 'detached' });
    expect(await deployedVersions()).toBe(0);

    const notes = ['首次发布：公共卫生许可审核流程', '材料审核改由卫健委办理'];
    for (const [i, note] of notes.entries()) {
      await page.click('#deploy');
      await page.waitForSelector('#deploy-dialog[open]');
      expect(await page.textContent('#deploy-summary [data-field="version"]')).toBe(`第 ${i + 1} 版`);
      await page.fill('#deploy-note', note);
      expect(await page.textContent('#deploy-note-count')).toBe(`${[...note].length}/500`);
      await page.click('#deploy-confirm');
      await page.waitForSelector(`#status[data-kind="ok"]:has-text("第 ${i + 1} 版")`);
      await page.waitForSelector('#deploy-dialog', { state: 'detached' });
    }
    // The step's department 卫健委 is not one of the organisation's: deployed, with a warning naming the step
    expect(await page.textContent('#status')).toContain('提示：环节“材料审核”的实施部门“卫健委”不在组织机构中，请从组织机构中选择');
    const listed = await server.app.inject({ method: 'GET', url: '/api/definitions?key=public-health', headers: auth });
    expect(listed.json().map((d: { version: number; processId: string; note?: string }) => [d.version, d.processId, d.note])).toEqual([[1, 'publicHealth', notes[0]], [2, 'publicHealth', notes[1]]]);
    expect(await page.$$eval('#item-version option', (o) => o.map((x) => (x as HTMLOptionElement).value))).toEqual(['1', '2']);
    // A diagram with an error is not sent, and no dialog opens
    await openGroup(page, 'check', 'approval-step');
    await setField(page, 'check', 'department', '');
    await setField(page, 'check', 'role', '');
    await expectErrors(page, 1);
    await page.click('#deploy');
    await page.waitForSelector('#status[data-kind="error"]:has-text("请先修正错误再部署")');
    expect(await page.locator('#deploy-dialog').count()).toBe(0);
    expect(await deployedVersions()).toBe(2);
    await setField(page, 'check', 'department', '卫健委');
    await setField(page, 'check', 'role', 'reviewer');
    await expectErrors(page, 0);
  });

  it('lists the versions with time in Beijing time, who and the change note, and opens one in the canvas', async () => {
    const { page, server } = h();
    const auth = await login(server.app, DEPLOYER.username, DEPLOYER.password);
    const listed = (await server.app.inject({ method: 'GET', url: '/api/definitions?key=public-health', headers: auth })).json<Array<{ version: number; deployedAt: string }>>();
    // Beijing time is UTC+8 all year (no summer time): the instant moved by eight hours, as written in China.
    const beijing = (iso: string) => new Date(Date.parse(iso) + 8 * 3600_000).toISOString().slice(0, 16).replace('T', ' ');
    await page.click('#version-history');
    await page.waitForSelector('#history-dialog[open] #history-table');
    expect(await page.textContent('#history-dialog h2')).toBe('public-health 的版本历史');
    expect(await page.$$eval('#history-table th', (ths) => ths.map((th) => th.textContent))).toEqual(['版本', '部署时间（北京时间）', '部署人', '变更说明', '']);
    const rows = await page.$$eval('#history-table tbody tr', (trs) => trs.map((tr) => [...tr.querySelectorAll('td')].slice(0, 4).map((td) => td.textContent)));
    expect(rows).toEqual([
      ['第 2 版', beijing(listed[1]!.deployedAt), 'admin', '材料审核改由卫健委办理'],
      ['第 1 版', beijing(listed[0]!.deployedAt), 'admin', '首次发布：公共卫生许可审核流程'],
    ]);
    await page.screenshot({ path: path.join(SCREENSHOTS, 'modeler-version-history.png') });
    // Opening version 1 closes the dialog and shows that version in the canvas
    await page.click('#history-table tr[data-version="1"] button.open-version');
    await page.waitForSelector('#history-dialog', { state: 'detached' });
    await page.waitForSelector('#status[data-kind="ok"]:has-text("已打开 public-health 版本 1")');
    expect(await page.inputValue('#item-version')).toBe('1');
    const v1 = await server.app.inject({ method: 'GET', url: '/api/definitions/public-health/versions/1/bpmn', headers: auth });
    expect(await diagramXml(page)).toContain('<bpmn:userTask id="check" name="材料审核"');
    expect(v1.body).toContain('approval:specialProcedure="EXPERT"');
    // The close button closes it as well; version 2 is opened again for the scenarios that follow
    await page.click('#version-history');
    await page.waitForSelector('#history-dialog[open]');
    await page.click('#history-close');
    await page.waitForSelector('#history-dialog', { state: 'detached' });
    await page.click('#version-history');
    await page.click('#history-table tr[data-version="2"] button.open-version');
    await page.waitForSelector('#status[data-kind="ok"]:has-text("已打开 public-health 版本 2")');
    expect(await page.inputValue('#item-version')).toBe('2');
  });

  it('downloads the diagram as BPMN with the approval attributes and as SVG', async () => {
    const { page } = h();
    const [bpmn] = await Promise.all([page.waitForEvent('download'), page.click('#download-bpmn')]);
    expect(bpmn.suggestedFilename()).toBe('public-health-v2.bpmn');
    const xml = readFileSync((await bpmn.path())!, 'utf8');
    expect(xml).toContain('xmlns:approval="http://shenpi.org/schema/approval/1.0"');
    expect(xml).toContain('approval:specialProcedure="EXPERT"');
    const [svg] = await Promise.all([page.waitForEvent('download'), page.click('#download-svg')]);
    const image = readFileSync((await svg.path())!, 'utf8');
    expect(image).toMatch(/<svg[^>]*xmlns="http:\/\/www.w3.org\/2000\/svg"/);
    expect(image.trimEnd()).toMatch(/<\/svg>$/);
    expect(image).toContain('材料审核');
  });

  it('sets the rule table of a business rule task and joint approval on a multi-instance task', async () => {
    const { page } = h();
    await openGroup(page, 'check', 'approval-step');
    await setField(page, 'check', 'department', '卫健委');
    await expectErrors(page, 0);
    // Given the service task turned into a business rule task through the replace menu
    await page.click('.djs-element[data-element-id="notify"] .djs-hit');
    await page.click('.djs-context-pad [data-action="replace"]');
    await page.click('.djs-popup [data-id="replace-with-rule-task"]');
    await expectErrors(page, 1);
    expect(await page.getAttribute('#findings .finding.error', 'data-rule')).toBe('business-rule-task');
    // When its rule table is named, the error goes
    await openGroup(page, 'notify', 'approval-rule-table');
    await setField(page, 'notify', 'decisionRef', 'food-licence.acceptance');
    await expectErrors(page, 0);
    // And a parallel multi-instance review gets joint approval and its collection
    await page.click('.djs-element[data-element-id="check"] .djs-hit');
    await page.click('.djs-context-pad [data-action="replace"]');
    await page.click('.djs-popup [data-id="toggle-parallel-mi"]');
    await openGroup(page, 'check', 'approval-joint');
    await setField(page, 'check', 'coDepartments', '卫健委,消防');
    await page.selectOption('#bio-properties-panel-approval-completion', 'any');
    await openGroup(page, 'check', 'approval-multi-instance');
    await page.fill('#bio-properties-panel-approval-collection', '=["卫健委","消防"]');
    await expect.poll(() => diagramXml(page)).toContain('approval:collection=');
    await page.fill('#bio-properties-panel-approval-elementVariable', 'department');
    await expect.poll(() => diagramXml(page)).toContain('approval:elementVariable="department"');
    await expectErrors(page, 0);
    const xml = await diagramXml(page);
    expect(xml).toMatch(/<bpmn:businessRuleTask id="notify"[^>]* approval:decisionRef="food-licence.acceptance"/);
    expect(xml).toContain('approval:coDepartments="卫健委,消防" approval:completion="any"');
    expect(xml).toMatch(/<bpmn:multiInstanceLoopCharacteristics approval:collection="=\[&#34;卫健委&#34;,&#34;消防&#34;\]" approval:elementVariable="department"|<bpmn:multiInstanceLoopCharacteristics approval:collection="=\[&quot;卫健委&quot;,&quot;消防&quot;\]" approval:elementVariable="department"/);
  });
}

/**
 * Registers the scenarios on a shipped item package (ITEM-02, deployed by the portal scenarios), to run after
 * the pages that start cases on its first version.
 */
export function itemModelerScenarios(h: () => Harness): void {
  it('opens a shipped item, changes a step time limit and deploys it as the next item version with the same rule tables', async () => {
    const { page, server } = h();
    await loginInPage(page, { username: 'food-admin', password: DEMO_PASSWORD });
    await page.click('.tabs button[data-view="modeler-view"]');
    const auth = await login(server.app, 'food-admin');
    const versionsOf = async () => (await server.app.inject({ method: 'GET', url: '/api/items/ITEM-02/versions', headers: auth })).json<Array<{ version: number }>>().map((v) => v.version);
    const before = await versionsOf();
    const current = before[before.length - 1]!;
    // Given ITEM-02 listed as an item and opened at its latest version (its hand-written process has no diagram: it is laid out)
    await expect.poll(() => page.getAttribute('#item-codes option[value="ITEM-02"]', 'data-kind')).toBe('item');
    expect(await page.getAttribute('#item-codes option[value="public-health"]', 'data-kind')).toBe('definition');
    await page.fill('#item-code', 'ITEM-02');
    await page.dispatchEvent('#item-code', 'change');
    expect(await page.$$eval('#item-version option', (o) => o.map((x) => Number((x as HTMLOptionElement).value)))).toEqual(before);
    await page.click('#open-version');
    await page.waitForSelector('.djs-element[data-element-id="review"]');
    await page.waitForSelector('.djs-element[data-element-id="toIssue"]', { state: 'attached' });
    await page.screenshot({ path: path.join(SCREENSHOTS, 'modeler-item.png') });
    expect(await diagramXml(page)).toMatch(/<bpmn:userTask id="review"[^>]*approval:timeLimit="1WD"/);
    // When the review step gets three working days and the diagram is deployed
    await openGroup(page, 'review', 'approval-step');
    await page.fill('#bio-properties-panel-approval-timeLimit', '3');
    await expect.poll(() => diagramXml(page)).toMatch(/<bpmn:userTask id="review"[^>]*approval:timeLimit="3WD"/);
    await expectErrors(page, 0);
    await page.click('#deploy');
    await page.waitForSelector('#deploy-dialog[open]');
    expect(await page.textContent('#deploy-summary [data-field="code"]')).toBe('ITEM-02');
    expect(await page.textContent('#deploy-summary [data-field="version"]')).toBe(`第 ${current + 1} 版`);
    expect(await page.textContent('#deploy-summary [data-field="department"]')).toBe('区市场监督管理局');
    await page.fill('#deploy-note', '审核时限由 1 个工作日调整为 3 个工作日');
    await page.click('#deploy-confirm');
    await page.waitForSelector(`#status[data-kind="ok"]:has-text("ITEM-02 第 ${current + 1} 版")`);
    await page.waitForSelector('#deploy-dialog', { state: 'detached' });
    // Then the item has a new version whose BPMN has the changed limit, and whose listing and rule tables did not change
    expect(await versionsOf()).toEqual([...before, current + 1]);
    const noted = (await server.app.inject({ method: 'GET', url: '/api/items/ITEM-02/versions', headers: auth })).json<Array<{ version: number; note?: string; deployedBy?: string }>>().at(-1);
    expect(noted).toMatchObject({ version: current + 1, note: '审核时限由 1 个工作日调整为 3 个工作日', deployedBy: 'food-admin' });
    const bpmn = await server.app.inject({ method: 'GET', url: `/api/items/ITEM-02/versions/${current + 1}/bpmn`, headers: auth });
    expect(bpmn.body).toMatch(/<bpmn:userTask id="review"[^>]*approval:timeLimit="3WD"/);
    expect(bpmn.body).toMatch(/<bpmn:userTask id="audit"[^>]*approval:timeLimit="1WD"/);
    const [previous, saved] = await Promise.all([server.app.cases.items.get('ITEM-02', current), server.app.cases.items.get('ITEM-02', current + 1)]);
    const rules = (sources: Readonly<Record<string, string>>) => Object.entries(sources).filter(([name]) => name.startsWith('rules/'));
    expect(rules(saved!.sources)).toEqual(rules(previous!.sources));
    expect(saved!.listing).toEqual(previous!.listing);
    expect(await page.inputValue('#item-version')).toBe(String(current + 1));
    const audit = await server.app.inject({ method: 'GET', url: `/api/audit?actorId=food-admin`, headers: await login(server.app, 'admin') });
    expect(audit.json()).toEqual(expect.arrayContaining([expect.objectContaining({ action: 'item.deployed', target: `ITEM-02@${current + 1}` })]));
  });

  it('shows a refused item process with its element instead of storing it', async () => {
    const { page, server } = h();
    const count = async () => (await server.app.cases.items.versions('ITEM-02')).length;
    const before = await count();
    // A special procedure the item's listing does not declare: the modeler accepts it, the package does not.
    await openGroup(page, 'review', 'approval-special-procedure');
    await page.selectOption('#bio-properties-panel-approval-specialProcedure', 'EXPERT');
    await expectErrors(page, 0);
    await page.click('#deploy');
    await page.fill('#deploy-note', '增加专家评审');
    await page.click('#deploy-confirm');
    await page.waitForSelector('#status[data-kind="error"]:has-text("review")');
    // The refused deploy closed its dialog: the page is not left behind a modal
    await page.waitForSelector('#deploy-dialog', { state: 'detached' });
    await page.click('#version-history');
    await page.waitForSelector('#history-dialog[open]');
    expect(await page.textContent(`#history-table tr[data-version="${before}"] td.note`)).toBe('审核时限由 1 个工作日调整为 3 个工作日');
    await page.click('#history-close');
    await page.waitForSelector('#history-dialog', { state: 'detached' });
    expect(await page.textContent('#status')).toContain('EXPERT');
    expect(await count()).toBe(before);
    // The refusal is the one failed response the page saw; taken off the list the last scenario checks.
    const refusals = h().pageErrors.filter((e) => e.startsWith('422 PUT') && e.endsWith('/api/items/ITEM-02/process'));
    expect(refusals).toHaveLength(1);
    h().pageErrors.splice(h().pageErrors.indexOf(refusals[0]!), 1);
  });
}
