/**
 * The public disclosure of an item (两清单一图表: the conditions list, the materials list, the limits and
 * fees table, and the flow chart), generated from the same package that runs, so that it can never
 * disagree with what runs: conditions and materials from the rule tables, limits from the listing the case
 * snapshot is taken from, the flow from the compiled process.
 */
import type { Row, RuleTable } from '../../rules/index.js';
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

function cellText(cell: string): string {
  const t = cell.trim();
  if (t === 'true') return '是';
  if (t === 'false') return '否';
  return t.replace(/^"(.*)"$/, '$1');
}

/** A row's condition in words: `使用自动售货设备：是；网络经营：否`, or `always` when it has none. */
export function conditionText(table: RuleTable, row: Row): string {
  const parts = row.inputEntries.flatMap((cell, i) => (cell.trim() === '-' || cell.trim() === '' ? [] : [`${table.inputs[i]!.label ?? table.inputs[i]!.name}：${cellText(cell)}`]));
  return parts.length ? parts.join('；') : 'always';
}

function output(table: RuleTable, row: Row, column: string): string {
  const i = table.outputs.findIndex((o) => o.name === column);
  return i < 0 ? '' : cellText(row.outputEntries[i] ?? '');
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
      items: (fees?.rows ?? []).map((r) => ({ row: r.id, item: output(fees!, r, 'item') || r.id, amount: output(fees!, r, 'amount'), condition: conditionText(fees!, r), basis: r.annotation ?? null })),
    },
    flow: flowSteps(item.definition),
    result: l.result,
    contacts: l.contacts,
    delivery: [...l.delivery],
  };
}
