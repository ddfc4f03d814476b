/**
 * The application (在线申报): answers to the item's declared facts, the materials those answers require
 * (computed by the server before applying), the applicant's details, the uploads and the numbers of shared
 * certificates; applying sends them all in one multipart request and opens the case.
 */
import { el, field, say, section } from '../ui/dom.js';
import { go } from '../ui/router.js';
import type { PortalContext } from './context.js';
import { factsFieldset, readFacts, type DeclaredFact } from './facts-form.js';
import { loadDisclosure } from './item-page.js';
import { chosenFiles, materialsForm, neededList, neededMaterials, sharedInputs, sharedReferences, uploadInputs, type NeededMaterial } from './materials.js';

/** Renders the application page of item `code`. */
export async function applyPage(ctx: PortalContext, code: string): Promise<HTMLElement> {
  const { t, http } = ctx;
  const me = ctx.me();
  const d = await loadDisclosure(ctx, code);
  const head = [el('p', { class: 'crumbs' }, el('a', { href: '#/' }, t('Service guide')), ' / ', el('a', { href: `#/items/${encodeURIComponent(code)}` }, d.item.name), ' / ', t('Apply online')),
    el('h1', {}, `${t('Apply online')}：${d.item.name}`)];
  if (!me) {
    return el('div', { class: 'page', id: 'apply-page' }, ...head,
      el('p', { class: 'notice' }, t('Applying needs a real-name login.'), ' ',
        el('a', { href: `#/login?next=${encodeURIComponent(`/items/${code}/apply`)}`, class: 'button primary', id: 'apply-login' }, t('Real-name login'))));
  }

  // The questions come with the disclosure (`facts`); without them no form can be generated.
  if (!Array.isArray(d.facts)) {
    return el('div', { class: 'page', id: 'apply-page' }, ...head, el('p', { class: 'notice', id: 'no-facts' }, t('This item does not publish its application questions yet; please apply at the window.')));
  }
  const facts = d.facts as DeclaredFact[];
  const form = el('form', { id: 'apply-form', class: 'apply' }, factsFieldset(t, facts));
  const needSlot = el('div', { id: 'need-slot' });
  let needed: NeededMaterial[] | undefined;

  const check = el('button', { type: 'button', id: 'check-materials', class: 'primary' }, t('Which materials do I need?'));
  check.addEventListener('click', () => {
    if (!form.reportValidity()) return;
    http.post<unknown>(`/api/items/${encodeURIComponent(code)}/materials/check`, { facts: readFacts(form, facts) }).then((body) => {
      needed = neededMaterials(body);
      const name = el('input', { id: 'applicant-name', name: 'applicant-name', required: true, value: me.name });
      const idNumber = el('input', { id: 'applicant-id', name: 'applicant-id', required: true, inputmode: 'text', autocomplete: 'off', placeholder: t('ID or unified social credit code') });
      const phone = el('input', { id: 'applicant-phone', name: 'applicant-phone', type: 'tel', placeholder: '138…' });
      needSlot.replaceChildren(
        section(t('Materials you need'), neededList(t, needed)),
        section(t('Applicant'), field(t('Name'), name), field(t('ID number'), idNumber), field(t('Phone'), phone)),
        section(t('Upload materials'), uploadInputs(t, needed), sharedInputs(t, needed)),
        el('button', { type: 'submit', class: 'primary big', id: 'submit-application' }, t('Submit the application')));
    }, (err: Error) => say(err.message, 'error'));
  });

  form.addEventListener('submit', (e) => {
    e.preventDefault();
    if (!needed) return;
    const stated = readFacts(form, facts);
    const kind = (stated.applicant as Record<string, unknown> | undefined)?.kind;
    const applicant = {
      name: (form.querySelector('#applicant-name') as HTMLInputElement).value,
      kind: typeof kind === 'string' ? kind : 'NATURAL_PERSON',
      idNumber: (form.querySelector('#applicant-id') as HTMLInputElement).value,
      ...((form.querySelector('#applicant-phone') as HTMLInputElement).value ? { phone: (form.querySelector('#applicant-phone') as HTMLInputElement).value } : {}),
    };
    const shared = sharedReferences(form);
    const application = { itemCode: code, channel: 'online', facts: stated, applicant, ...(shared.length ? { materials: shared } : {}) };
    const submit = form.querySelector<HTMLButtonElement>('#submit-application')!;
    submit.disabled = true;
    // One request: the application and its files together, so the pre-review sees every material at once.
    http.upload<{ caseNo: string }>('/api/cases', materialsForm(chosenFiles(form), application))
      .then((created) => {
        say(t('Application received: case {caseNo}', { caseNo: created.caseNo }), 'ok');
        go(`/cases/${encodeURIComponent(created.caseNo)}`);
      })
      .catch((err: Error) => { submit.disabled = false; say(`${t('Could not apply')}: ${err.message}`, 'error'); });
  });

  form.append(el('div', { class: 'actions' }, check), needSlot);
  return el('div', { class: 'page', id: 'apply-page', 'data-item': code }, ...head, form);
}
