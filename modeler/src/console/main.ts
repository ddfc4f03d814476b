/**
 * The supervision console (审批管理后台): login, the task inbox, case query and case pages, the lights,
 * supervision notices and the monthly report, behind a left navigation. `?lang=en` shows the English texts.
 */
import { createTranslate } from '../i18n/translate.js';
import { clearStaleStatus, el, errorText, say } from '../ui/dom.js';
import { Http, type Me } from '../ui/http.js';
import { go, startRouter, type Route } from '../ui/router.js';
import { accountsPage } from './accounts.js';
import { casePage } from './case-page.js';
import { casesPage } from './cases-list.js';
import { copiesPage } from './copies.js';
import { inboxPage } from './inbox.js';
import { entriesFor, isApplicantOnly, loginPanel, navEntries, renderNav, renderWho } from './layout.js';
import { lightsPage } from './lights.js';
import { noticesPage } from './notices.js';
import { organisationPage } from './organisation.js';
import { queuePage } from './queues.js';
import { windowIntakePage } from './window-intake.js';
import { reportPage } from './report.js';
import { calendarPage } from './calendar.js';
import { settingsPage } from './settings.js';

const lang = new URLSearchParams(location.search).get('lang') === 'en' ? 'en' : 'zh-CN';
const t = createTranslate(lang);
document.documentElement.lang = lang;
document.title = t('Approval console');
document.getElementById('brand')!.textContent = t('Approval console');

const http = new Http('shenpi.console.token');
const nav = document.getElementById('nav')!;
const main = document.getElementById('main')!;
const who = document.getElementById('who')!;
const entries = navEntries(t, lang);
let me: Me | undefined;

const logout = () => {
  void http.logout().then(() => {
    me = undefined;
    renderWho(who, undefined, t, logout);
    void render();
  });
};

const ctx = { http, t, me: () => me };

/**
 * The operations notice in the header (行政许可法 第82条): while a case in handling has a provisional deadline,
 * because next year's holiday arrangement is not loaded, every staff page says so and links the calendar page.
 */
async function opsNotice(): Promise<void> {
  const slot = document.getElementById('ops-notice');
  if (!slot) return;
  const s = await http.get<{ lastYear: number; provisionalCases: number }>('/api/calendar').catch(() => undefined);
  slot.hidden = !s || s.provisionalCases === 0;
  slot.textContent = s && s.provisionalCases > 0 ? t('{n} cases in handling have a provisional deadline: the holiday arrangement for {year} is not loaded', { n: s.provisionalCases, year: s.lastYear + 1 }) : '';
}
const routes: Route[] = [
  { pattern: '/inbox', nav: 'inbox', render: (_p, q) => inboxPage(ctx, q) },
  { pattern: '/queues/:queue', nav: 'inbox', render: (p, q) => queuePage(ctx, p.queue!, q) },
  { pattern: '/window', nav: 'window', render: (_p, q) => windowIntakePage(ctx, q) },
  { pattern: '/copies', nav: 'copies', render: () => copiesPage(ctx) },
  { pattern: '/cases', nav: 'cases', render: (_p, q) => casesPage(ctx, q) },
  { pattern: '/cases/:caseNo', nav: 'cases', render: (p) => casePage(ctx, p.caseNo!) },
  { pattern: '/lights', nav: 'lights', render: (_p, q) => lightsPage(ctx, q) },
  { pattern: '/notices', nav: 'notices', render: () => noticesPage(ctx) },
  { pattern: '/report', nav: 'report', render: (_p, q) => reportPage(ctx, q) },
  { pattern: '/org', nav: 'org', render: () => organisationPage(ctx) },
  { pattern: '/account', nav: 'account', render: () => accountsPage(ctx) },
  { pattern: '/settings', nav: 'settings', render: () => settingsPage(ctx) },
  { pattern: '/calendar', nav: 'calendar', render: () => calendarPage(ctx) },
];

// Moving to another page clears the status line; a confirmation said just before the move stays.
window.addEventListener('hashchange', clearStaleStatus);

const render = startRouter({
  routes,
  outlet: main,
  home: '/inbox',
  async before(route) {
    me ??= await http.me();
    // The console is for staff: an applicant's login belongs to the portal (网上办事大厅).
    if (me && isApplicantOnly(me)) {
      await http.logout();
      me = undefined;
      say(t('This login is for staff; applicants use the online service hall.'), 'error');
    }
    renderWho(who, me, t, logout);
    if (!me) {
      renderNav(nav, [], '');
      main.replaceChildren(loginPanel(t, async (user, password) => {
        const who = await http.login(user, password);
        if (isApplicantOnly(who)) {
          await http.logout();
          throw new Error(t('This login is for staff; applicants use the online service hall.'));
        }
        me = who;
        say(t('Logged in'), 'ok');
        await render();
      }));
      main.dataset.route = 'login';
      return false;
    }
    renderNav(nav, entriesFor(entries, me), route.nav ?? '');
    void opsNotice();
    // A password an administrator reset must be replaced before anything else (the server refuses the rest).
    if ((me as { mustChangePassword?: boolean }).mustChangePassword && route.nav !== 'account') {
      go('/account');
      return false;
    }
    return true;
  },
  onError: (e) => el('p', { class: 'form-error', role: 'alert' }, `${t('Could not load the page')}：${errorText(t, e)}`),
});

/** For the browser tests and for debugging: the client, and navigation. */
(window as unknown as { shenpi: unknown }).shenpi = { http, go, render };
