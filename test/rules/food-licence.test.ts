/**
 * The ITEM-02 food business licence tables (rules/examples/food-licence): they lint clean, their embedded
 * cases pass, and the purpose helpers turn their decisions into what the engine needs.
 */
import { readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  acceptanceOutcome, compileRuleTable, fees, lintRuleTable, loadRuleTable, procedureCounting,
  requiredMaterials, runTableTests,
} from '../../rules/index.js';
import { repoDir } from '../support/shared.js';

const dir = path.join(repoDir, 'rules/examples/food-licence');
const load = (name: string) => compileRuleTable(loadRuleTable(readFileSync(path.join(dir, name)), { fileName: name }));

describe('food business licence tables', () => {
  for (const file of readdirSync(dir).filter((f) => f.endsWith('.yaml'))) {
    it(`${file} lints clean, cites a basis on every row and passes its embedded cases`, async () => {
      const table = loadRuleTable(readFileSync(path.join(dir, file)), { fileName: file });
      expect(lintRuleTable(table)).toEqual([]);
      expect(table.rows.every((r) => (r.annotation ?? '').length > 4)).toBe(true);
      expect(table.tests.length).toBeGreaterThan(0);
      const results = await runTableTests(compileRuleTable(table));
      expect(results.filter((r) => !r.passed)).toEqual([]);
    });
  }

  it('builds one correction notice from all missing materials, each with its basis', async () => {
    const decision = await load('acceptance.yaml').evaluate({
      onlyPrepackagedFood: false, byAgent: true,
      applicant: { hasBusinessLicence: true, kind: 'ENTERPRISE' },
      materials: { layout: false, safetyRules: true, powerOfAttorney: false },
    });
    const outcome = acceptanceOutcome(decision);
    expect(outcome.acceptable).toBe(false);
    expect(outcome.rejectionReasons).toEqual([]);
    expect(outcome.corrections.map((c) => c.code)).toEqual(['M3', 'M7']);
    expect(outcome.corrections[1]!.basis).toContain('行政许可法》第二十九条');
  });

  it('gives the reasons of a non-acceptance when only prepackaged food is sold', async () => {
    const decision = await load('acceptance.yaml').evaluate({
      onlyPrepackagedFood: true, byAgent: false, applicant: { hasBusinessLicence: true, kind: 'ENTERPRISE' }, materials: {},
    });
    const outcome = acceptanceOutcome(decision);
    expect(outcome.rejectionReasons.map((r) => [r.code, r.basis?.slice(0, 13)])).toEqual([['AC0', '《中华人民共和国食品安全法']]);
    expect(decision.failedConditions?.map((f) => f.id)).toEqual(['AC0']);
  });

  it('lists required materials with form, copies and the row that required each', async () => {
    const list = requiredMaterials(await load('materials.yaml').evaluate({ usesVendingMachine: true, operatesOnline: false, byAgent: false }));
    expect(list.map((m) => [m.material, m.form, m.copies])).toEqual([
      ['M1', '电子+原件', 1], ['M2', '电子证照共享', 0], ['M3', '复印件+电子', 1], ['M4', '复印件+电子', 1], ['M5', '复印件+电子', 1],
    ]);
    expect(list[4]!.because).toEqual([{ row: 'M5', basis: expect.stringContaining('自动设备') }]);
  });

  it('charges nothing', async () => {
    expect(fees(await load('fees.yaml').evaluate({ replacementCertificate: true }))).toMatchObject({ total: 0 });
  });

  it('knows which procedures stop the clock', async () => {
    const procedures = load('special-procedures.yaml');
    expect(procedureCounting(await procedures.evaluate({ procedure: 'HEARING' }))).toMatchObject({ countsTowardStatutoryLimit: false, countsTowardPromisedLimit: false });
    expect(procedureCounting(await procedures.evaluate({ procedure: 'SITE_CHECK' })).countsTowardStatutoryLimit).toBe(true);
    await expect(procedures.evaluate({ procedure: 'DANCE' }).then(procedureCounting)).rejects.toThrow(/unknown procedure/);
  });

  it('returns plain JSON that survives a JSON round trip', async () => {
    const d = await load('materials.yaml').evaluate({ usesVendingMachine: false, operatesOnline: true, byAgent: true });
    expect(JSON.parse(JSON.stringify(d))).toEqual(d);
  });
});
