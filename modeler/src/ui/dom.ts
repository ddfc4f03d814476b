/**
 * The DOM helpers of every page (modeler, rules, console, portal): an element builder, a file download, a
 * table builder, the status line, and the light dot every list uses. The diagram and its panel are
 * rendered by bpmn-js.
 */
import { LIGHTS } from '../../../contracts/vocabulary/lights.js';

type Attrs = Record<string, string | number | boolean | undefined | ((e: Event) => void)>;

/**
 * Creates an element: attributes whose name starts with `on` become listeners, `true` sets a boolean
 * attribute, `false`/`undefined` leave it out. Children may be strings or nodes.
 */
export function el<K extends keyof HTMLElementTagNameMap>(tag: K, attrs: Attrs = {}, ...children: (Node | string)[]): HTMLElementTagNameMap[K] {
  const node = document.createElement(tag);
  for (const [name, value] of Object.entries(attrs)) {
    if (typeof value === 'function') node.addEventListener(name.slice(2).toLowerCase(), value);
    else if (value === true) node.setAttribute(name, '');
    else if (value !== false && value !== undefined) node.setAttribute(name, String(value));
  }
  node.append(...children);
  return node;
}

/** Offers `content` as a file download named `fileName`. */
export function download(fileName: string, content: string, type: string): void {
  saveBlob(fileName, new Blob([content], { type }));
}

/** Saves `blob` as a file named `fileName` through the browser's download. */
export function saveBlob(fileName: string, blob: Blob): void {
  const url = URL.createObjectURL(blob);
  const a = el('a', { href: url, download: fileName });
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}

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
    ? rows.map((r) => el('tr', rowAttrs?.(r) ?? {}, ...columns.map((c) => el('td', { class: c.className, 'data-head': c.head }, c.cell(r)))))
    : [el('tr', { class: 'empty' }, el('td', { colspan: columns.length }, empty))];
  return el('table', { class: 'data' }, el('thead', {}, head), el('tbody', {}, ...body));
}

export { LIGHTS };

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
  saidAt = performance.now();
}

let saidAt = -Infinity;

/**
 * Clears the status line when the user moved to another page, but not a message said just before the move
 * (a confirmation whose action opens the next page, such as 提交申请 opening the new case).
 */
export function clearStaleStatus(): void {
  if (performance.now() - saidAt > 2000) say('');
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

/**
 * The text of a failed request for a person: the server's message when it is already in Chinese (it names
 * the field or the element), else the dictionary's entry for its stable code (`error.WRONG_PHASE` …), else
 * the message as it came.
 */
export function errorText(t: T, err: Error & { code?: string }): string {
  if (/[\u3400-\u9fff]/.test(err.message) && t('Case') !== 'Case') return err.message;
  if (err.code) {
    const key = `error.${err.code}`;
    const text = t(key);
    if (text !== key) return text;
  }
  return err.message;
}

/**
 * The light of an open step (环节): red once its own due time passed, paused while the case is suspended,
 * else the light of the case; `now` is the server's business clock.
 */
export function stepLight(caseLight: string | undefined, dueAt: string | undefined, now: string | undefined): string | undefined {
  if (caseLight === 'paused') return 'paused';
  if (dueAt && now && Date.parse(dueAt) <= Date.parse(now)) return 'red';
  return caseLight;
}
