/**
 * The application form generated from an item's declared facts (item.json `facts`): a yes/no choice for
 * booleans, a list for enumerations, number and date inputs; dotted names become nested objects, as the
 * case service reads them.
 */
import type { DeclaredFact } from '../../../definitions/items/listing.js';
import { el, keyed, type T } from '../ui/dom.js';

export type { DeclaredFact };

/** The input of one fact, named `fact:<name>`. */
function control(t: T, fact: DeclaredFact): HTMLElement {
  const name = `fact:${fact.name}`;
  if (fact.type === 'boolean') {
    return el('span', { class: 'choice', role: 'radiogroup' },
      ...[['true', t('Yes')], ['false', t('No')]].map(([v, text]) => el('label', {},
        el('input', { type: 'radio', name, value: v!, ...(fact.required ? { required: true } : {}) }), text!)));
  }
  if (fact.enum) {
    return el('select', { name, ...(fact.required ? { required: true } : {}) },
      el('option', { value: '' }, t('Please choose')), ...fact.enum.map((v) => el('option', { value: v }, keyed(t, 'enum', v))));
  }
  const type = fact.type === 'date' ? 'date' : fact.type === 'string' ? 'text' : 'number';
  return el('input', { name, type, ...(fact.type === 'integer' ? { step: 1, min: 0 } : {}), ...(fact.required ? { required: true } : {}) });
}

/** The fieldset of every declared fact. */
export function factsFieldset(t: T, facts: readonly DeclaredFact[]): HTMLFieldSetElement {
  return el('fieldset', { class: 'facts-form', id: 'facts' },
    el('legend', {}, t('About your application')),
    ...facts.map((f) => el('div', { class: 'question', 'data-fact': f.name },
      el('span', { class: 'question-label' }, f.label, f.required ? el('em', { class: 'required' }, ' *') : ''), control(t, f))));
}

/** Sets `value` at the dotted `path` of `target`. */
function setAt(target: Record<string, unknown>, path: string, value: unknown): void {
  const parts = path.split('.');
  let node = target;
  for (const part of parts.slice(0, -1)) node = (node[part] ??= {}) as Record<string, unknown>;
  node[parts[parts.length - 1]!] = value;
}

/** Reads the stated facts from `form`, typed as declared; unanswered optional facts are left out. */
export function readFacts(form: HTMLFormElement, facts: readonly DeclaredFact[]): Record<string, unknown> {
  const data = new FormData(form);
  const out: Record<string, unknown> = {};
  for (const f of facts) {
    const raw = data.get(`fact:${f.name}`);
    if (raw === null || raw === '') continue;
    const text = String(raw);
    const value = f.type === 'boolean' ? text === 'true' : f.type === 'integer' || f.type === 'number' ? Number(text) : text;
    setAt(out, f.name, value);
  }
  return out;
}
