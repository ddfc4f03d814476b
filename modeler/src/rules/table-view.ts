/**
 * Renders a rule table as an editable grid: a header cell per column (name, label, type, allowed values),
 * one line per row (id, conditions, outputs, legal basis), and each cell marked with its findings.
 * Every edit goes through `edit`, which changes the model and asks for a re-render.
 */
import { ruleFindingMessage, type Language } from '../../../contracts/messages/index.js';
import type { RuleTable, ValueType } from '../../../rules/model.js';
import { el } from '../ui/dom.js';
import { parseAllowed, removeColumn, renameColumn, type Placed } from './table-state.js';

type Translate = (s: string, r?: Record<string, unknown>) => string;

/** What the grid needs from its page. */
export interface GridContext {
  table: RuleTable;
  placed: Placed[];
  t: Translate;
  /** The page's language, in which the findings are worded from their codes. */
  language: Language;
  /** Applies a change to the model, then re-checks and re-renders. */
  edit(change: () => void): void;
}

const TYPES: ValueType[] = ['string', 'number', 'boolean', 'date', 'any'];

function mark(node: HTMLElement, found: Placed[], language: Language): HTMLElement {
  if (!found.length) return node;
  node.classList.add(found.some((p) => p.finding.severity === 'error') ? 'finding-error' : 'finding-warning');
  node.title = found.map((p) => ruleFindingMessage(p.finding, language)).join('\n');
  node.dataset.findings = found.map((p) => p.finding.code).join(' ');
  return node;
}

function field(value: string, onChange: (v: string) => void, attrs: Record<string, string> = {}): HTMLInputElement {
  const input = el('input', { value, ...attrs });
  input.addEventListener('change', () => onChange(input.value));
  return input;
}

function header(ctx: GridContext, side: 'in' | 'out', index: number): HTMLElement {
  const { table, t, edit } = ctx;
  const col = side === 'in' ? table.inputs[index]! : table.outputs[index]!;
  const type = el('select', { 'data-role': 'type' }, ...TYPES.map((v) => el('option', { value: v, selected: v === col.type }, t(`type.${v}`))));
  type.addEventListener('change', () => edit(() => { col.type = type.value as ValueType; }));
  const key = `${side}:${col.name}`;
  const found = ctx.placed.filter((p) => p.column === key && p.row === undefined);
  return mark(el('th', { class: `col-${side}`, 'data-col': key },
    el('div', { class: 'col-kind' }, t(side === 'in' ? 'Input' : 'Output'),
      el('button', { type: 'button', class: 'remove', title: t('Remove column'), onclick: () => edit(() => removeColumn(table, side, index)) }, '×')),
    field(col.name, (v) => edit(() => renameColumn(table, side, index, v.trim())), { 'data-role': 'name', placeholder: t('Column name') }),
    field(col.label ?? '', (v) => edit(() => { col.label = v.trim() || undefined; }), { 'data-role': 'label', placeholder: t('Label') }),
    type,
    field((col.allowedValues ?? []).join(', '), (v) => edit(() => { col.allowedValues = parseAllowed(v, col.type); }),
      { 'data-role': 'allowed', placeholder: t('Allowed values') }),
  ), found, ctx.language);
}

/** Builds the grid for `ctx.table`. */
export function renderGrid(ctx: GridContext): HTMLTableElement {
  const { table, t, edit } = ctx;
  const head = el('tr', {},
    el('th', { class: 'col-id' }, t('Row')),
    ...table.inputs.map((_, i) => header(ctx, 'in', i)),
    ...table.outputs.map((_, i) => header(ctx, 'out', i)),
    el('th', { class: 'col-annotation' }, t('Legal basis')),
    el('th', {}),
  );
  const body = table.rows.map((row, r) => {
    const at = (column: string) => ctx.placed.filter((p) => p.row === r && p.column === column);
    const cell = (side: 'in' | 'out', c: number) => {
      const entries = side === 'in' ? row.inputEntries : row.outputEntries;
      const name = (side === 'in' ? table.inputs : table.outputs)[c]!.name;
      const input = field(entries[c] ?? '', (v) => edit(() => { entries[c] = v.trim() || (side === 'in' ? '-' : 'null'); }));
      return mark(el('td', { class: `cell cell-${side}`, 'data-row': r, 'data-col': `${side}:${name}` }, input), at(`${side}:${name}`), ctx.language);
    };
    const rowFindings = ctx.placed.filter((p) => p.row === r && p.column === undefined);
    return el('tr', { 'data-row': r },
      mark(el('td', { class: 'cell cell-id', 'data-row': r },
        field(row.id, (v) => edit(() => { row.id = v.trim(); }), { 'data-role': 'row-id' })), rowFindings, ctx.language),
      ...row.inputEntries.map((_, c) => cell('in', c)),
      ...row.outputEntries.map((_, c) => cell('out', c)),
      mark(el('td', { class: 'cell cell-annotation', 'data-row': r, 'data-col': 'annotation' },
        field(row.annotation ?? '', (v) => edit(() => { row.annotation = v.trim() || undefined; }))), at('annotation'), ctx.language),
      el('td', {}, el('button', { type: 'button', class: 'remove', title: t('Remove row'),
        onclick: () => edit(() => { table.rows.splice(r, 1); }) }, '×')),
    );
  });
  return el('table', { class: 'rule-grid' }, el('thead', {}, head), el('tbody', {}, ...body));
}
