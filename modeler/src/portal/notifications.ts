/**
 * The applicant's notification centre (站内消息): every step of their cases that concerns them, newest
 * first, unread ones marked, each with a link to its case; one or all marked read. The unread count is the
 * badge beside the navigation entry, refreshed on every page.
 */
import { el, errorText, say } from '../ui/dom.js';
import { dateTime } from '../ui/format.js';
import type { Http } from '../ui/http.js';
import type { PortalContext } from './context.js';

/** A notification as `GET /api/notifications` lists it. */
interface Notice {
  id: string;
  caseNo: string;
  kind: string;
  title: string;
  text: string;
  at: string;
  read: boolean;
}

/** Shows the unread count beside the 站内消息 entry (nothing when none, or nobody is logged in). */
export async function refreshBadge(http: Http, loggedIn: boolean): Promise<void> {
  const badge = document.getElementById('unread-badge');
  if (!badge) return;
  const unread = loggedIn ? await http.get<{ unread: number }>('/api/notifications/unread').then((r) => r.unread, () => 0) : 0;
  badge.textContent = unread > 99 ? '99+' : String(unread);
  badge.hidden = unread === 0;
  badge.dataset.unread = String(unread);
}

/** The navigation entry with its badge. */
export function messagesEntry(text: string): HTMLElement {
  return el('a', { href: '#/messages', 'data-nav': 'messages', id: 'messages-link' }, text, el('span', { class: 'badge', id: 'unread-badge', hidden: true }));
}

/** Renders the notification centre; `?unread=true` lists the unread ones only. */
export async function notificationsPage(ctx: PortalContext, query: URLSearchParams): Promise<HTMLElement> {
  const { t, http } = ctx;
  if (!ctx.me()) return el('div', { class: 'page' }, el('p', {}, el('a', { href: '#/login?next=%2Fmessages', class: 'button primary' }, t('Real-name login'))));
  const onlyUnread = query.get('unread') === 'true';
  const page = await http.get<{ total: number; unread: number; items: Notice[] }>(`/api/notifications?limit=200${onlyUnread ? '&unread=true' : ''}`);
  const root = el('div', { class: 'page', id: 'messages' });
  const reload = () => void (window as unknown as { shenpi: { render(): Promise<void> } }).shenpi.render();
  const markRead = (n: Notice) => http.post<{ unread: number }>(`/api/notifications/${encodeURIComponent(n.id)}/read`).then(() => refreshBadge(http, true));

  const list = el('ul', { class: 'notices', id: 'notice-list' }, ...page.items.map((n) => {
    const open = el('a', { href: `#/cases/${encodeURIComponent(n.caseNo)}`, class: 'open-case' }, t('View the case'));
    // Opening the case reads the message.
    open.addEventListener('click', () => { if (!n.read) void markRead(n); });
    const read = el('button', { type: 'button', class: 'link mark-read' }, t('Mark as read'));
    read.addEventListener('click', () => {
      markRead(n).then(() => { say(t('Marked as read'), 'ok'); reload(); }, (err: Error) => say(errorText(t, err), 'error'));
    });
    return el('li', { class: `notice${n.read ? '' : ' unread'}`, 'data-kind': n.kind, 'data-id': n.id, 'data-case': n.caseNo },
      el('div', { class: 'notice-head' },
        el('strong', { class: 'notice-title' }, n.title),
        el('span', { class: 'notice-state' }, n.read ? t('Read') : t('Unread')),
        el('time', { class: 'notice-time', datetime: n.at }, dateTime(n.at))),
      el('p', { class: 'notice-text' }, n.text),
      el('div', { class: 'notice-actions' }, open, ...(n.read ? [] : [read])));
  }));
  if (page.items.length === 0) list.append(el('li', { class: 'empty' }, onlyUnread ? t('No unread messages') : t('No messages yet')));

  const readAll = el('button', { type: 'button', id: 'read-all', disabled: page.unread === 0 }, t('Mark all as read'));
  readAll.addEventListener('click', () => {
    http.post('/api/notifications/read-all').then(async () => { await refreshBadge(http, true); say(t('All messages marked as read'), 'ok'); reload(); }, (err: Error) => say(errorText(t, err), 'error'));
  });
  const tabs = el('div', { class: 'notice-tabs' },
    el('a', { href: '#/messages', class: onlyUnread ? 'button' : 'button primary', id: 'tab-all' }, t('All')),
    el('a', { href: '#/messages?unread=true', class: onlyUnread ? 'button primary' : 'button', id: 'tab-unread' }, t('Unread ({n})', { n: page.unread })),
    readAll);
  root.append(el('h1', {}, t('Messages')), el('p', { class: 'count', id: 'notice-count' }, t('{n} messages, {u} unread', { n: page.total, u: page.unread })), tabs, list);
  return root;
}
