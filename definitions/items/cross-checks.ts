/**
 * Consistency between the three parts of an item package, so that what is disclosed is what runs: the
 * listing's limits, conditions, materials, facts, special procedures and joint departments against the
 * rule tables and the BPMN process.
 */
import { ZH_CN_FACT_VALUES } from '../../contracts/vocabulary/fact-values.js';
import type { ExecutableDefinition } from '../../engine/core/model.js';
import { procedureCounting, type Purpose } from '../../rules/index.js';
import { outputWords, unaryWords } from './disclosure-words.js';
import type { ItemFinding } from './findings.js';
import type { ItemRules } from './item-definition.js';
import type { ItemListing } from './listing.js';

type Rules = Partial<Record<Purpose, ItemRules>>;

const PATH = /^[A-Za-z_][A-Za-z0-9_]*(\.[A-Za-z_][A-Za-z0-9_]*)*$/;
const FACT_PURPOSES: readonly Purpose[] = ['acceptance', 'materials', 'fees'];
const TYPE_OF_FACT: Record<string, string> = { boolean: 'boolean', string: 'string', integer: 'number', number: 'number', date: 'date' };

/** The text of a string literal output cell (`'"AC0"'` -> `AC0`). */
function literal(cell: string | undefined): string | undefined {
  const m = /^"(.*)"$/.exec(cell?.trim() ?? '');
  return m ? m[1] : undefined;
}

function outputsOf(rules: ItemRules, column: string): { row: string; value: string | undefined }[] {
  const i = rules.table.outputs.findIndex((o) => o.name === column);
  return rules.table.rows.map((r) => ({ row: r.id, value: i < 0 ? undefined : literal(r.outputEntries[i]) }));
}

function limitsAndConditions(l: ItemListing, rules: Rules): ItemFinding[] {
  const out: ItemFinding[] = [];
  const err = (field: string, code: string, message: string): void => void out.push({ severity: 'error', code, file: 'item.json', field, message });
  if (l.promisedLimit.unit === l.statutoryLimit.unit && l.promisedLimit.value > l.statutoryLimit.value) {
    err('/promisedLimit', 'promised-exceeds-statutory', `the promised limit ${l.promisedLimit.value} ${l.promisedLimit.unit} exceeds the statutory ${l.statutoryLimit.value}`);
  }
  if (l.caseType === 'instant' && l.promisedLimit.value !== 0) {
    out.push({ severity: 'warning', code: 'instant-with-limit', file: 'item.json', field: '/promisedLimit', message: 'an instant item (即办件) is done the same day, but its promised limit is not 0' });
  }
  const acceptance = rules.acceptance;
  if (acceptance) {
    const codes = new Set(outputsOf(acceptance, 'code').map((o) => o.value));
    l.acceptanceConditions.forEach((c, i) => {
      if (c.check === 'rules' && !codes.has(c.id)) err(`/acceptanceConditions/${i}`, 'condition-not-in-rules', `condition ${c.id} is checked by the rules, but ${acceptance.file} has no row with code ${c.id}`);
    });
    const known = new Set([...l.acceptanceConditions.map((c) => c.id), ...l.materials.map((m) => m.id)]);
    for (const { row, value } of outputsOf(acceptance, 'code')) {
      if (value !== undefined && !known.has(value)) out.push({ severity: 'error', code: 'unknown-condition', file: acceptance.file, row, field: 'code', message: `code ${value} is neither a listed condition nor a listed material` });
    }
  }
  return out;
}

function materialsAndFacts(l: ItemListing, rules: Rules): ItemFinding[] {
  const out: ItemFinding[] = [];
  const listed = new Set(l.materials.map((m) => m.id));
  const materials = rules.materials;
  if (materials) {
    const required = new Set<string>();
    for (const { row, value } of outputsOf(materials, 'material')) {
      if (value === undefined) continue;
      required.add(value);
      if (!listed.has(value)) out.push({ severity: 'error', code: 'unknown-material', file: materials.file, row, field: 'material', message: `material ${value} is not in the listing's materials` });
    }
    l.materials.forEach((m, i) => {
      if (!required.has(m.id)) out.push({ severity: 'warning', code: 'material-never-required', file: 'item.json', field: `/materials/${i}`, message: `material ${m.id} is never required by ${materials.file}` });
    });
  }
  const facts = new Map(l.facts.map((f) => [f.name, f]));
  // Tables over the application read declared facts; special-procedure and light tables read the engine's own inputs.
  for (const purpose of FACT_PURPOSES) {
    const r = rules[purpose];
    if (!r) continue;
    for (const input of r.table.inputs) {
      if (!PATH.test(input.expression)) continue;
      const [root, rest] = [input.expression.split('.')[0], input.expression.split('.').slice(1).join('.')];
      if (root === 'materials') {
        if (!listed.has(rest)) out.push({ severity: 'error', code: 'unknown-material', file: r.file, field: input.name, message: `input '${input.expression}' names no listed material` });
        continue;
      }
      const fact = facts.get(input.expression);
      if (!fact) {
        out.push({ severity: 'error', code: 'unknown-fact', file: r.file, field: input.name, message: `input '${input.expression}' is not a declared fact of item.json` });
      } else if (input.type !== 'any' && TYPE_OF_FACT[fact.type] !== input.type) {
        out.push({ severity: 'error', code: 'fact-type', file: r.file, field: input.name, message: `input '${input.name}' is ${input.type}, but fact '${fact.name}' is declared ${fact.type}` });
      }
    }
  }
  if (!l.fees.charged && rules.fees) {
    const fees = rules.fees;
    const column = fees.table.outputs.findIndex((o) => o.name === 'amount');
    for (const row of fees.table.rows) {
      const cell = row.outputEntries[column]?.trim();
      if (cell !== undefined && cell !== '0') out.push({ severity: 'error', code: 'fee-not-charged', file: fees.file, row: row.id, field: 'amount', message: `the listing says the item charges nothing, but this row charges ${cell}` });
    }
  }
  if (l.fees.charged && !rules.fees) out.push({ severity: 'error', code: 'missing-table', file: 'item.json', field: '/fees/charged', message: "the item charges fees, but the package has no 'fees' table" });
  return out;
}

function processChecks(l: ItemListing, def: ExecutableDefinition): ItemFinding[] {
  const out: ItemFinding[] = [];
  const nodes = Object.values(def.nodes);
  const procedures = new Map(l.specialProcedures.map((p) => [p.type, p]));
  for (const node of nodes) {
    const sp = node.approval?.specialProcedure;
    if (!sp) continue;
    const listed = procedures.get(sp.kind);
    if (!listed) {
      out.push({ severity: 'error', code: 'unlisted-special-procedure', file: 'process.bpmn', element: node.id, message: `special procedure ${sp.kind} is not in the listing's specialProcedures` });
    } else if (listed.countsTowardStatutory !== sp.countsTowardStatutory || listed.countsTowardPromised !== sp.countsTowardPromised) {
      out.push({ severity: 'error', code: 'special-procedure-counting', file: 'process.bpmn', element: node.id, message: `counts toward statutory/promised ${sp.countsTowardStatutory}/${sp.countsTowardPromised}, but the listing says ${listed.countsTowardStatutory}/${listed.countsTowardPromised}` });
    }
  }
  const departments = new Set(nodes.flatMap((n) => [n.approval?.department, ...(n.approval?.joint?.coDepartments ?? [])]).filter(Boolean));
  l.joint?.coDepartments.forEach((c, i) => {
    if (!departments.has(c.department)) out.push({ severity: 'error', code: 'co-department-without-step', file: 'item.json', field: `/joint/coDepartments/${i}/department`, message: `no step of process.bpmn is worked by ${c.department}` });
  });
  const payBefore = l.fees.payBefore;
  if (payBefore && !nodes.some((n) => n.id === payBefore || n.approval?.stage === payBefore)) {
    out.push({ severity: 'error', code: 'unknown-step', file: 'item.json', field: '/fees/payBefore', message: `no element or stage '${payBefore}' in process.bpmn` });
  }
  const issueAt = l.result.issueAt;
  if (issueAt && issueAt !== 'decision' && issueAt !== 'manual' && !nodes.some((n) => n.id === issueAt || n.approval?.stage === issueAt)) {
    out.push({ severity: 'error', code: 'unknown-step', file: 'item.json', field: '/result/issueAt', message: `no element or stage '${issueAt}' in process.bpmn generates the certificate` });
  }
  l.stepLimits?.forEach((s, i) => {
    if (!nodes.some((n) => n.id === s.step || n.approval?.stage === s.step)) {
      out.push({ severity: 'error', code: 'unknown-step', file: 'item.json', field: `/stepLimits/${i}/step`, message: `no element or stage '${s.step}' in process.bpmn has this step clock` });
    }
  });
  if (!l.joint && !nodes.some((n) => n.approval?.stage === 'decide')) {
    out.push({ severity: 'warning', code: 'no-decide-step', file: 'process.bpmn', message: "no step has stage 'decide': the case is decided when its process ends" });
  }
  return out;
}

/** The special-procedures table must say what the listing says for every listed procedure. */
async function procedureTable(l: ItemListing, rules: Rules): Promise<ItemFinding[]> {
  const table = rules['special-procedures'];
  if (!table) return [];
  const out: ItemFinding[] = [];
  for (const [i, p] of l.specialProcedures.entries()) {
    const decision = await table.evaluate({ procedure: p.type });
    let counting;
    try {
      counting = procedureCounting(decision);
    } catch {
      out.push({ severity: 'error', code: 'special-procedure-not-in-table', file: table.file, field: 'procedure', message: `no row for ${p.type}, which item.json lists` });
      continue;
    }
    if (counting.countsTowardStatutoryLimit !== p.countsTowardStatutory || counting.countsTowardPromisedLimit !== p.countsTowardPromised) {
      out.push({ severity: 'error', code: 'special-procedure-counting', file: 'item.json', field: `/specialProcedures/${i}`, message: `${p.type} counts ${p.countsTowardStatutory}/${p.countsTowardPromised} here, but ${table.file} says ${counting.countsTowardStatutoryLimit}/${counting.countsTowardPromisedLimit}` });
    }
  }
  return out;
}

/**
 * The rows the public disclosure cannot say in words (a cell that is an expression) and that carry no
 * `text`: the applicant would read only the annotation or 按规定计算, so the author is asked for the words.
 */
function disclosureWords(rules: Rules): ItemFinding[] {
  const out: ItemFinding[] = [];
  for (const purpose of ['materials', 'fees'] as const) {
    const r = rules[purpose];
    if (!r) continue;
    for (const row of r.table.rows) {
      if (row.text) continue;
      const input = row.inputEntries.findIndex((cell, i) => unaryWords(cell, r.table.inputs[i]!, ZH_CN_FACT_VALUES) === null);
      const output = row.outputEntries.findIndex((cell) => cell.trim() !== 'null' && outputWords(cell, {}, ZH_CN_FACT_VALUES) === null);
      const column = input >= 0 ? r.table.inputs[input]!.name : output >= 0 ? r.table.outputs[output]!.name : undefined;
      if (column) {
        out.push({ severity: 'warning', code: 'disclosure-words', file: r.file, row: row.id, field: column, message: `the disclosure cannot say '${column}' of row ${row.id} in words; give the row a text (e.g. 每增加一本加收10元)` });
      }
    }
  }
  return out;
}

/** Every consistency finding between the listing, the rule tables and the process. */
export async function crossCheck(listing: ItemListing, rules: Rules, definition: ExecutableDefinition | undefined): Promise<ItemFinding[]> {
  return [
    ...limitsAndConditions(listing, rules),
    ...materialsAndFacts(listing, rules),
    ...(definition ? processChecks(listing, definition) : []),
    ...(await procedureTable(listing, rules)),
    ...disclosureWords(rules),
  ];
}
