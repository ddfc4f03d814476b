/**
 * Two independent views of a BPMN file for the conformance test: the raw XML read with fast-xml-parser
 * (namespaces resolved by hand), and a canonical form of a moddle tree (types, ids, attributes, references
 * by id, children in order) so that two trees can be compared with one deep equality.
 */
import { XMLParser } from 'fast-xml-parser';
import type { ModdleElement } from '../../../definitions/index.js';

export const BPMN_NS = 'http://www.omg.org/spec/BPMN/20100524/MODEL';

/** One element of the raw XML whose namespace is BPMN's. */
export interface RawElement {
  id: string;
  localName: string;
  /** Attributes without a namespace prefix (those BPMN 2.0 defines), by name. */
  attributes: Record<string, string>;
  /** Ids of the enclosing BPMN elements, innermost last. */
  ancestors: string[];
}

/** Decodes the bytes as the XML declaration says (independently of the code under test). */
export function decodeDeclared(bytes: Buffer): string {
  const declared = /^<\?xml[^>]*encoding=["']([^"']+)["']/.exec(bytes.subarray(0, 200).toString('latin1'))?.[1];
  return new TextDecoder(declared ?? 'utf-8').decode(bytes);
}

type Node = Record<string, unknown> & { ':@'?: Record<string, string> };

/** Every BPMN-namespace element with an id in the raw XML, in document order. */
export function rawBpmnElements(xml: string): RawElement[] {
  const parser = new XMLParser({ ignoreAttributes: false, attributeNamePrefix: '', preserveOrder: true, parseAttributeValue: false, trimValues: false, htmlEntities: true });
  const tree = parser.parse(xml) as Node[];
  const out: RawElement[] = [];
  const walk = (nodes: Node[], scope: Record<string, string>, ancestors: string[]) => {
    for (const node of nodes) {
      const tag = Object.keys(node).find((k) => k !== ':@');
      if (!tag || tag.startsWith('#') || tag.startsWith('?')) continue;
      const attrs = node[':@'] ?? {};
      const ns = { ...scope };
      for (const [k, v] of Object.entries(attrs)) {
        if (k === 'xmlns') ns[''] = v;
        else if (k.startsWith('xmlns:')) ns[k.slice(6)] = v;
      }
      const [prefix, localName] = tag.includes(':') ? tag.split(':') as [string, string] : ['', tag];
      let inner = ancestors;
      if (ns[prefix] === BPMN_NS && attrs['id']) {
        const attributes = Object.fromEntries(Object.entries(attrs).filter(([k]) => !k.includes(':') && k !== 'xmlns'));
        out.push({ id: attrs['id'], localName, attributes, ancestors });
        inner = [...ancestors, attrs['id']];
      }
      walk(node[tag] as Node[], ns, inner);
    }
  };
  walk(tree, {}, []);
  return out;
}

const SIMPLE = new Set(['String', 'Boolean', 'Integer', 'Real']);

function refId(value: unknown): unknown {
  return value && typeof value === 'object' ? (value as { id?: string }).id ?? '(ref without id)' : value;
}

/** A canonical, JSON-comparable form of a moddle element and everything it contains. */
export function canonical(el: ModdleElement): unknown {
  if (el === null || typeof el !== 'object') return el;
  const out: Record<string, unknown> = { $type: el.$type };
  // `xsi:type` only restates the element type, which `$type` carries; moddle writes it with its own prefix.
  const attrs = Object.entries(el.$attrs ?? {}).filter(([k]) => !k.startsWith('xmlns') && k !== 'xsi:type');
  if (attrs.length > 0) out['$attrs'] = Object.fromEntries(attrs);
  if (el.$body !== undefined) out['$body'] = el.$body;
  const descriptor = el.$descriptor;
  if (!descriptor || descriptor.isGeneric) {
    for (const [key, v] of Object.entries(el)) {
      if (key.startsWith('$')) continue;
      // Foreign (non-BPMN) extension content is compared by local attribute name: moddle's generic writer
      // merges `a` and `p:a` on one element (seen in C.8.1's triso:allowedValues).
      const k = key.includes(':') ? key.slice(key.indexOf(':') + 1) : key;
      out[k] = Array.isArray(v) ? v.map((c) => canonical(c as ModdleElement)) : typeof v === 'object' ? canonical(v as ModdleElement) : v;
    }
    if (el.$children) out['$children'] = (el.$children as ModdleElement[]).map(canonical);
    return out;
  }
  for (const p of descriptor.properties as readonly (typeof descriptor.properties[number] & { default?: unknown })[]) {
    if (!Object.prototype.hasOwnProperty.call(el, p.name)) continue;
    const value = el[p.name];
    // A value equal to the metamodel default means the same whether it is written or not (moddle omits it).
    if (value === undefined || (p.default !== undefined && String(value) === String(p.default))) continue;
    if (p.isReference) out[p.name] = p.isMany ? (value as unknown[]).map(refId) : refId(value);
    else if (SIMPLE.has(p.type) || typeof value !== 'object') out[p.name] = value;
    else out[p.name] = p.isMany ? (value as ModdleElement[]).map(canonical) : canonical(value as ModdleElement);
  }
  return out;
}

/** Every element of a moddle tree that has an id, by id (diagram included). */
export function moddleElementsById(root: ModdleElement): Map<string, ModdleElement> {
  const byId = new Map<string, ModdleElement>();
  const visit = (el: ModdleElement) => {
    if (!el || typeof el !== 'object' || !el.$descriptor) return;
    if (typeof el.id === 'string') byId.set(el.id, el);
    if (el.$descriptor.isGeneric) return;
    for (const p of el.$descriptor.properties) {
      if (p.isAttr || p.isReference || SIMPLE.has(p.type) || !Object.prototype.hasOwnProperty.call(el, p.name)) continue;
      const value = el[p.name];
      if (p.isMany) for (const c of (value as ModdleElement[]) ?? []) visit(c);
      else if (value) visit(value as ModdleElement);
    }
  };
  visit(root);
  return byId;
}

/**
 * True when `el` is what the raw element `localName` denotes: its type has that name (`userTask`), or it is the
 * value of its parent's property of that name (`<ioSpecification>` is a bpmn:InputOutputSpecification,
 * `<conditionExpression xsi:type="tFormalExpression">` a bpmn:FormalExpression).
 */
export function denotes(el: ModdleElement, localName: string): boolean {
  if (el.$type.toLowerCase() === `bpmn:${localName}`.toLowerCase()) return true;
  const holder = el.$parent?.[localName] as unknown;
  return holder === el || (Array.isArray(holder) && holder.includes(el));
}

/** The value of a moddle property as it would be written in an attribute (references by id). */
export function attributeText(el: ModdleElement, name: string): string | undefined {
  const value = el[name];
  if (value === undefined || value === null) return undefined;
  if (Array.isArray(value)) return value.map((v) => String(refId(v))).join(' ');
  return String(refId(value));
}
