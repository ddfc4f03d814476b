/**
 * The workbench journey in a real browser (headless Chromium against the real server), from the pages only:
 * ITEM-02 applied on a phone-sized portal page, corrected with materials the department picks, accepted,
 * reviewed, site-checked, audited, decided, the certificate previewed and issued, delivered by express,
 * evaluated with a 差评 and rectified. The API is used only to deploy the item, to let time pass and to
 * compare what a page shows with what the server holds; every case command is a click.
 */
import { mkdirSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openModeler, type Harness } from './browser.js';
import { SCREENSHOTS } from './modeler-scenarios.js';
import type { PagesState } from './pages.js';
import { workbenchScenarios } from './workbench-scenarios.js';

let harness: Harness | undefined;
const pages: PagesState = {};

describe.sequential('the workbench journey of ITEM-02', { timeout: 90_000 }, () => {
  beforeAll(async () => {
    mkdirSync(SCREENSHOTS, { recursive: true });
    harness = await openModeler();
  }, 180_000);

  afterAll(async () => {
    await pages.portal?.close();
    await pages.console?.close();
    await harness?.close();
  });

  workbenchScenarios(() => harness!, pages);

  it('logged no error in the portal and console pages of the journey', () => {
    // The harness's own modeler page reports into the same list; its errors are the modeler tests' concern.
    expect(harness!.pageErrors.filter((e) => /\/(portal|console)\/|\/api\//.test(e))).toEqual([]);
  });
});
