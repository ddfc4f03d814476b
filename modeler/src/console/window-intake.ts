/**
 * 窗口受理: a clerk registers the application of an applicant present at the window. The clerk picks one of
 * the department's items, records the applicant's identity from the document presented (name, ID type and
 * number, and the portal account when the applicant has one, so the case also shows in their 网上办事大厅)
 * and an agent's when one is present, answers the item's questions with them, uploads what they brought, and
 * submits; the clerk is recorded as who registered it (server/cases/applicant-identity.ts). The case page
 * opens next, where the clerk accepts it on the spot.
 */
import type { DisclosureView, MaterialsCheck } from '../../../contracts/api/index.js';
import { factsFieldset, readFacts, type DeclaredFact } from '../portal/facts-form.js';
import { chosenFiles, materialsForm, missingMaterials, neededList, neededMaterials, sharedInputs, sharedReferences, uploadInputs, type NeededMaterial } from '../portal/materials.js';
import type { ItemRow } from '../ui/api-types.js';
import { el, errorText, field, keyed, say, section, select } from '../ui/dom.js';
import { go } from '../ui/router.js';
import type { ConsoleContext } from './context.js';

/** ID document types a window accepts (real-name record types). */
const ID_TYPES = ['RESIDENT_ID', 'USCC', 'PASSPORT', 'HK_MACAO_PERMIT', 'TAIWAN_PERMIT', 'FOREIGN_PERMANENT_ID'];
const KINDS = ['NATURAL_PERSON', 'INDIVIDUAL_BUSINESS', 'ENTERPRISE', 'OTHER_ORG'];

/** The value at the dotted `path` of `facts`. */
function readAt(facts: Record<string, unknown>, path: string): unknown {
  return path.split('.').reduce<unknown>((node, part) => (node && typeof node === 'object' ? (node as Record<string, unknown>)[part] : undefined), facts);
}

/** The identity inputs of one person (applicant or agent), ids prefixed by `prefix`. */
function personInputs(ctx: ConsoleContext, prefix: string) {
  const { t } = ctx;
  const idType = select(`${prefix}-id-type`, ID_TYPES.map((k) => [k, keyed(t, 'idType', k)]));
  return {
    name: el('input', { id: `${prefix}-name`, autocomplete: 'off' }),
    idType,
    idNumber: el('input', { id: `${prefix}-id-number`, autocomplete: 'off' }),
  };
}

/** Renders the window intake page; `?item=` preselects an item. */
export async function windowIntakePage(ctx: ConsoleContext, query: URLSearchParams): Promise<HTMLElement> {
  const { t, http } = ctx;
  const me = ctx.me?.();
  const all = await http.get<ItemRow[]>('/api/items').catch(() => [] as ItemRow[]);
  // A clerk registers the items of their own department (the server refuses others).
  const items = all.filter((i) => !me?.department || i.department === me.department);
  const item = select('intake-item', items.map((i) => [i.code, `${i.name ?? i.code}（${i.code}）`]), t('Please choose'));
  item.value = query.get('item') ?? '';

  const applicant = personInputs(ctx, 'intake-applicant');
  const account = el('input', { id: 'intake-applicant-account', autocomplete: 'off', placeholder: t('Leave empty if the applicant has no account') });
  const kind = select('intake-applicant-kind', KINDS.map((k) => [k, keyed(t, 'enum', k)]));
  const phone = el('input', { id: 'intake-applicant-phone', type: 'tel', placeholder: t('For the SMS notices') });
  const agent = personInputs(ctx, 'intake-agent');
  const factsSlot = el('div', { id: 'intake-facts-slot' }, el('p', { class: 'hint' }, t('Choose the item first.')));
  const neededSlot = el('div', { id: 'needed-slot' });
  const uploads = el('div', { class: 'uploads', id: 'uploads' });
  const shared = el('div', { class: 'uploads', id: 'shared' });
  const submit = el('button', { type: 'submit', class: 'primary', id: 'intake-submit', disabled: true }, t('Register the application'));
  const form = el('form', { id: 'intake-form', class: 'intake', novalidate: true });
  let facts: DeclaredFact[] = [];
  let needed: NeededMaterial[] | undefined;

  const unanswered = () => facts.filter((f) => f.required && readAt(readFacts(form, facts), f.name) === undefined);
  let asked = 0;
  const check = () => {
    if (!item.value || unanswered().length) return;
    const mine = ++asked;
    http.post<MaterialsCheck>(`/api/items/${encodeURIComponent(item.value)}/materials/check`, { facts: readFacts(form, facts) }).then((body) => {
      if (mine !== asked) return;
      needed = neededMaterials(body);
      neededSlot.replaceChildren(neededList(t, needed));
      // New inputs for the new list: the files chosen so far stay where the same material is still needed.
      const keep = new Map([...form.querySelectorAll<HTMLElement>('[data-material]')].filter((n) => n.matches('label.upload, fieldset.shared')).map((n) => [`${n.tagName}:${n.dataset.material}`, n]));
      const reuse = (m: NeededMaterial, make: () => HTMLElement, tag: string) => keep.get(`${tag}:${m.material}`) ?? make();
      uploads.replaceChildren(...needed.filter((m) => m.source !== 'shared').map((m) => reuse(m, () => uploadInputs(t, [m]).firstElementChild as HTMLElement, 'LABEL')));
      shared.replaceChildren(...needed.filter((m) => m.source === 'shared').map((m) => reuse(m, () => sharedInputs(t, [m]).firstElementChild as HTMLElement, 'FIELDSET')));
      submit.disabled = false;
    }, (err: Error) => say(errorText(t, err), 'error'));
  };

  const loadItem = async () => {
    needed = undefined;
    submit.disabled = true;
    neededSlot.replaceChildren();
    uploads.replaceChildren();
    shared.replaceChildren();
    if (!item.value) {
      factsSlot.replaceChildren(el('p', { class: 'hint' }, t('Choose the item first.')));
      return;
    }
    facts = (await http.get<Pick<DisclosureView, 'facts'>>(`/api/items/${encodeURIComponent(item.value)}`)).facts;
    const box = factsFieldset(t, facts);
    // The section says what it is; the portal's legend speaks to the applicant.
    box.querySelector('legend')?.remove();
    box.addEventListener('change', () => { if (!unanswered().length) check(); });
    factsSlot.replaceChildren(box);
  };
  item.addEventListener('change', () => void loadItem().catch((err: Error) => say(errorText(t, err), 'error')));

  form.addEventListener('submit', (e) => {
    e.preventDefault();
    if (!needed) return;
    if (unanswered().length) {
      say(t('Answer every question marked * first: {names}', { names: unanswered().map((f) => f.label).join('、') }), 'error');
      return;
    }
    if (!applicant.name.value.trim() || !applicant.idNumber.value.trim()) {
      say(t('Enter the name and ID number of the applicant as the document presented shows'), 'error');
      (applicant.name.value.trim() ? applicant.idNumber : applicant.name).focus();
      return;
    }
    const missing = missingMaterials(form, needed);
    if (missing.length) {
      say(t('These materials are still missing: {names}', { names: missing.map((m) => m.name).join('、') }), 'error');
      return;
    }
    const idType = applicant.idType.value;
    const idNumber = applicant.idNumber.value.trim().toUpperCase();
    const agentGiven = agent.name.value.trim() || agent.idNumber.value.trim();
    const application = {
      itemCode: item.value, channel: 'window', facts: readFacts(form, facts),
      // Without a portal account the applicant is known by the document presented.
      applicant: {
        id: account.value.trim() || `${idType}:${idNumber}`, name: applicant.name.value.trim(), kind: kind.value, idType, idNumber,
        ...(phone.value.trim() ? { phone: phone.value.trim() } : {}),
      },
      ...(agentGiven ? { agent: { name: agent.name.value.trim(), idType: agent.idType.value, idNumber: agent.idNumber.value.trim().toUpperCase() } } : {}),
      ...(sharedReferences(form).length ? { materials: sharedReferences(form) } : {}),
    };
    submit.disabled = true;
    http.upload<{ caseNo: string }>('/api/cases', materialsForm(chosenFiles(form), application)).then((created) => {
      say(t('Registered at the window: case {caseNo}; accept it on the case page', { caseNo: created.caseNo }), 'ok');
      go(`/cases/${encodeURIComponent(created.caseNo)}`);
    }, (err: Error) => { submit.disabled = false; say(`${t('Could not register the application')}：${errorText(t, err)}`, 'error'); });
  });

  form.append(
    section(t('Item'), field(t('Item'), item)),
    section(t('Applicant present at the window'),
      el('div', { class: 'form-grid' },
        field(t('Name'), applicant.name), field(t('Kind of applicant'), kind), field(t('ID type'), applicant.idType), field(t('ID number'), applicant.idNumber),
        field(t('Phone'), phone), field(t('Portal account'), account))),
    section(t('Agent (if one applies for the applicant)'),
      el('div', { class: 'form-grid' }, field(t('Name'), agent.name), field(t('ID type'), agent.idType), field(t('ID number'), agent.idNumber))),
    section(t('About the application'), factsSlot),
    section(t('Materials brought to the window'), neededSlot, uploads, shared),
    el('p', { class: 'hint', id: 'intake-clerk' }, t('Registered by {name}, recorded as the clerk of this application', { name: me?.name ?? '' })),
    el('div', { class: 'actions' }, submit));
  const root = el('div', { class: 'page', id: 'window-intake' }, el('h1', {}, t('Window intake')), form);
  if (item.value) await loadItem();
  return root;
}
