/**
 * 账号管理: every staff member changes their own password here (POST /api/auth/password, the current one
 * required; other sessions are logged out); the reform office (审改办) also sees every user, resets a
 * password to a temporary one the user must change at next login, and disables or enables an account.
 */
import type { UserView } from '../../../contracts/api/users.js';
import { el, errorText, field, keyed, say, section, table } from '../ui/dom.js';
import type { ConsoleContext } from './context.js';

/** A user as GET /api/users lists them. */
type UserRow = UserView;

function passwordInput(id: string): HTMLInputElement {
  return el('input', { id, type: 'password', autocomplete: id === 'current-password' ? 'current-password' : 'new-password', required: true });
}

/** The form that changes the caller's own password. */
function ownPasswordForm(ctx: ConsoleContext): HTMLElement {
  const { t, http } = ctx;
  const current = passwordInput('current-password');
  const next = passwordInput('new-password');
  const again = passwordInput('repeat-password');
  const form = el('form', { class: 'inline-form', id: 'password-form' },
    el('p', { class: 'hint' }, t('Password rule: at least 12 characters, not containing the user id, not a common password')),
    field(t('Current password'), current), field(t('New password'), next), field(t('Repeat the new password'), again),
    el('div', { class: 'actions' }, el('button', { type: 'submit', class: 'primary', id: 'password-submit' }, t('Change password'))));
  form.addEventListener('submit', (e) => {
    e.preventDefault();
    if (next.value !== again.value) return say(t('The two new passwords differ'), 'error');
    http.post('/api/auth/password', { currentPassword: current.value, newPassword: next.value }).then(
      () => {
        form.reset();
        say(t('Password changed; other sessions were logged out'), 'ok');
        // After a reset the page's user still says "must change": read it again with the whole page.
        if (ctx.me?.()?.mustChangePassword) location.reload();
      },
      (err: Error) => say(`${t('Could not change the password')}：${errorText(t, err)}`, 'error'));
  });
  return form;
}

/** The reform office's list of users with reset, disable and enable. */
async function usersSection(ctx: ConsoleContext): Promise<HTMLElement> {
  const { t, http } = ctx;
  const users = await http.get<UserRow[]>('/api/users');
  const slot = el('div', { class: 'form-slot' });
  const rerender = () => void (window as unknown as { shenpi: { render(): Promise<void> } }).shenpi.render();

  const resetForm = (u: UserRow): HTMLElement => {
    const temporary = el('input', { id: 'temporary-password', type: 'text', autocomplete: 'off', required: true });
    const form = el('form', { class: 'inline-form', id: 'reset-form', 'data-user': u.id },
      el('h3', {}, `${t('Reset password')}：${u.name}（${u.id}）`),
      el('p', { class: 'hint' }, t('Password rule: at least 12 characters, not containing the user id, not a common password')),
      field(t('Temporary password'), temporary),
      el('div', { class: 'actions' },
        el('button', { type: 'submit', class: 'primary', id: 'reset-submit' }, t('Reset password')),
        el('button', { type: 'button', onclick: () => form.remove() }, t('Cancel'))));
    form.addEventListener('submit', (e) => {
      e.preventDefault();
      http.post(`/api/users/${encodeURIComponent(u.id)}/password`, { password: temporary.value }).then(
        () => { say(t('Password reset; the user must change it at next login'), 'ok'); rerender(); },
        (err: Error) => say(`${t('Could not reset the password')}：${errorText(t, err)}`, 'error'));
    });
    return form;
  };

  const toggle = (u: UserRow) => {
    const action = u.disabled ? 'enable' : 'disable';
    http.post(`/api/users/${encodeURIComponent(u.id)}/${action}`).then(
      () => { say(t(u.disabled ? 'Account enabled' : 'Account disabled; its sessions were logged out'), 'ok'); rerender(); },
      (err: Error) => say(`${t('Could not change the account')}：${errorText(t, err)}`, 'error'));
  };

  const status = (u: UserRow) => keyed(t, 'account', u.disabled ? 'disabled' : u.mustChangePassword ? 'must-change' : 'enabled');
  const list = table<UserRow>([
    { head: t('User id'), cell: (u) => u.id },
    { head: t('Name'), cell: (u) => u.name },
    { head: t('Department'), cell: (u) => u.department ?? '' },
    { head: t('Roles'), cell: (u) => u.roles.map((r) => keyed(t, 'role', r)).join('、') },
    { head: t('Account status'), cell: status },
    { head: t('Actions'), cell: (u) => el('span', {},
      el('button', { type: 'button', class: 'reset', onclick: () => slot.replaceChildren(resetForm(u)) }, t('Reset password')),
      u.id === ctx.me?.()?.id ? '' : el('button', { type: 'button', class: 'toggle', onclick: () => toggle(u) }, t(u.disabled ? 'Enable' : 'Disable'))) },
  ], users, t('No users'), (u) => ({ 'data-user': u.id, 'data-disabled': String(u.disabled) }));
  list.id = 'users';
  return section(t('Users'), slot, list);
}

/** Renders the account page: one's own password, and for the reform office the users. */
export async function accountsPage(ctx: ConsoleContext): Promise<HTMLElement> {
  const me = ctx.me?.();
  const root = el('div', { class: 'page', id: 'accounts' });
  if (me?.mustChangePassword) root.append(el('p', { class: 'form-error', role: 'alert' }, ctx.t('Your password was reset by an administrator; choose your own before continuing')));
  root.append(section(ctx.t('Change my password'), ownPasswordForm(ctx)));
  if (me?.roles.includes('reform-office-admin')) root.append(await usersSection(ctx));
  return root;
}
