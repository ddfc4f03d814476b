/**
 * The applicant's notification centre, window intake and the workbench queues in a real browser (headless
 * Chromium against the real server), from the pages: the portal's 站内消息 after a correction notice, an ITEM-01
 * application registered at the window and finished the same day, and the queues 已办, 抄送我的 and 我发起的.
 * The API sets up what is not this file's subject (the online application, a copy) and compares what a page
 * shows with what the server holds.
 */
import { mkdirSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openModeler, type Harness } from './browser.js';
import { SCREENSHOTS } from './modeler-scenarios.js';
import { windowMessagesScenarios, type WindowState } from './window-messages-scenarios.js';

let harness: Harness | undefined;
const state: WindowState = {};

describe.sequential('notifications, window intake and queues', { timeout: 90_000 }, () => {
  beforeAll(async () => {
    mkdirSync(SCREENSHOTS, { recursive: true });
    harness = await openModeler();
  }, 180_000);

  afterAll(async () => {
    await state.portal?.close();
    await state.desk?.close();
    await harness?.close();
  });

  windowMessagesScenarios(() => harness!, state);

  it('logged no error in the portal and console pages', () => {
    expect(harness!.pageErrors.filter((e) => /\/(portal|console)\/|\/api\//.test(e))).toEqual([]);
  });
});
