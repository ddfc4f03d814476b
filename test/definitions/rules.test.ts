/**
 * Every validation rule against its table of fixtures in `fixtures/rules/<rule>/`:
 *  - `valid-*.bpmn` loads (no error from any rule) and the rule reports nothing;
 *  - `invalid-*.bpmn` declares in a leading `<!-- expect: id … -->` comment the element ids the rule must
 *    report, and the rule reports exactly those ids.
 */
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { RULE_FACTORIES, loadDefinition, lintDefinitions, parseBpmn, selectProcess } from '../../definitions/index.js';

const rulesDir = path.join(path.dirname(fileURLToPath(import.meta.url)), 'fixtures/rules');
const ruleNames = readdirSync(rulesDir).sort();

async function findingsOf(file: string, rule: string) {
  const parsed = await parseBpmn(readFileSync(file));
  if (!parsed.ok) throw new Error(`${file} does not parse: ${JSON.stringify(parsed.findings)}`);
  const selected = selectProcess(parsed.definitions);
  if (!selected.ok) throw new Error(selected.finding.message);
  return lintDefinitions(parsed.definitions, { process: selected.process, rules: [rule] });
}

function expectedIds(xml: string): string[] {
  const match = /<!-- expect: ([^>]*?) -->/.exec(xml);
  if (!match) throw new Error('invalid fixture without an expect comment');
  return match[1]!.split(/\s+/).filter(Boolean).sort();
}

it('has fixtures for every rule and no fixtures for unknown rules', () => {
  expect(ruleNames).toEqual(Object.keys(RULE_FACTORIES).sort());
});

describe.each(ruleNames)('rule %s', (rule) => {
  const files = readdirSync(path.join(rulesDir, rule)).filter((f) => f.endsWith('.bpmn')).sort();
  const valid = files.filter((f) => f.startsWith('valid-'));
  const invalid = files.filter((f) => f.startsWith('invalid-'));

  it('has at least one valid and one invalid fixture', () => {
    expect(valid.length).toBeGreaterThan(0);
    expect(invalid.length).toBeGreaterThan(0);
  });

  it.each(valid)('accepts %s', async (name) => {
    // Given a model that is right for this rule (and for every other), when it is checked and loaded
    const file = path.join(rulesDir, rule, name);
    const findings = await findingsOf(file, rule);
    const loaded = await loadDefinition(readFileSync(file), {});
    // Then the rule reports nothing and the model deploys
    expect(findings).toEqual([]);
    expect(loaded.ok ? [] : loaded.findings).toEqual([]);
  });

  it.each(invalid)('reports exactly the expected elements of %s', async (name) => {
    // Given a model with the ids the rule must report, when it is checked
    const file = path.join(rulesDir, rule, name);
    const findings = await findingsOf(file, rule);
    // Then the rule reports those ids, each with a message; errors refuse the deploy, warnings are carried
    expect([...new Set(findings.map((f) => f.id))].sort()).toEqual(expectedIds(readFileSync(file, 'utf8')));
    for (const f of findings) expect(f.message.length).toBeGreaterThan(10);
    const loaded = await loadDefinition(readFileSync(file), {});
    if (findings.some((f) => f.severity === 'error')) expect(loaded.ok).toBe(false);
    else expect(loaded.ok && loaded.warnings.map((w) => w.rule)).toContain(rule);
  });
});
