/**
 * DMN → rule tables. Reads a DMN model with dmn-moddle (after mapping DMN 1.1–1.5 namespaces onto 1.3)
 * and turns each decision whose logic is a decision table (DMN 1.3 §8.3) into a {@link RuleTable};
 * literal-expression decisions are kept as FEEL text so that tables which require them can be evaluated.
 */
import { DmnModdle, type ModdleElement } from 'dmn-moddle';
import { RuleTableError } from '../errors.js';
import { said } from '../said.js';
import type { Aggregation, HitPolicy, InputColumn, OutputColumn, Primitive, RuleTable, ValueType } from '../model.js';
import { parseLiteral } from '../sfeel/literal.js';
import { splitTopLevel } from '../sfeel/unary.js';
import { mapToDmn13 } from './namespaces.js';

/** One decision of an imported model. */
export interface DmnDecision {
  id: string;
  name: string;
  kind: 'table' | 'literal';
  /** The decision table, for `kind: 'table'`. */
  table?: RuleTable;
  /** The FEEL text, for `kind: 'literal'`. */
  expression?: string;
  /** Ids of the decisions this one requires (DMN 1.3 §6.3.8 information requirements). */
  requires: string[];
}

/** An imported DMN model. */
export interface DmnModel {
  name: string;
  decisions: DmnDecision[];
  /** Input data names and types (DMN 1.3 §6.3.10). */
  inputData: { id: string; name: string; type: ValueType }[];
  /** Decisions that could not be imported and dmn-moddle warnings, in plain words. */
  warnings: string[];
}

function baseType(typeRef: string | undefined): ValueType | undefined {
  if (!typeRef) return undefined;
  const t = typeRef.replace(/^feel:/, '').trim();
  if (t === 'string' || t === 'number' || t === 'boolean' || t === 'date') return t;
  return undefined;
}

/** Parses a DMN value list (`"High", "Low"`) into values; undefined when it is not a list of literals. */
export function parseValueList(text: string | undefined): Primitive[] | undefined {
  if (!text || !text.trim()) return undefined;
  const values: Primitive[] = [];
  for (const part of splitTopLevel(text)) {
    const lit = parseLiteral(part);
    if (!lit || lit.value === null || lit.type === 'date') return undefined;
    values.push(lit.value);
  }
  return values;
}

interface TypeInfo {
  type: ValueType;
  allowed?: Primitive[];
}

function itemDefinitions(defs: ModdleElement): Map<string, ModdleElement> {
  return new Map(((defs.itemDefinition ?? []) as ModdleElement[]).map((d) => [d.name as string, d]));
}

/** Resolves a typeRef through item definitions to a base type and its allowed values. */
function resolveType(typeRef: string | undefined, items: Map<string, ModdleElement>, seen = new Set<string>()): TypeInfo {
  const base = baseType(typeRef);
  if (base || !typeRef || seen.has(typeRef)) return { type: base ?? 'any' };
  const item = items.get(typeRef);
  if (!item) return { type: 'any' };
  seen.add(typeRef);
  const inner = resolveType(item.typeRef as string | undefined, items, seen);
  return { type: inner.type, allowed: parseValueList(item.allowedValues?.text) ?? inner.allowed };
}

function componentType(decisionType: string | undefined, name: string, items: Map<string, ModdleElement>): TypeInfo {
  const item = decisionType ? items.get(decisionType) : undefined;
  const component = ((item?.itemComponent ?? []) as ModdleElement[]).find((c) => c.name === name);
  if (!component) return { type: 'any' };
  const t = resolveType(component.typeRef as string | undefined, items);
  return { type: t.type, allowed: parseValueList(component.allowedValues?.text) ?? t.allowed };
}

function unique(names: string[]): string[] {
  const seen = new Map<string, number>();
  return names.map((n) => {
    const k = (seen.get(n) ?? 0) + 1;
    seen.set(n, k);
    return k === 1 ? n : `${n}_${k}`;
  });
}

function tableOf(decision: ModdleElement, dt: ModdleElement, items: Map<string, ModdleElement>, fileName: string): RuleTable {
  const inputClauses = (dt.input ?? []) as ModdleElement[];
  const inputNames = unique(inputClauses.map((c, i) => (c.label as string) || (c.inputExpression?.text as string)?.trim() || `input${i + 1}`));
  const inputs: InputColumn[] = inputClauses.map((c, i) => ({
    name: inputNames[i]!,
    ...(c.label ? { label: c.label as string } : {}),
    expression: (c.inputExpression?.text as string)?.trim() || inputNames[i]!,
    type: resolveType(c.inputExpression?.typeRef as string | undefined, items).type,
    allowedValues: parseValueList(c.inputValues?.text),
  }));
  const decisionType = (decision.variable?.typeRef ?? dt.typeRef) as string | undefined;
  const outputClauses = (dt.output ?? []) as ModdleElement[];
  const single = outputClauses.length === 1;
  const outputNames = unique(outputClauses.map((c, i) => (c.name as string) || (single ? (decision.name as string) : `output${i + 1}`)));
  const outputs: OutputColumn[] = outputClauses.map((c, i) => {
    const declared = baseType(c.typeRef as string | undefined);
    const inferred = single ? resolveType(decisionType, items) : componentType(decisionType, c.name as string, items);
    return {
      name: outputNames[i]!,
      type: declared ?? inferred.type,
      allowedValues: parseValueList(c.outputValues?.text) ?? inferred.allowed,
      ...(c.defaultOutputEntry?.text !== undefined ? { default: c.defaultOutputEntry.text as string } : {}),
    };
  });
  const rows = ((dt.rule ?? []) as ModdleElement[]).map((rule, r) => {
    const notes = ((rule.annotationEntry ?? []) as ModdleElement[]).map((a) => (a.text as string) ?? '').filter(Boolean);
    if (rule.description) notes.unshift(rule.description as string);
    return {
      id: (rule.id as string) || `row-${r + 1}`,
      inputEntries: ((rule.inputEntry ?? []) as ModdleElement[]).map((e) => ((e.text as string) ?? '-').trim() || '-'),
      outputEntries: ((rule.outputEntry ?? []) as ModdleElement[]).map((e) => ((e.text as string) ?? '').trim()),
      ...(notes.length ? { annotation: notes.join('; ') } : {}),
    };
  });
  return {
    id: (decision.id as string) || (decision.name as string),
    name: (decision.name as string) || (decision.id as string),
    purpose: 'general',
    hitPolicy: ((dt.hitPolicy as string) ?? 'UNIQUE') as HitPolicy,
    ...(dt.aggregation ? { aggregation: dt.aggregation as Aggregation } : {}),
    inputs,
    outputs,
    rows,
    tests: [],
    fileName,
  };
}

/**
 * Imports a DMN model (XML text or bytes; DMN 1.1–1.5 namespaces accepted). Throws
 * {@link RuleTableError} when the XML cannot be read; decisions it cannot represent are listed in
 * `warnings` rather than failing the whole model.
 */
export async function importDmn(xml: string | Uint8Array, options: { fileName?: string } = {}): Promise<DmnModel> {
  const fileName = options.fileName ?? '<dmn>';
  const text = typeof xml === 'string' ? xml : new TextDecoder('utf-8').decode(xml);
  let defs: ModdleElement;
  let moddleWarnings: { message: string }[];
  try {
    ({ rootElement: defs, warnings: moddleWarnings } = await new DmnModdle().fromXML(mapToDmn13(text), 'dmn:Definitions'));
  } catch (err) {
    throw new RuleTableError(`${fileName}: not a readable DMN model`, [
      { code: 'dmn', severity: 'error', file: fileName, message: (err as Error).message.split('\n')[0]!, ...said('DMN_UNREADABLE', { file: fileName, detail: (err as Error).message.split('\n')[0]! }) },
    ]);
  }
  const items = itemDefinitions(defs);
  const warnings = moddleWarnings.map((w) => w.message.split('\n')[0]!);
  const decisions: DmnDecision[] = [];
  const inputData: DmnModel['inputData'] = [];
  for (const el of (defs.drgElement ?? []) as ModdleElement[]) {
    if (el.$type === 'dmn:InputData') {
      inputData.push({ id: el.id, name: el.name, type: resolveType(el.variable?.typeRef, items).type });
      continue;
    }
    if (el.$type !== 'dmn:Decision') continue;
    const requires = ((el.informationRequirement ?? []) as ModdleElement[])
      .map((r) => (r.requiredDecision?.href as string | undefined)?.replace(/^.*#/, ''))
      .filter((id): id is string => !!id);
    const logic = el.decisionLogic as ModdleElement | undefined;
    if (logic?.$type === 'dmn:DecisionTable') {
      decisions.push({ id: el.id, name: el.name, kind: 'table', table: tableOf(el, logic, items, fileName), requires });
    } else if (logic?.$type === 'dmn:LiteralExpression') {
      decisions.push({ id: el.id, name: el.name, kind: 'literal', expression: (logic.text as string) ?? 'null', requires });
    } else {
      warnings.push(`decision '${el.name ?? el.id}' uses ${logic?.$type ?? 'no logic'}, which rule tables do not represent`);
    }
  }
  return { name: (defs.name as string) ?? fileName, decisions, inputData, warnings };
}
