/**
 * The forms of the organisation page: each names its fields, sends one request, and shows a refusal in
 * Chinese naming the field it is about (the server names it in `details.field` or, for a schema error, in the
 * error's path `/body/<field>`), in the form itself and in the status line.
 */
import { el, errorText, field, say, type T } from '../ui/dom.js';

/** One field of a form: its body key, its Chinese label and its control. */
export interface FormField {
  key: string;
  label: string;
  control: HTMLInputElement | HTMLSelectElement;
}

/** The field a refusal is about: `details.field`, else the last part of a schema error's path. */
export function refusedField(err: { details?: Record<string, unknown> }): { key?: string; path?: string } {
  const details = err.details ?? {};
  if (typeof details.field === 'string') return { key: details.field };
  const first = Array.isArray(details.errors) ? (details.errors[0] as { path?: unknown } | undefined) : undefined;
  const path = typeof first?.path === 'string' ? first.path : undefined;
  const key = path?.startsWith('/body/') ? path.slice('/body/'.length).split('/')[0] : undefined;
  return { ...(key ? { key } : {}), ...(path ? { path } : {}) };
}

/**
 * A refusal for a person: the server's Chinese text with the field's label in place of its path or key, or
 * prefixed when the text does not name it (`上级区划：所填写的区划…不存在`).
 */
export function refusalText(t: T, err: Error & { code?: string; details?: Record<string, unknown> }, labels: Readonly<Record<string, string>>): string {
  let text = errorText(t, err);
  const { key, path } = refusedField(err);
  const label = key ? labels[key] : undefined;
  if (!label) return text;
  if (path && text.includes(`字段 ${path}`)) return text.replace(`字段 ${path}`, `「${label}」`);
  // Templates close with the field's key ('…不存在：parent'): the label reads better.
  if (key && text.endsWith(`：${key}`)) text = text.slice(0, -key.length - 1);
  return `「${label}」${text}`;
}

/** A text input. */
export function input(id: string, value = '', attrs: Record<string, string> = {}): HTMLInputElement {
  return el('input', { id, name: id, value, autocomplete: 'off', ...attrs });
}

/**
 * A form of `fields` that sends the filled-in values (empty ones left out, unless `sendEmpty`: an edit
 * sends a cleared name, so the server refuses it) to `send`; on success `done`
 * says `ok` and re-renders, on a refusal the form keeps its values and shows why.
 */
export function orgForm(t: T, spec: { id: string; title: string; fields: FormField[]; submit: string; failure: string; ok: string; send: (body: Record<string, string>) => Promise<unknown>; done: () => void; onCancel?: () => void; sendEmpty?: boolean }): HTMLFormElement {
  const error = el('p', { class: 'form-error', role: 'alert' });
  const labels = Object.fromEntries(spec.fields.map((f) => [f.key, f.label]));
  const form = el('form', { class: 'inline-form', id: spec.id },
    el('h3', {}, spec.title),
    ...spec.fields.map((f) => field(f.label, f.control)),
    error,
    el('div', { class: 'actions' },
      el('button', { type: 'submit', class: 'primary', id: `${spec.id}-submit` }, spec.submit),
      el('button', { type: 'button', onclick: () => (spec.onCancel ? spec.onCancel() : form.remove()) }, t('Cancel'))));
  form.addEventListener('submit', (e) => {
    e.preventDefault();
    error.textContent = '';
    const body = Object.fromEntries(spec.fields.map((f) => [f.key, f.control.value.trim()]).filter(([, v]) => spec.sendEmpty || v !== ''));
    spec.send(body).then(
      () => { say(spec.ok, 'ok'); spec.done(); },
      (err: Error) => {
        const text = `${spec.failure}：${refusalText(t, err, labels)}`;
        error.textContent = text;
        say(text, 'error');
      });
  });
  return form;
}
