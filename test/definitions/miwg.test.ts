/**
 * BPMN MIWG reference models (../shared/conformance/bpmn-miwg): each imports without losing anything that
 * BPMN 2.0 defines, and is refused at deploy where it uses what the engine does not run, with element ids.
 * Every expectation is computed from the files themselves (raw XML read independently with fast-xml-parser).
 */
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadDefinition, parseBpmn, selectProcess, type ModdleElement } from '../../definitions/index.js';
import { miwgDir } from '../support/shared.js';
import { attributeText, canonical, decodeDeclared, denotes, moddleElementsById, rawBpmnElements } from './support/xml-trees.js';

const files = readdirSync(miwgDir).filter((f) => f.endsWith('.bpmn')).sort();

/** Element types (raw XML local names) the engine refuses, and event definitions it refuses on their event. */
const REFUSED_NODES = new Set(['scriptTask', 'complexGateway', 'transaction', 'adHocSubProcess']);
/** Local names of the BPMN flow nodes the executable model indexes. */
const FLOW_NODES = /^(task|userTask|manualTask|serviceTask|sendTask|receiveTask|businessRuleTask|callActivity|subProcess|startEvent|endEvent|intermediateCatchEvent|intermediateThrowEvent|boundaryEvent|exclusiveGateway|parallelGateway|inclusiveGateway|eventBasedGateway)$/;
const REFUSED_TRIGGERS = new Set([
  'signalEventDefinition',
  'escalationEventDefinition',
  'conditionalEventDefinition',
  'linkEventDefinition',
  'cancelEventDefinition',
  'compensateEventDefinition',
]);

async function parse(file: string) {
  const bytes = readFileSync(path.join(miwgDir, file));
  const parsed = await parseBpmn(bytes);
  if (!parsed.ok) throw new Error(`${file}: ${JSON.stringify(parsed.findings)}`);
  return { bytes, parsed, raw: rawBpmnElements(decodeDeclared(bytes)) };
}

it('finds the 21 MIWG reference models, some of them with elements the engine refuses', () => {
  expect(files).toHaveLength(21);
  // Guards the refusal check below against passing vacuously: the raw XML does hold refused elements.
  const refused = files.flatMap((f) =>
    rawBpmnElements(decodeDeclared(readFileSync(path.join(miwgDir, f)))).filter(
      (r) => REFUSED_NODES.has(r.localName) || REFUSED_TRIGGERS.has(r.localName),
    ),
  );
  expect(refused.length).toBeGreaterThan(5);
});

describe.each(files)('MIWG %s', (file) => {
  it('keeps every BPMN element with its type and id', async () => {
    // Given the raw XML's BPMN-namespace elements, when moddle imports the file
    const { parsed, raw } = await parse(file);
    const byId = moddleElementsById(parsed.definitions);
    // Then each is in the moddle tree with the same type
    expect(raw.length).toBeGreaterThan(0);
    const lost = raw.filter((r) => {
      const el = byId.get(r.id);
      return !el || !denotes(el, r.localName);
    });
    expect(lost.map((r) => `${r.localName}#${r.id}`)).toEqual([]);
  });

  it('keeps every BPMN attribute value and reference', async () => {
    const { parsed, raw } = await parse(file);
    const byId = moddleElementsById(parsed.definitions);
    const rawIds = new Set(raw.map((r) => r.id));
    const differences: string[] = [];
    for (const r of raw) {
      const el = byId.get(r.id)!;
      for (const [name, value] of Object.entries(r.attributes)) {
        const property = (el.$descriptor as unknown as { propertiesByName: Record<string, { isReference?: boolean }> })
          .propertiesByName[name];
        if (!property) {
          differences.push(`${r.id}@${name}: not a property of ${el.$type}`);
          continue;
        }
        const expected = property.isReference ? value.trim().split(':').pop()! : value;
        const actual = attributeText(el, name);
        // A reference to an id the file does not hold cannot be resolved by anyone; parse reports it.
        if (property.isReference && actual === undefined && !rawIds.has(expected)) continue;
        if (actual !== expected && Number(actual) !== Number(expected)) {
          differences.push(`${r.id}@${name}: '${value}' became '${actual}'`);
        }
      }
    }
    expect(differences).toEqual([]);
  });

  it('survives export and re-import with an identical element tree', async () => {
    // Given the imported tree, when it is written with toXML and parsed again
    const { parsed } = await parse(file);
    const { xml } = await parsed.moddle.toXML(parsed.definitions, { format: true });
    const again = await parseBpmn(xml);
    // Then types, ids, attributes, references and children are all the same
    expect(again.ok).toBe(true);
    if (!again.ok) return;
    expect(canonical(again.definitions)).toEqual(canonical(parsed.definitions));
  });

  it('reports no import problem with BPMN content', async () => {
    const { parsed, raw } = await parse(file);
    const rawIds = new Set(raw.map((r) => r.id));
    // The only tolerated note is a reference to an id that is absent from the file itself.
    const problems = parsed.findings.filter((f) => {
      const target = /unresolved reference <([^>]+)>/.exec(f.message)?.[1];
      return !(f.rule === 'moddle-reference' && target && !rawIds.has(target.split(':').pop()!));
    });
    expect(problems).toEqual([]);
    for (const f of parsed.findings) expect(f.severity).toBe('warning');
  });

  it('deploys whole, or is refused with the element id and reason of every unsupported element', async () => {
    // Given the process deploy would pick, and the refused elements the raw XML shows inside it
    const { bytes, parsed, raw } = await parse(file);
    const selected = selectProcess(parsed.definitions);
    expect(selected.ok).toBe(true);
    const processId = (selected as { process: ModdleElement }).process.id as string;
    const inProcess = raw.filter((r) => r.ancestors.includes(processId));
    const refusedIds = new Set([
      ...inProcess.filter((r) => REFUSED_NODES.has(r.localName)).map((r) => r.id),
      ...inProcess.filter((r) => REFUSED_TRIGGERS.has(r.localName)).map((r) => r.ancestors.at(-1)!),
    ]);
    // When it is deployed
    const result = await loadDefinition(bytes, {});
    if (result.ok) {
      // Then a model it accepts holds nothing refused, and every flow node of the process was compiled
      expect([...refusedIds]).toEqual([]);
      const flowNodes = inProcess.filter((r) => FLOW_NODES.test(r.localName)).map((r) => r.id);
      expect(flowNodes.length).toBeGreaterThan(0);
      expect(flowNodes.filter((id) => !(id in result.definition.nodes))).toEqual([]);
      return;
    }
    // Otherwise it is refused, every finding names a real element and a reason, and each refused element is listed
    const known = new Set(raw.map((r) => r.id));
    for (const f of result.findings) {
      expect(known.has(f.id), `${f.rule} reports unknown id '${f.id}'`).toBe(true);
      expect(f.message.length).toBeGreaterThan(10);
    }
    const reported = new Set(
      result.findings
        .filter((f) => f.rule === 'unsupported-element' || f.rule === 'event-definition-supported')
        .map((f) => f.id),
    );
    expect([...refusedIds].filter((id) => !reported.has(id))).toEqual([]);
  });
});
