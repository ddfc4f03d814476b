/**
 * The journeys of ITEM-03, ITEM-04 and ITEM-05 in a real browser (headless Chromium against the real server),
 * from the pages only: a joint approval handed out once (统一出件), an expert review pausing the clock, and a
 * fee paid online before registration. The API deploys the items, creates the staff and sets the business
 * clock to the scenario's literal day; every case command is a click in a page.
 */
import { mkdirSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { T0 } from '../server/helper.js';
import { openModeler, type Harness } from './browser.js';
import { deployShippedItem } from './case-world.js';
import { expertJourney } from './expert-journey.js';
import { feeJourney } from './fee-journey.js';
import { jointJourney } from './joint-journey.js';
import { SCREENSHOTS } from './modeler-scenarios.js';

let harness: Harness | undefined;

describe.sequential('the journeys of ITEM-03, ITEM-04 and ITEM-05', { timeout: 90_000 }, () => {
  beforeAll(async () => {
    mkdirSync(SCREENSHOTS, { recursive: true });
    harness = await openModeler();
    for (const code of ['ITEM-03', 'ITEM-04', 'ITEM-05']) await deployShippedItem(harness.server.app, code, T0);
  }, 180_000);

  afterAll(async () => {
    for (const p of harness?.browser.contexts().flatMap((c) => c.pages()) ?? []) await p.close();
    await harness?.close();
  });

  // In the order of their scenarios' dates: the business clock only moves forward.
  feeJourney(() => harness!);
  expertJourney(() => harness!);
  jointJourney(() => harness!);

  it('logged no error in the portal and console pages', () => {
    expect(harness!.pageErrors.filter((e) => /\/(portal|console)\/|\/api\//.test(e))).toEqual([]);
  });
});
