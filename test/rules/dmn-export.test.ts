import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { compileDmn, compileRuleTable, exportDmn, importDmn, loadRuleTable, tableToYaml } from '../../rules/index.js';
import { dmnTckDir, repoDir } from '../support/shared.js';

const materials = () => loadRuleTable(readFileSync(path.join(repoDir, 'rules/examples/food-licence/materials.yaml')), { fileName: 'materials.yaml' });

describe('DMN exchange', () => {
  it('exports a table with its legal bases and imports it back unchanged', async () => {
    const table = materials();
    const xml = await exportDmn(table);
    expect(xml).toMatch(/<(dmn:)?annotationEntry>/);
    const back = (await importDmn(xml)).decisions[0]!.table!;
    expect(back.hitPolicy).toBe('COLLECT');
    expect(back.rows.map((r) => [r.id, r.annotation])).toEqual(table.rows.map((r) => [r.id, r.annotation]));
    expect(back.inputs.map((c) => [c.name, c.expression, c.type])).toEqual(table.inputs.map((c) => [c.name, c.expression, c.type]));
    const input = { usesVendingMachine: true, operatesOnline: true, byAgent: false };
    expect((await compileRuleTable(back).evaluate(input)).result).toEqual((await compileRuleTable(table).evaluate(input)).result);
  });

  it('imports a TCK model in the DMN 1.5 namespace and writes it as a table file that loads again', async () => {
    const model = await importDmn(readFileSync(path.join(dmnTckDir, '0108-first-hitpolicy/0108-first-hitpolicy.dmn')));
    const table = model.decisions[0]!.table!;
    expect(table).toMatchObject({ name: 'Approval', hitPolicy: 'FIRST' });
    expect(table.outputs.map((o) => [o.name, o.default])).toEqual([['Status', '"Declined"'], ['Rate', '"Standard"']]);
    const reloaded = loadRuleTable(tableToYaml(table), { fileName: 'approval.yaml' });
    const input = { Age: 13, RiskCategory: 'Medium', isAffordable: true };
    expect((await compileRuleTable(reloaded).evaluate(input)).result).toEqual((await compileDmn(model).evaluate('Approval', input)).result);
  });

  it('evaluates decisions that require other decisions and literal expressions', async () => {
    const xml = `<?xml version="1.0" encoding="UTF-8"?>
<definitions xmlns="https://www.omg.org/spec/DMN/20230324/MODEL/" id="d" name="d" namespace="urn:x">
  <decision id="base" name="Base"><variable name="Base" typeRef="number"/><literalExpression><text>Amount * 2</text></literalExpression></decision>
  <decision id="band" name="Band">
    <informationRequirement id="r1"><requiredDecision href="#base"/></informationRequirement>
    <decisionTable hitPolicy="UNIQUE">
      <input id="i1"><inputExpression typeRef="number"><text>Base</text></inputExpression></input>
      <output id="o1" typeRef="string"/>
      <rule id="a"><inputEntry><text>&lt; 100</text></inputEntry><outputEntry><text>"low"</text></outputEntry></rule>
      <rule id="b"><inputEntry><text>&gt;= 100</text></inputEntry><outputEntry><text>"high"</text></outputEntry></rule>
    </decisionTable>
  </decision>
</definitions>`;
    const compiled = compileDmn(await importDmn(xml));
    expect((await compiled.evaluate('Band', { Amount: 60 })).result).toBe('high');
    expect((await compiled.evaluate('band', { Amount: 10 })).result).toBe('low');
    expect(() => compiled.find('nope')).toThrow(/no decision 'nope'/);
  });

  it('refuses XML that is not DMN with a finding naming the file', async () => {
    await expect(importDmn('<definitions', { fileName: 'x.dmn' })).rejects.toThrow(/x\.dmn/);
  });
});
