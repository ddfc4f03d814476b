/**
 * DOM helpers of the console and the portal: the element builder shared with the modeler, plus a table
 * builder, a status line, and the light dot every list uses.
 */
import { el } from '../app/dom.js';

export { el };

/** A translate function: English text (the key) to the page's language. */
export type T = (template: string, replacements?: Record<string, unknown>) => string;

/**
 * The translation of `prefix.value` (a code such as `stage.review` or `status.3`), or `fallback` (the raw
 * value by default) when the dictionary has none: codes have no English text of their own.
 */
export function keyed(t: T, prefix: string, value: string | number | undefined | null, fallback?: string): string {
  if (value === undefined || value === null || value === '') return '—';
  const key = `${prefix}.${value}`;
  const text = t(key);
  return text === key ? (fallback ?? String(value)) : text;
}

/** Removes every child of `node` and appends `children`. */
export function replace(node: Element, ...children: (Node | string)[]): void {
  node.replaceChildren(...children);
}

/** One column of {@link table}: a header text and how a row renders into a cell. */
export interface Column<R> {
  head: string;
  cell: (row: R) => Node | string;
  /** A class on the column's cells (for widths and alignment). */
  className?: string;
}

/** A plain data table; `empty` is shown in a single row when there are no rows. */
export function table<R>(columns: Column<R>[], rows: readonly R[], empty: string, rowAttrs?: (row: R) => Record<string, string>): HTMLTableElement {
  const head = el('tr', {}, ...columns.map((c) => el('th', { class: c.className }, c.head)));
  const body = rows.length
    ? rows.map((r) => el('tr', rowAttrs?.(r) ?? {}, ...columns.map((c) => el('td', { class: c.className }, c.cell(r)))))
    : [el('tr', { class: 'empty' }, el('td', { colspan: columns.length }, empty))];
  return el('table', { class: 'data' }, el('thead', {}, head), el('tbody', {}, ...body));
}

/** The four supervision lights (电子监察 红黄绿灯) and their dot colours' names. */
export const LIGHTS = ['green', 'blue', 'red', 'paused'] as const;

/** A light of a case or a task. */
export type LightName = (typeof LIGHTS)[number];

/** A coloured dot with the light's name beside it; an unknown light shows as a grey dot with '—'. */
export function lightDot(light: string | undefined, t: T): HTMLElement {
  const known = (LIGHTS as readonly string[]).includes(light ?? '');
  return el('span', { class: `light light-${known ? light : 'none'}`, 'data-light': light ?? '' }, known ? keyed(t, 'light', light) : '—');
}

/** Shows a message in the page's status line (`#status`), styled by kind; errors stay until replaced. */
export function say(message: string, kind: 'info' | 'ok' | 'error' = 'info'): void {
  const line = document.getElementById('status');
  if (!line) return;
  line.textContent = message;
  line.dataset.kind = kind;
  line.hidden = message === '';
}

/** A labelled form field: `<label><span>text</span>control</label>`. */
export function field(label: string, control: HTMLElement, hint?: string): HTMLLabelElement {
  return el('label', { class: 'field' }, el('span', { class: 'field-label' }, label), control, ...(hint ? [el('small', {}, hint)] : []));
}

/** A `<select>` with `[value, text]` options and an optional first empty option. */
export function select(id: string, options: [string, string][], emptyText?: string): HTMLSelectElement {
  const all: [string, string][] = emptyText !== undefined ? [['', emptyText], ...options] : options;
  return el('select', { id, name: id }, ...all.map(([v, text]) => el('option', { value: v }, text)));
}

/** A section with a heading. */
export function section(title: string, ...children: (Node | string)[]): HTMLElement {
  return el('section', { class: 'panel' }, el('h2', {}, title), ...children);
}
