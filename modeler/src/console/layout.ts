/**
 * The console's frame: the header with the user and logout, and the left navigation (the convention of
 * government back offices), with the modeler and the portal linked as other applications.
 */
import { el, errorText, type T } from '../ui/dom.js';
import type { Me } from '../ui/http.js';

/** A navigation entry: an in-page hash route or another application's URL. */
export interface NavEntry {
  key: string;
  text: string;
  href: string;
  external?: boolean;
}

/** The console's navigation entries, in order. */
export function navEntries(t: T, lang: string): NavEntry[] {
  const suffix = lang === 'en' ? '?lang=en' : '';
  return [
    { key: 'inbox', text: t('Task inbox'), href: '#/inbox' },
    { key: 'window', text: t('Window intake'), href: '#/window' },
    { key: 'copies', text: t('Copied to me'), href: '#/copies' },
    { key: 'cases', text: t('Cases'), href: '#/cases' },
    { key: 'lights', text: t('Lights'), href: '#/lights' },
    { key: 'notices', text: t('Supervision notices'), href: '#/notices' },
    { key: 'report', text: t('Monthly report'), href: '#/report' },
    { key: 'org', text: t('Organisation'), href: '#/org' },
    { key: 'settings', text: t('Locality settings'), href: '#/settings' },
    { key: 'calendar', text: t('Working-day calendar'), href: '#/calendar' },
    { key: 'account', text: t('Accounts'), href: '#/account' },
    { key: 'modeler', text: t('Process modeler'), href: `/modeler/${suffix}`, external: true },
    { key: 'portal', text: t('Online service hall'), href: `/portal/${suffix}`, external: true },
  ];
}

/** Whether `me` holds no role but the applicant's (such a login is refused by the console). */
export function isApplicantOnly(me: Me): boolean {
  return me.roles.length > 0 && me.roles.every((r) => r === 'applicant');
}

/** Roles that read the monthly report (the server's `report.read`). */
const REPORT_ROLES = ['reform-office-admin', 'auditor'];

/**
 * The entries `me` may use: the monthly report only for the reform office and supervision, window intake for
 * clerks, the organisation for the reform office (the server's `org.manage`).
 */
export function entriesFor(entries: NavEntry[], me: Me): NavEntry[] {
  return entries.filter((e) => (e.key !== 'report' || me.roles.some((r) => REPORT_ROLES.includes(r)))
    && (e.key !== 'window' || me.roles.includes('department-staff'))
    && (e.key !== 'org' || me.roles.includes('reform-office-admin')));
}

/** Renders the navigation into `nav`; the entry whose key is `active` is highlighted. */
export function renderNav(nav: HTMLElement, entries: NavEntry[], active: string): void {
  nav.replaceChildren(el('ul', {}, ...entries.map((e) => el('li', {},
    el('a', { href: e.href, 'data-nav': e.key, class: e.key === active ? 'active' : undefined, ...(e.external ? { target: '_self' } : {}) }, e.text)))));
}

/** Renders the logged-in user (real name and user id) and a logout button into the header slot. */
export function renderWho(slot: HTMLElement, me: Me | undefined, t: T, onLogout: () => void): void {
  if (!me) {
    slot.replaceChildren();
    return;
  }
  // Demo and seeded names already carry the department; the id is what the timeline records.
  slot.replaceChildren(
    el('span', { id: 'who-name', 'data-user': me.id }, `${me.name}（${me.id}）`),
    el('button', { type: 'button', id: 'logout', onclick: onLogout }, t('Log out')),
  );
}

/** The login form shown in place of a page while nobody is logged in. */
export function loginPanel(t: T, onSubmit: (user: string, password: string) => Promise<void>): HTMLElement {
  const user = el('input', { id: 'login-user', name: 'username', autocomplete: 'username', required: true });
  const pass = el('input', { id: 'login-password', name: 'password', type: 'password', autocomplete: 'current-password', required: true });
  const error = el('p', { class: 'form-error', id: 'login-error', role: 'alert' });
  const form = el('form', { id: 'login', class: 'login-box' },
    el('h2', {}, t('Staff login')),
    el('label', { class: 'field' }, el('span', { class: 'field-label' }, t('User name')), user),
    el('label', { class: 'field' }, el('span', { class: 'field-label' }, t('Password')), pass),
    error,
    el('button', { type: 'submit', class: 'primary' }, t('Log in')));
  form.addEventListener('submit', (e) => {
    e.preventDefault();
    error.textContent = '';
    onSubmit(user.value, pass.value).catch((err: Error & { code?: string }) => { error.textContent = `${t('Login failed')}：${errorText(t, err)}`; });
  });
  return form;
}
