/**
 * The applicant portal (网上办事大厅, 不见面审批): the item catalogue and disclosures, the materials an
 * applicant needs, the application with uploads, the correction and re-upload, payment, progress, documents,
 * the result and the evaluation. Plain pages that work on a phone. `?lang=en` shows the English texts.
 */
import { createTranslate } from '../i18n/translate.js';
import { clearStaleStatus, el, errorText, say } from '../ui/dom.js';
import { Http, type Me } from '../ui/http.js';
import { go, startRouter, type Route } from '../ui/router.js';
import { applyPage } from './apply-page.js';
import { casePage } from './case-page.js';
import { cataloguePage } from './catalogue.js';
import type { PortalContext } from './context.js';
import { itemPage } from './item-page.js';
import { loginPage, myCasesPage, progressPage } from './account-pages.js';
import { messagesEntry, notificationsPage, refreshBadge } from './notifications.js';
import { verifyPage } from './verify-page.js';

const lang = new URLSearchParams(location.search).get('lang') === 'en' ? 'en' : 'zh-CN';
const t = createTranslate(lang);
document.documentElement.lang = lang;
document.title = t('Online service hall');
document.getElementById('brand')!.textContent = t('Online service hall');
document.getElementById('foot')!.replaceChildren(t('Apply online, no visit needed. Questions: the consultation phone of each item.'), ' ',
  el('a', { href: `/console/${lang === 'en' ? '?lang=en' : ''}`, id: 'staff-link' }, t('Staff entrance')));

const http = new Http('shenpi.portal.token');
const nav = document.getElementById('nav')!;
const account = document.getElementById('account')!;
let me: Me | undefined;
let checked = false;

const ctx: PortalContext = {
  http, t,
  me: () => me,
  async login(user, password) {
    me = await http.login(user, password);
    renderAccount();
  },
};

function renderAccount(): void {
  const out = el('button', { type: 'button', id: 'logout', class: 'link' }, t('Log out'));
  out.addEventListener('click', () => void http.logout().then(() => { me = undefined; renderAccount(); go('/'); }));
  account.replaceChildren(...(me
    ? [el('span', { id: 'account-name', 'data-user': me.id }, me.name), out]
    : [el('a', { href: '#/login', id: 'login-link' }, t('Real-name login'))]));
  void refreshBadge(http, me !== undefined);
}

nav.replaceChildren(
  el('a', { href: '#/', 'data-nav': 'catalogue' }, t('Service guide')),
  el('a', { href: '#/mine', 'data-nav': 'mine' }, t('My cases')),
  el('a', { href: '#/progress', 'data-nav': 'progress' }, t('Progress')),
  el('a', { href: '#/verify', 'data-nav': 'verify' }, t('Certificate verification')),
  messagesEntry(t('Messages')),
);

const routes: Route[] = [
  { pattern: '/', nav: 'catalogue', render: (_p, q) => cataloguePage(ctx, q) },
  { pattern: '/items/:code', nav: 'catalogue', render: (p) => itemPage(ctx, p.code!) },
  { pattern: '/items/:code/apply', nav: 'catalogue', render: (p) => applyPage(ctx, p.code!) },
  { pattern: '/cases/:caseNo', nav: 'mine', render: (p) => casePage(ctx, p.caseNo!) },
  { pattern: '/mine', nav: 'mine', render: () => myCasesPage(ctx) },
  { pattern: '/progress', nav: 'progress', render: (_p, q) => progressPage(ctx, q) },
  { pattern: '/verify', nav: 'verify', render: (_p, q) => verifyPage(ctx, q) },
  { pattern: '/messages', nav: 'messages', render: (_p, q) => notificationsPage(ctx, q) },
  { pattern: '/login', nav: 'mine', render: (_p, q) => loginPage(ctx, q) },
];

// Moving to another page clears the status line; a confirmation said just before the move stays.
window.addEventListener('hashchange', clearStaleStatus);

const render = startRouter({
  routes,
  outlet: document.getElementById('main')!,
  home: '/',
  async before(route) {
    if (!checked) {
      me = await http.me();
      checked = true;
      renderAccount();
    }
    for (const a of nav.querySelectorAll('a')) a.classList.toggle('active', a.dataset.nav === route.nav);
    // The count may have changed since the last page (a step of a case, a message read).
    void refreshBadge(http, me !== undefined);
    return true;
  },
  onError: (e) => el('p', { class: 'form-error', role: 'alert' }, `${t('Could not load the page')}：${errorText(t, e)}`),
});

/** For the browser tests and for debugging. */
(window as unknown as { shenpi: unknown }).shenpi = { http, go, render };
