import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import {
  RULE_FACTORIES,
  approvalModdleDescriptor,
  createRules,
  lintDefinitions,
  parseBpmn,
  selectProcess,
} from '../../definitions/index.js';
import { repoDir } from '../support/shared.js';

const fixtures = path.join(path.dirname(fileURLToPath(import.meta.url)), 'fixtures');

describe('the approval moddle extension', () => {
  it('documents every attribute and element of the descriptor in docs/approval-extension.md', () => {
    const doc = readFileSync(path.join(repoDir, 'docs/approval-extension.md'), 'utf8');
    const names = approvalModdleDescriptor.types.flatMap((t) =>
      (t.properties ?? []).filter((p) => 'isAttr' in p && p.isAttr).map((p) => p.name),
    );
    expect(names.length).toBeGreaterThan(15);
    const missing = names.filter((n) => !doc.includes(`approval:${n}`) && !doc.includes(`\`${n}\``));
    expect(missing).toEqual([]);
    for (const element of ['approval:ioMapping', 'approval:input', 'approval:output']) expect(doc).toContain(element);
  });

  it('uses its own namespace and prefix', () => {
    expect(approvalModdleDescriptor).toMatchObject({ prefix: 'approval', uri: 'http://shenpi.org/schema/approval/1.0' });
  });
});

describe('rule shape', () => {
  it('has a description and a default severity for every rule', () => {
    for (const rule of Object.values(createRules())) {
      expect(rule.meta.description.length).toBeGreaterThan(5);
      expect(['error', 'warning']).toContain(rule.meta.severity);
    }
  });

  it("runs unchanged under bpmnlint's Linter with a resolver, as the modeler does", async () => {
    // Given bpmnlint's Linter resolving `shenpi/<rule>` to the same factories
    const { Linter } = createRequire(import.meta.url)('bpmnlint') as {
      Linter: new (o: unknown) => { lint(root: unknown, config: unknown): Promise<Record<string, { id: string }[]>> };
    };
    const resolver = {
      resolveRule: (pkg: string, name: string) => (pkg === 'bpmnlint-plugin-shenpi' ? RULE_FACTORIES[name] : undefined),
      resolveConfig: () => ({}),
    };
    const parsed = await parseBpmn(readFileSync(path.join(fixtures, 'broken.bpmn')));
    if (!parsed.ok) throw new Error('expected broken.bpmn to parse');
    const rules = Object.fromEntries(Object.keys(RULE_FACTORIES).map((n) => [`shenpi/${n}`, 'error']));
    // When both runners check the same tree
    const viaBpmnlint = await new Linter({ resolver }).lint(parsed.definitions, { rules });
    const selected = selectProcess(parsed.definitions);
    const ours = lintDefinitions(parsed.definitions, selected.ok ? { process: selected.process } : {});
    // Then they report the same element ids per rule
    const fromBpmnlint = Object.entries(viaBpmnlint).flatMap(([rule, reports]) =>
      reports.map((r) => `${rule.replace('shenpi/', '')} ${r.id}`),
    );
    expect(fromBpmnlint.sort()).toEqual(ours.map((f) => `${f.rule} ${f.id}`).sort());
  });
});
