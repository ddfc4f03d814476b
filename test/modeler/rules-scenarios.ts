/** Browser scenarios of the rule-table tab, registered into the single browser test file. */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { expect, it } from 'vitest';
import { DEPARTMENT_ADMIN, DEPLOYER, loginInPage, type Harness } from './browser.js';
import { SCREENSHOTS } from './modeler-scenarios.js';
import { englishInText } from './visible-text.js';

/** The input of a grid cell by row index and column key (`in:age`, `out:code`, `annotation`). */
const cell = (page: Page, row: number, col: string) => page.locator(`.rule-grid td[data-row="${row}"][data-col="${col}"]`);

/** Types into a cell and leaves it, as a user does (the editor reacts to `change`). */
async function edit(page: Page, row: number, col: string, value: string): Promise<void> {
  const input = cell(page, row, col).locator('input');
  await input.fill(value);
  await input.press('Tab');
}

/** The position of the row with the given id in the grid. */
function rowIndex(page: Page, id: string): Promise<number> {
  return page.locator('.rule-grid tbody tr').evaluateAll((rows, wanted) =>
    rows.findIndex((r) => (r.querySelector('[data-role="row-id"]') as HTMLInputElement).value === wanted), id);
}

/** Registers the rule-table scenarios. */
export function rulesScenarios(h: () => Harness): void {
  it('opens the rule-table tab on the food licence acceptance table and passes its embedded tests', async () => {
    const { page } = h();
    await page.click('.tabs button[data-view="rules-view"]');
    expect(await page.inputValue('#table-id')).toBe('food-licence.acceptance');
    expect(await page.locator('#table-hit-policy option:checked').textContent()).toBe('C 收集');
    expect(await page.textContent('.rule-grid thead')).toContain('输入');
    await page.click('#run-tests');
    const summary = page.locator('.tests-summary');
    await expect.poll(() => summary.getAttribute('data-failed')).toBe('0');
    expect(Number(await summary.getAttribute('data-passed'))).toBeGreaterThanOrEqual(4);
    expect(await page.locator('.test-outcome.passed').count()).toBe(Number(await summary.getAttribute('data-passed')));
  });

  it('shows a lint finding on the edited cell and clears it when the cell is fixed', async () => {
    const { page } = h();
    const row = await rowIndex(page, 'AC1-KIND');
    await edit(page, row, 'in:applicantKind', 'NATURAL_PERSON');
    const bad = cell(page, row, 'in:applicantKind');
    await expect.poll(() => bad.getAttribute('data-findings')).toContain('unquoted-string');
    expect(await bad.getAttribute('class')).toMatch(/finding-(error|warning)/);
    expect(await page.locator('#rule-findings .finding[data-code="unquoted-string"]').count()).toBe(1);
    await edit(page, row, 'in:applicantKind', '"NATURAL_PERSON"');
    await expect.poll(() => cell(page, row, 'in:applicantKind').getAttribute('data-findings')).toBeNull();
  });

  it('shows the findings of a bad table in Chinese from their codes, and no English sentence', async () => {
    const { page } = h();
    const row = await rowIndex(page, 'AC1-KIND');
    const basis = await cell(page, row, 'annotation').locator('input').inputValue();
    await edit(page, row, 'in:applicantKind', 'NATURAL_PERSON');
    await edit(page, row, 'annotation', '');
    const unquoted = page.locator('#rule-findings .finding[data-code="unquoted-string"]');
    await expect.poll(() => unquoted.locator('.message').textContent())
      .toBe(`第${row + 1}行“申请人类型”列的条件“NATURAL_PERSON”中，NATURAL_PERSON 会被当作变量名而不是文字；请写成 "NATURAL_PERSON"（YAML 中写 '"NATURAL_PERSON"'）`);
    expect(await unquoted.locator('.rule').textContent()).toBe('文字未加引号');
    expect(await page.locator('#rule-findings .finding[data-code="missing-basis"] .message').textContent()).toBe(`第${row + 1}行没有填写法律依据，请注明依据的法律法规条款`);
    expect(await cell(page, row, 'in:applicantKind').getAttribute('title')).toMatch(/^第\d+行“申请人类型”列的条件“NATURAL_PERSON”中/);
    const shown = await page.locator('#rule-findings').innerText();
    expect(shown).not.toContain('is read as a variable name');
    expect(shown).not.toContain('cite its legal basis');
    expect(englishInText(shown)).toEqual([]);
    await edit(page, row, 'in:applicantKind', '"NATURAL_PERSON"');
    await edit(page, row, 'annotation', basis);
    await expect.poll(() => page.locator('#rule-findings .finding[data-code="unquoted-string"], #rule-findings .finding[data-code="missing-basis"]').count()).toBe(0);
  });

  it('runs the tests after rows changed and shows which ones fail and why, next to the cell findings', async () => {
    const { page } = h();
    const kindRow = await rowIndex(page, 'AC1-KIND');
    await edit(page, kindRow, 'in:applicantKind', 'NATURAL_PERSON');
    await edit(page, 0, 'in:onlyPrepackagedFood', 'false');
    await page.click('#run-tests');
    const summary = page.locator('.tests-summary');
    await expect.poll(async () => Number(await summary.getAttribute('data-failed'))).toBeGreaterThan(0);
    expect(await page.textContent('.test-outcome.failed')).toMatch(/^未通过: 期望结果为 .+，实际结果为 /);
    expect(await cell(page, kindRow, 'in:applicantKind').getAttribute('data-findings')).toContain('unquoted-string');
    await page.screenshot({ path: path.join(SCREENSHOTS, 'rule-editor.png') });
    await edit(page, kindRow, 'in:applicantKind', '"NATURAL_PERSON"');
    await edit(page, 0, 'in:onlyPrepackagedFood', 'true');
    await page.click('#run-tests');
    await expect.poll(() => summary.getAttribute('data-failed')).toBe('0');
  });

  it('edits columns, hit policy and rows, and saves the table as YAML when the server has no rule-table route', async () => {
    const { page } = h();
    await page.click('#add-input');
    await page.locator('.rule-grid thead th[data-col="in:input8"] [data-role="name"]').fill('premisesArea');
    await page.locator('.rule-grid thead th[data-col="in:input8"] [data-role="name"]').press('Tab');
    await page.selectOption('.rule-grid thead th[data-col="in:premisesArea"] [data-role="type"]', 'number');
    await page.click('#add-row');
    const rows = await page.locator('.rule-grid tbody tr').count();
    await edit(page, rows - 1, 'in:premisesArea', '< 50');
    await edit(page, rows - 1, 'out:code', '"AREA"');
    await edit(page, rows - 1, 'out:effect', '"CORRECT"');
    await edit(page, rows - 1, 'out:reason', '"经营场所面积不足"');
    await edit(page, rows - 1, 'annotation', '地方实施细则');
    await page.selectOption('#table-hit-policy', 'RULE ORDER');
    const [file] = await Promise.all([page.waitForEvent('download'), page.click('#save-table')]);
    expect(file.suggestedFilename()).toBe('food-licence.acceptance.yaml');
    const yaml = readFileSync((await file.path())!, 'utf8');
    expect(yaml).toContain("hitPolicy: 'RULE ORDER'");
    expect(yaml).toMatch(/name: 'premisesArea'\n\s+expression: 'premisesArea'\n\s+type: 'number'|name: 'premisesArea'\n\s+type: 'number'/);
    expect(yaml).toContain("premisesArea: '< 50'");
    expect(yaml).toContain("reason: '\"经营场所面积不足\"'");
    expect(await page.textContent('#status')).toContain('已下载 YAML 文件');
  });
}

/** Takes the failed responses of `status` on the rule table route off the page's error list, and counts them. */
function takeRefusals(h: () => Harness, status: number): number {
  const errors = h().pageErrors;
  const mine = errors.filter((e) => e.startsWith(`${status} PUT`) && e.includes('/api/items/ITEM-02/rules/ITEM-02.materials'));
  for (const e of mine) errors.splice(errors.indexOf(e), 1);
  return mine.length;
}

/**
 * Registers the scenarios saving a table of a deployed item (ITEM-02, logged in as its department admin, its
 * code in the modeler tab): the server's refusals are shown, not downloaded over.
 */
export function itemRulesScenarios(h: () => Harness): void {
  const versions = async () => (await h().server.app.cases.items.versions('ITEM-02')).length;

  it('shows the rows of a rule table the server refuses because its own tests fail, and stores nothing', async () => {
    const { page } = h();
    const before = await versions();
    await page.click('.tabs button[data-view="rules-view"]');
    await page.setInputFiles('#rule-file', path.resolve(path.dirname(new URL(import.meta.url).pathname), '../../definitions/items/ITEM-02/rules/materials.yaml'));
    await expect.poll(() => page.inputValue('#table-id')).toBe('ITEM-02.materials');
    // The vending-machine material now comes without vending machines: both embedded tests fail on the server.
    await edit(page, await rowIndex(page, 'M5'), 'in:usesVendingMachine', 'false');
    await page.click('#save-table');
    await page.waitForSelector('#status[data-kind="error"]:has-text("服务器拒绝保存决策表")');
    expect(await page.locator('#rule-findings .finding.server[data-code="table-test"]').count()).toBeGreaterThan(0);
    expect(await page.textContent('#rule-findings .finding.server')).toContain('rules/materials.yaml');
    // Worded from its code in Chinese, whatever language the browser asked the server in.
    expect(await page.textContent('#rule-findings .finding.server[data-code="table-test"] .message')).toMatch(/^测试用例“.+”未通过：期望/);
    expect(await page.textContent('#rule-findings .finding.server[data-code="table-test"] .rule')).toBe('测试未通过');
    expect(await versions()).toBe(before);
    expect(takeRefusals(h, 422)).toBe(1);
  });

  it("shows a refusal for lack of permission to another department's admin", async () => {
    const { page } = h();
    const before = await versions();
    await loginInPage(page, DEPARTMENT_ADMIN);
    await edit(page, await rowIndex(page, 'M5'), 'in:usesVendingMachine', 'true');
    expect(await page.locator('#rule-findings .finding.server').count()).toBe(0);
    await page.click('#save-table');
    await page.waitForSelector('#status[data-kind="error"]:has-text("服务器拒绝保存决策表")');
    expect(await versions()).toBe(before);
    expect(takeRefusals(h, 403)).toBe(1);
  });
}
