/**
 * A suite of page journeys against one real server and one headless Chromium: opens the harness, runs the
 * scenarios in order, closes every page it opened, and ends by checking that no portal or console page logged
 * an error. The harness's own modeler page reports into the same list; its errors are the modeler tests' concern.
 */
import { mkdirSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openModeler, type Harness } from './browser.js';
import { SCREENSHOTS } from './modeler-scenarios.js';

/** Runs `scenarios` as the sequential suite `title`; `setup` prepares the server (deploys items) first. */
export function pagesSuite(title: string, scenarios: (h: () => Harness) => void, setup?: (h: Harness) => Promise<void>): void {
  let harness: Harness | undefined;
  describe.sequential(title, { timeout: 90_000 }, () => {
    beforeAll(async () => {
      mkdirSync(SCREENSHOTS, { recursive: true });
      harness = await openModeler();
      await setup?.(harness);
    }, 180_000);

    afterAll(async () => {
      for (const page of harness?.browser.contexts().flatMap((c) => c.pages()) ?? []) await page.close();
      await harness?.close();
    });

    scenarios(() => harness!);

    it('logged no error in the portal and console pages', () => {
      expect(harness!.pageErrors.filter((e) => /\/(portal|console)\/|\/api\//.test(e))).toEqual([]);
    });
  });
}
