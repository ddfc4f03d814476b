/**
 * The public disclosure of an item (两清单一图表: the conditions list, the materials list, the limits and
 * fees table, and the flow chart), generated from the same package that runs, so that it can never
 * disagree with what runs: conditions and materials from the rule tables, limits from the listing the case
 * snapshot is taken from, the flow from the compiled process.
 */
import { ZH_CN_FACT_VALUES } from '../../contracts/vocabulary/fact-values.js';
import type { Row, RuleTable } from '../../rules/index.js';
import { outputWords, rowFallback, unaryWords, type ValueNames } from './disclosure-words.js';
import { flowSteps, type FlowStep } from './flow.js';
import type { ItemDefinition } from './item-definition.js';
import type { ItemListing, ListingLimit } from './listing.js';

/** The disclosure of one item version, plain JSON. */
export interface Disclosure {
  item: Pick<ItemListing, 'code' | 'name' | 'type' | 'level' | 'implementingBody' | 'serviceObjects' | 'legalBasis' | 'caseType'> & {
    version: number;
    basicCode?: string;
    handleForms: string[];
    onsiteVisits?: number;
    onlineDepth?: string;
  };
  /** The facts an applicant states (the questions of the application form), as the item declares them. */
  facts: ItemListing['facts'];
  conditions: { id: string; text: string; check: 'rules' | 'manual'; rows: { row: string; effect: string; reason: string; basis: string | null }[] }[];
  materials: {
    id: string; name: string; form: string[]; originals?: number; copies?: number; source: 'applicant' | 'shared';
    /** `always`, or the conditions (from the materials table) under which it is required. */
    required: 'always' | string[]; deferrable: boolean; basis: (string | null)[];
  }[];
  limits: {
    statutory: ListingLimit; promised: ListingLimit; correctionWindow: ListingLimit; delivery?: ListingLimit;
    extension: { value: number; unit: string; approver: string } | null;
    specialProcedures: ItemListing['specialProcedures'];
    coDepartments?: { department: string; promisedLimit: ListingLimit }[];
  };
  fees: { charged: boolean; basis?: string; payBefore?: string; exemptions: string[]; items: { row: string; item: string; amount: string; condition: string; basis: string | null }[] };
  flow: FlowStep[];
  result: ItemListing['result'];
  contacts: ItemListing['contacts'];
  delivery: ItemListing['delivery'];
}

/**
 * A row's condition in words: `使用自动售货设备：是；客房数：50间及以上`, or `always` when it has none. A
 * cell Shenpi cannot say in words makes the row read as its own `text`, else its annotation.
 */
export function conditionText(table: RuleTable, row: Row, names: ValueNames = ZH_CN_FACT_VALUES): string {
  const parts = row.inputEntries.map((cell, i) => unaryWords(cell, table.inputs[i]!, names));
  if (parts.some((p) => p === null)) return row.text ?? row.annotation ?? rowFallback(row);
  const said = parts.filter((p): p is string => typeof p === 'string');
  return said.length ? said.join('；') : 'always';
}

/** An output cell of `row` in words; an expression reads as the row's `text`, else its annotation. */
function output(table: RuleTable, row: Row, column: string, names: ValueNames = ZH_CN_FACT_VALUES): string {
  const i = table.outputs.findIndex((o) => o.name === column);
  if (i < 0) return '';
  const cell = row.outputEntries[i] ?? '';
  if (cell.trim() === 'null' || cell.trim() === '') return '';
  return outputWords(cell, table.outputs[i]!, names) ?? row.text ?? row.annotation ?? rowFallback(row);
}

/** A fee's amount in words: a literal in yuan (`80元`), else the row's words. */
function amount(table: RuleTable, row: Row): string {
  const i = table.outputs.findIndex((o) => o.name === 'amount');
  const cell = row.outputEntries[i] ?? '';
  return outputWords(cell, { unit: table.outputs[i]?.unit ?? '元' }, ZH_CN_FACT_VALUES) ?? row.text ?? row.annotation ?? rowFallback(row);
}

/** Builds the disclosure of an item version. Pure. */
export function buildDisclosure(item: ItemDefinition): Disclosure {
  const l = item.listing;
  const acceptance = item.rules.acceptance?.table;
  const materials = item.rules.materials?.table;
  const fees = item.rules.fees?.table;
  const { extension: _extension, ...statutory } = l.statutoryLimit;
  return {
    item: {
      code: l.code, name: l.name, version: item.version, type: l.type, level: l.level, implementingBody: l.implementingBody,
      serviceObjects: [...l.serviceObjects], legalBasis: [...l.legalBasis], caseType: l.caseType, handleForms: [...(l.handleForms ?? [])],
      ...(l.basicCode ? { basicCode: l.basicCode } : {}), ...(l.onsiteVisits !== undefined ? { onsiteVisits: l.onsiteVisits } : {}),
      ...(l.onlineDepth ? { onlineDepth: l.onlineDepth } : {}),
    },
    facts: l.facts.map((f) => ({ ...f, ...(f.enum ? { enum: [...f.enum] } : {}) })),
    conditions: l.acceptanceConditions.map((c) => ({
      id: c.id, text: c.text, check: c.check,
      rows: (acceptance?.rows ?? []).filter((r) => output(acceptance!, r, 'code') === c.id)
        .map((r) => ({ row: r.id, effect: output(acceptance!, r, 'effect'), reason: output(acceptance!, r, 'reason'), basis: r.annotation ?? null })),
    })),
    materials: l.materials.map((m) => {
      const rows = (materials?.rows ?? []).filter((r) => output(materials!, r, 'material') === m.id);
      const conditions = rows.map((r) => conditionText(materials!, r));
      return {
        id: m.id, name: m.name, form: [...m.form], source: m.source, deferrable: m.deferrable ?? false,
        ...(m.originals !== undefined ? { originals: m.originals } : {}), ...(m.copies !== undefined ? { copies: m.copies } : {}),
        required: conditions.includes('always') ? 'always' : conditions,
        basis: rows.map((r) => r.annotation ?? null),
      };
    }),
    limits: {
      statutory, promised: l.promisedLimit, correctionWindow: l.correctionWindow,
      ...(l.deliveryLimit ? { delivery: l.deliveryLimit } : {}),
      extension: l.statutoryLimit.extension
        ? { value: l.statutoryLimit.extension.value, unit: l.statutoryLimit.extension.unit, approver: l.statutoryLimit.extension.approverTitle ?? l.statutoryLimit.extension.approverRole }
        : null,
      specialProcedures: l.specialProcedures,
      ...(l.joint ? { coDepartments: l.joint.coDepartments.map((c) => ({ department: c.department, promisedLimit: c.promisedLimit })) } : {}),
    },
    fees: {
      charged: l.fees.charged, exemptions: [...(l.fees.exemptions ?? [])],
      ...(l.fees.basis ? { basis: l.fees.basis } : {}), ...(l.fees.payBefore ? { payBefore: l.fees.payBefore } : {}),
      items: (fees?.rows ?? []).map((r) => ({ row: r.id, item: output(fees!, r, 'item') || r.id, amount: amount(fees!, r), condition: conditionText(fees!, r), basis: r.annotation ?? null })),
    },
    flow: flowSteps(item.definition),
    result: l.result,
    contacts: l.contacts,
    delivery: [...l.delivery],
  };
}
