/**
 * The clock pages in a real browser (headless Chromium against the real server), from the pages: every clock's
 * light with its reason on the case page and in the lights overview, limits ending at 24:00 written as their
 * own day, the locality settings page with its versions and refusals, the working-day calendar with its alert
 * and the provisional deadlines, and the portal's public certificate check. The API sets up what is not this
 * file's subject (the online applications, the business clock) and compares what a page shows with the server.
 */
import { mkdirSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openModeler, type Harness } from './browser.js';
import { clockPagesScenarios, type ClockPagesState } from './clock-pages-scenarios.js';
import { SCREENSHOTS } from './modeler-scenarios.js';

let harness: Harness | undefined;
const state: ClockPagesState = {};

describe.sequential('clock pages', { timeout: 90_000 }, () => {
  beforeAll(async () => {
    mkdirSync(SCREENSHOTS, { recursive: true });
    harness = await openModeler();
  }, 180_000);

  afterAll(async () => {
    await state.portal?.close();
    await state.desk?.close();
    await harness?.close();
  });

  clockPagesScenarios(() => harness!, state);

  it('logged no error in the portal and console pages', () => {
    expect(harness!.pageErrors.filter((e) => /\/(portal|console)\/|\/api\//.test(e))).toEqual([]);
  });
});
