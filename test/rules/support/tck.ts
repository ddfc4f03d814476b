/**
 * Reads DMN TCK test-case files (`*-test-01.xml`, schema `testCases.xsd`) into plain values, so that the
 * conformance test compares Shenpi's results with the expectations written in the TCK itself.
 */
import { XMLParser } from 'fast-xml-parser';

/** One TCK test case: input values by input-node name and expected results by decision name. */
export interface TckCase {
  id: string;
  inputs: Record<string, unknown>;
  results: { name: string; expected: unknown }[];
}

type Node = Record<string, any>;

const parser = new XMLParser({
  ignoreAttributes: false,
  attributeNamePrefix: '@_',
  removeNSPrefix: true,
  parseTagValue: false,
  trimValues: true,
  isArray: (name) => ['testCase', 'inputNode', 'resultNode', 'component', 'item'].includes(name),
});

/** Converts one `<value xsi:type=…>` by its XML Schema type (TCK types: string/number/boolean/date…). */
function scalar(node: unknown): unknown {
  if (node === undefined) return null;
  if (typeof node !== 'object' || node === null) return String(node);
  const n = node as Node;
  if (n['@_nil'] === 'true') return null;
  const text = n['#text'] === undefined ? '' : String(n['#text']);
  const type = String(n['@_type'] ?? 'xsd:string').replace(/^.*:/, '');
  switch (type) {
    case 'decimal': case 'double': case 'float': case 'int': case 'integer': case 'long':
      return Number(text);
    case 'boolean':
      return text === 'true';
    default:
      return text;
  }
}

/** Converts a value holder (`expected`, `inputNode`, `item`, `component`): value, list or context. */
export function valueOf(holder: Node): unknown {
  if (holder['@_nil'] === 'true') return null;
  if (holder.list !== undefined) {
    const list = holder.list as Node | string;
    if (typeof list !== 'object') return [];
    return ((list.item ?? []) as Node[]).map(valueOf);
  }
  if (holder.component !== undefined) {
    const ctx: Record<string, unknown> = {};
    for (const c of holder.component as Node[]) ctx[c['@_name']] = valueOf(c);
    return ctx;
  }
  return scalar(holder.value);
}

/** Parses a TCK test-case file. */
export function parseTckCases(xml: string): TckCase[] {
  const root = parser.parse(xml).testCases as Node;
  return ((root.testCase ?? []) as Node[]).map((tc) => ({
    id: String(tc['@_id']),
    inputs: Object.fromEntries(((tc.inputNode ?? []) as Node[]).map((n) => [n['@_name'], valueOf(n)])),
    results: ((tc.resultNode ?? []) as Node[])
      .filter((r) => (r['@_type'] ?? 'decision') === 'decision')
      .map((r) => ({ name: String(r['@_name']), expected: r.expected === undefined ? null : valueOf(r.expected as Node) })),
  }));
}

/** Compares a result with an expectation: numbers to 1e-9, lists in order, contexts by key. */
export function sameValue(actual: unknown, expected: unknown): boolean {
  if (typeof expected === 'number' && typeof actual === 'number') return Math.abs(actual - expected) < 1e-9;
  if (Array.isArray(expected)) {
    return Array.isArray(actual) && actual.length === expected.length && expected.every((e, i) => sameValue(actual[i], e));
  }
  if (expected !== null && typeof expected === 'object') {
    if (actual === null || typeof actual !== 'object' || Array.isArray(actual)) return false;
    const a = actual as Record<string, unknown>;
    const e = expected as Record<string, unknown>;
    return Object.keys(e).every((k) => sameValue(a[k] ?? null, e[k])) && Object.keys(a).every((k) => k in e);
  }
  return (actual ?? null) === expected;
}
