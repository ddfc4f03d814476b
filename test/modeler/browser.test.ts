/**
 * The modeler in a real browser (headless Chromium) against the real server: one browser for every scenario,
 * since the machine has two shared cores. The scenarios run in order and build on each other's state
 * (imported diagram, logged-in user, deployed versions).
 */
import { mkdirSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openModeler, type Harness } from './browser.js';
import { modelerScenarios, SCREENSHOTS } from './modeler-scenarios.js';
import { rulesScenarios } from './rules-scenarios.js';

let harness: Harness | undefined;
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
    await harness?.close();
  });

  describe.sequential('modeler tab', () => modelerScenarios(h));
  describe.sequential('rule-table tab', () => rulesScenarios(h));

  it('logged no error in the page', () => {
    expect(h().pageErrors).toEqual([]);
  });
});
