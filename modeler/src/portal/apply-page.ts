/**
 * The application (在线申报): answers to the item's declared facts, the materials those answers require
 * (computed by the server before applying), the applicant's details, the uploads and the numbers of shared
 * certificates; applying sends them all in one multipart request and opens the case. Answering the item's
 * `byAgent` question with yes makes it an agent's application (principal-form.ts): the principal's identity
 * and the power of attorney are asked for, and the account is recorded as the agent.
 */
import type { MaterialsCheck } from '../../../contracts/api/index.js';
import { el, errorText, field, keyed, say, section, type T } from '../ui/dom.js';
import type { Me } from '../ui/http.js';
import { go } from '../ui/router.js';
import type { PortalContext } from './context.js';
import { factsFieldset, readFacts, type DeclaredFact } from './facts-form.js';
import { loadDisclosure } from './item-page.js';
import { chosenFiles, materialsForm, missingMaterials, neededList, neededMaterials, sharedInputs, sharedReferences, uploadInputs, type NeededMaterial } from './materials.js';
import { principalForm } from './principal-form.js';

/** The value at the dotted `path` of `facts`. */
function readAt(facts: Record<string, unknown>, path: string): unknown {
  return path.split('.').reduce<unknown>((node, part) => (node && typeof node === 'object' ? (node as Record<string, unknown>)[part] : undefined), facts);
}

/** The account's real-name identity (实名), read-only: name, ID type and the number's last four characters. */
function realNameView(t: T, me: Me): HTMLElement {
  const row = (label: string, value: string, id: string) => el('div', { class: 'field' }, el('span', { class: 'field-label' }, label), el('output', { id }, value));
  if (!me.idType) return el('div', { id: 'applicant-identity', class: 'notice' }, t('Applying online needs a real-name record on your account; please complete it at the service window'));
  return el('div', { id: 'applicant-identity', class: 'identity' },
    row(t('Name'), me.name, 'applicant-name'),
    row(t('ID type'), keyed(t, 'idType', me.idType), 'applicant-id-type'),
    row(t('ID number'), me.idSuffix ? `${'*'.repeat(me.idType === 'RESIDENT_ID' || me.idType === 'USCC' ? 14 : 4)}${me.idSuffix}` : '', 'applicant-id'),
    el('p', { class: 'hint', id: 'applicant-identity-source' }, t('from your real-name account')));
}

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

  // The questions come with the disclosure (`facts`, always an array in its contract).
  const facts: readonly DeclaredFact[] = d.facts;
  const factsBox = factsFieldset(t, facts);
  // The page checks completeness itself and names what is missing (the browser's bubbles would not).
  const form = el('form', { id: 'apply-form', class: 'apply', novalidate: true }, factsBox);
  let needed: NeededMaterial[] | undefined;

  // Built once: what the applicant typed or chose survives every refresh of the materials list.
  // Online the server records the account's real-name record as the applicant (server/cases/applicant-identity.ts):
  // the page shows it read-only instead of asking for a name and number it would ignore.
  const identity = realNameView(t, me);
  const phone = el('input', { id: 'applicant-phone', name: 'applicant-phone', type: 'tel', placeholder: '138…' });
  const neededSlot = el('div', { id: 'needed-slot' }, el('p', { class: 'hint', id: 'needed-hint' }, t('Answer the questions above to see the materials you need.')));
  const uploads = el('div', { class: 'uploads', id: 'uploads' });
  const shared = el('div', { class: 'uploads', id: 'shared' });
  const kept = new Map<string, HTMLElement>();
  const submit = el('button', { type: 'submit', class: 'primary big', id: 'submit-application', disabled: true }, t('Submit the application'));
  const principal = principalForm(t);
  const own = section(t('Applicant'), identity, field(t('Phone'), phone));
  own.id = 'applicant-own';
  const agentSelf = section(t('Agent (you)'), el('p', { id: 'agent-self' }, `${me.name}（${t('from your real-name account')}）`));
  agentSelf.id = 'agent-own';
  agentSelf.hidden = true;
  const details = el('div', { id: 'need-slot', hidden: true },
    section(t('Materials you need'), neededSlot), own, agentSelf, principal.box,
    section(t('Upload materials'), uploads, shared), submit);
  /** The application is an agent's when the item asks `byAgent` and the answer is yes. */
  const byAgent = () => readFacts(form, facts).byAgent === true;
  const showChannel = () => {
    const agent = byAgent();
    principal.box.hidden = !agent;
    agentSelf.hidden = !agent;
    own.hidden = agent;
  };

  /** Shows the list for `list`, keeping the upload and certificate inputs of materials still needed. */
  const showNeeded = (list: NeededMaterial[]) => {
    needed = list;
    neededSlot.replaceChildren(neededList(t, list));
    const reuse = (m: NeededMaterial, make: () => HTMLElement) => {
      const key = `${m.source === 'shared' ? 'shared' : 'own'}:${m.material}`;
      if (!kept.has(key)) kept.set(key, make());
      return kept.get(key)!;
    };
    uploads.replaceChildren(...list.filter((m) => m.source !== 'shared').map((m) => reuse(m, () => uploadInputs(t, [m]).firstElementChild as HTMLElement)));
    shared.replaceChildren(...list.filter((m) => m.source === 'shared').map((m) => reuse(m, () => sharedInputs(t, [m]).firstElementChild as HTMLElement)));
    details.hidden = false;
    submit.disabled = false;
  };

  // Only the questions decide the materials: empty applicant fields further down never block the check.
  const unanswered = () => facts.filter((f) => f.required && readAt(readFacts(form, facts), f.name) === undefined);
  let asked = 0;
  const check = () => {
    if (unanswered().length) {
      say(t('Answer every question marked * first: {names}', { names: unanswered().map((f) => f.label).join('、') }), 'error');
      return;
    }
    const mine = ++asked;
    http.post<MaterialsCheck>(`/api/items/${encodeURIComponent(code)}/materials/check`, { facts: readFacts(form, facts) }).then((body) => {
      if (mine === asked) showNeeded(neededMaterials(body));
    }, (err: Error) => say(errorText(t, err), 'error'));
  };
  const checkButton = el('button', { type: 'button', id: 'check-materials', class: 'primary' }, t('Which materials do I need?'));
  checkButton.addEventListener('click', check);
  // Changing an answer refreshes the list at once, when every required question has an answer.
  factsBox.addEventListener('change', () => {
    showChannel();
    if (!unanswered().length) check();
  });

  form.addEventListener('submit', (e) => {
    e.preventDefault();
    if (!needed) return;
    const missing = missingMaterials(form, needed);
    if (missing.length) {
      say(t('These materials are still missing: {names}', { names: missing.map((m) => m.name).join('、') }), 'error');
      return;
    }
    const agent = byAgent();
    const given = agent ? principal.read() : undefined;
    if (given && !given.ok) {
      say(t('Enter {field} of the principal you act for', { field: given.label }), 'error');
      given.input.focus();
      return;
    }
    if (!agent && !me.idType) {
      say(t('Applying online needs a real-name record on your account; please complete it at the service window'), 'error');
      return;
    }
    const stated = readFacts(form, facts);
    const kind = (stated.applicant as Record<string, unknown> | undefined)?.kind;
    const contact = phone.value.trim() && !agent ? { phone: phone.value.trim() } : {};
    const applicant = given?.ok
      ? { ...given.principal, kind: typeof kind === 'string' ? kind : given.principal.idType === 'USCC' ? 'ENTERPRISE' : 'NATURAL_PERSON' }
      : { ...(typeof kind === 'string' ? { kind } : {}), ...contact };
    const shared = sharedReferences(form);
    // An agent's application: the principal is the applicant; the agent is the account (its real-name record).
    const application = { itemCode: code, channel: agent ? 'agent' : 'online', facts: stated, applicant, ...(shared.length ? { materials: shared } : {}) };
    submit.disabled = true;
    // One request: the application and its files together, so the pre-review sees every material at once.
    http.upload<{ caseNo: string }>('/api/cases', materialsForm(chosenFiles(form), application))
      .then((created) => {
        say(t('Application received: case {caseNo}', { caseNo: created.caseNo }), 'ok');
        go(`/cases/${encodeURIComponent(created.caseNo)}`);
      })
      .catch((err: Error) => { submit.disabled = false; say(`${t('Could not apply')}：${errorText(t, err)}`, 'error'); });
  });

  form.append(el('div', { class: 'actions' }, checkButton), details);
  return el('div', { class: 'page', id: 'apply-page', 'data-item': code }, ...head, form);
}
