/** Loading item packages: the three parts validated, checked against each other, compiled and frozen. */
import { describe, expect, it } from 'vitest';
import { loadItemPackage, type ItemFinding } from '../../definitions/items/index.js';
import { itemFiles, shippedItem } from './support.js';

async function refused(change: (files: Record<string, string>) => void): Promise<ItemFinding[]> {
  const files = await itemFiles('ITEM-02');
  change(files);
  const loaded = await loadItemPackage(files);
  if (loaded.ok) throw new Error('Expected the package to be refused, but it loaded');
  return loaded.findings;
}

const editJson = (files: Record<string, string>, edit: (doc: any) => void) => {
  const doc = JSON.parse(files['item.json']!);
  edit(doc);
  files['item.json'] = JSON.stringify(doc);
};

describe('loading an item package', () => {
  it('compiles ITEM-02 into an immutable definition whose process runs under the item code and version', async () => {
    const item = await shippedItem('ITEM-02', 3);
    expect(item.code).toBe('ITEM-02');
    expect(item.definition).toMatchObject({ key: 'ITEM-02', version: 3, processId: 'foodLicence' });
    expect(Object.keys(item.rules).sort()).toEqual(['acceptance', 'fees', 'materials', 'special-procedures']);
    expect(item.snapshot).toMatchObject({
      version: 3, statutoryLimit: { value: 10, unit: 'WD' }, promisedLimit: { value: 5, unit: 'WD' },
      extension: { cap: { value: 5, unit: 'WD' }, approverRole: 'agency-head' },
      pauseOverrides: { SITE_CHECK: { statutory: false, promised: false } }, specialProcedures: ['SITE_CHECK'],
    });
    expect(Object.isFrozen(item)).toBe(true);
    expect(Object.isFrozen(item.listing.materials)).toBe(true);
    expect(() => { (item.snapshot.promisedLimit as { value: number }).value = 99; }).toThrow(TypeError);
  });

  it('evaluates its materials table for the declared facts', async () => {
    const item = await shippedItem('ITEM-02');
    const decision = await item.rules.materials!.evaluate({ usesVendingMachine: true, operatesOnline: false, byAgent: false });
    expect(decision.outputs.map((o) => o.material)).toEqual(['M1', 'M2', 'M3', 'M4', 'M5']);
  });

  it('carries a step clock (第43条) and hearing limits from the listing into the case snapshot', async () => {
    // given ITEM-02 whose first review is done by a lower agency with 20 working days from acceptance
    const files = await itemFiles('ITEM-02');
    editJson(files, (d) => {
      d.stepLimits = [{ step: 'review', limit: { value: 20, unit: 'WD' }, article: '行政许可法第43条', from: 'acceptance' }];
      d.hearingLimits = { request: { value: 5, unit: 'CD' } };
    });
    // when it is loaded, then a case of it keeps both
    const loaded = await loadItemPackage(files);
    if (!loaded.ok) throw new Error(JSON.stringify(loaded.findings));
    expect(loaded.item.snapshot.stepLimits).toEqual([{ step: 'review', limit: { value: 20, unit: 'WD' }, article: '行政许可法第43条', from: 'acceptance' }]);
    expect(loaded.item.snapshot.hearingLimits).toEqual({ request: { value: 5, unit: 'CD' } });
  });

  it('refuses a step clock on a step the process does not have, naming the field', async () => {
    const findings = await refused((f) => editJson(f, (d) => {
      d.stepLimits = [{ step: 'noSuchStep', limit: { value: 20, unit: 'WD' }, article: '行政许可法第43条' }];
    }));
    expect(findings).toContainEqual(expect.objectContaining({ file: 'item.json', field: '/stepLimits/0/step', code: 'unknown-step' }));
  });

  it('names the field of a listing that breaks the schema', async () => {
    const findings = await refused((f) => editJson(f, (d) => { d.promisedLimit.unit = 'DAYS'; d.contactz = {}; }));
    expect(findings).toContainEqual(expect.objectContaining({ file: 'item.json', field: '/promisedLimit/unit', code: 'schema' }));
    expect(findings).toContainEqual(expect.objectContaining({ file: 'item.json', field: '/', message: "unknown field 'contactz'" }));
  });

  it('names the row and column of a rule table that reads an undeclared fact or requires an unlisted material', async () => {
    const findings = await refused((f) => {
      f['rules/materials.yaml'] = f['rules/materials.yaml']!.replace('{ name: byAgent, label: 委托代理人办理, type: boolean }', '{ name: byAgent, label: 委托代理人办理, expression: agent.present, type: boolean }')
        .replace(`material: '"M7"'`, `material: '"M9"'`);
    });
    expect(findings).toContainEqual(expect.objectContaining({ file: 'rules/materials.yaml', field: 'byAgent', code: 'unknown-fact' }));
    expect(findings).toContainEqual(expect.objectContaining({ file: 'rules/materials.yaml', row: 'M7', field: 'material', code: 'unknown-material' }));
  });

  it('names the BPMN element whose special procedure the listing does not declare, or counts differently', async () => {
    const unlisted = await refused((f) => { f['process.bpmn'] = f['process.bpmn']!.replace('approval:specialProcedure="SITE_CHECK"', 'approval:specialProcedure="EXPERT"').replace('approval:countsTowardStatutory="true" approval:countsTowardPromised="true"', ''); });
    expect(unlisted).toContainEqual(expect.objectContaining({ file: 'process.bpmn', element: 'siteCheck', code: 'unlisted-special-procedure' }));
    const counted = await refused((f) => { f['process.bpmn'] = f['process.bpmn']!.replace('approval:countsTowardPromised="true"', 'approval:countsTowardPromised="false"'); });
    expect(counted).toContainEqual(expect.objectContaining({ file: 'process.bpmn', element: 'siteCheck', code: 'special-procedure-counting' }));
  });

  it('refuses a listing that disagrees with its special-procedures table, and a broken process', async () => {
    const findings = await refused((f) => {
      editJson(f, (d) => { d.specialProcedures[0].countsTowardPromised = false; });
      f['process.bpmn'] = f['process.bpmn']!.replace('approval:countsTowardPromised="true"', 'approval:countsTowardPromised="false"').replace('<bpmn:sequenceFlow id="toIssued" sourceRef="issue" targetRef="issued" />', '');
    });
    expect(findings).toContainEqual(expect.objectContaining({ file: 'item.json', field: '/specialProcedures/0', code: 'special-procedure-counting' }));
    expect(findings.some((f) => f.file === 'process.bpmn' && f.element === 'issued' && f.severity === 'error')).toBe(true);
  });

  it('refuses a promised limit over the statutory one, a missing process and a failing embedded table test', async () => {
    const findings = await refused((f) => {
      editJson(f, (d) => { d.promisedLimit.value = 11; });
      delete f['process.bpmn'];
      f['rules/materials.yaml'] = f['rules/materials.yaml']!.replace('expectRows: [M1, M2, M3, M4]\n', 'expectRows: [M1, M2]\n');
    });
    expect(findings).toContainEqual(expect.objectContaining({ file: 'item.json', field: '/promisedLimit', code: 'promised-exceeds-statutory' }));
    expect(findings).toContainEqual(expect.objectContaining({ file: 'process.bpmn', code: 'missing-file' }));
    expect(findings).toContainEqual(expect.objectContaining({ file: 'rules/materials.yaml', code: 'table-test' }));
  });
});
