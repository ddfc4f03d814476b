/**
 * The modeler, the applicant portal and the supervision console in a real browser (headless Chromium) against
 * the real server: one browser for every scenario, since the machine has two shared cores. The scenarios run
 * in order and build on each other's state (imported diagram, logged-in user, deployed versions, the case the
 * portal opens and the console works; the modeler saves the item the portal deployed as a new version).
 */
import { mkdirSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openModeler, type Harness } from './browser.js';
import { itemModelerScenarios, modelerScenarios, SCREENSHOTS } from './modeler-scenarios.js';
import { itemRulesScenarios, rulesScenarios } from './rules-scenarios.js';
import { consoleScenarios } from './console-scenarios.js';
import { portalAgentScenarios, portalScenarios } from './portal-scenarios.js';
import type { PagesState } from './pages.js';

let harness: Harness | undefined;
const pages: PagesState = {};
const h = (): Harness => {
  if (!harness) throw new Error('the browser harness did not start');
  return harness;
};

describe.sequential('the browser modeler', { timeout: 60_000 }, () => {
  beforeAll(async () => {
    mkdirSync(SCREENSHOTS, { recursive: true });
    harness = await openModeler();
  }, 180_000);

  afterAll(async () => {
    await pages.portal?.close();
    await pages.console?.close();
    await harness?.close();
  });

  describe.sequential('modeler tab', () => modelerScenarios(h));
  describe.sequential('rule-table tab', () => rulesScenarios(h));
  describe.sequential('applicant portal', () => portalScenarios(h, pages));
  describe.sequential('supervision console', () => consoleScenarios(h, pages));
  describe.sequential('modeler tab on an item package', () => itemModelerScenarios(h));
  describe.sequential('rule-table tab on an item package', () => itemRulesScenarios(h));
  describe.sequential("applicant portal: an agent's application", () => portalAgentScenarios(h, pages));

  it('falls back to the English texts with ?lang=en', async () => {
    const page = await h().browser.newPage();
    try {
      await page.goto(`${h().baseUrl}/modeler/?lang=en`);
      await page.waitForSelector('.djs-element[data-element-id="accept"]');
      expect(await page.evaluate(() => document.documentElement.lang)).toBe('en');
      expect(await page.getAttribute('.djs-palette [data-action="create.task"]', 'aria-label')).toBe('Create task');
      expect(await page.textContent('.tabs')).toContain('Rule tables');
      expect(await page.textContent('#deploy')).toBe('Deploy as new version');
    } finally {
      await page.close();
    }
  });

  it('logged no error in the page', () => {
    expect(h().pageErrors).toEqual([]);
  });
});
