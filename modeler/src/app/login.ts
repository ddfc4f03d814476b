/** The login form in the page header: user name and password, exchanged for a token by the API client. */
import type { ApiClient } from '../api/client.js';
import { el, say } from '../ui/dom.js';

/** Renders the login form into `container`; `onLogin` runs after a successful login. */
export function mountLogin(container: HTMLElement, api: ApiClient, t: (s: string) => string, onLogin: () => Promise<void>): void {
  const user = el('input', { id: 'login-user', placeholder: t('User name'), autocomplete: 'username' });
  const pass = el('input', { id: 'login-password', type: 'password', placeholder: t('Password'), autocomplete: 'current-password' });
  const who = el('span', { id: 'login-state' }, t('Not logged in'));
  const form = el('form', { id: 'login', class: 'login' }, user, pass, el('button', { type: 'submit' }, t('Log in')), who);
  form.addEventListener('submit', (e) => {
    e.preventDefault();
    api.login(user.value, pass.value).then(
      async () => {
        who.textContent = `${t('Logged in as')} ${user.value}`;
        who.dataset.state = 'in';
        say(t('Logged in'), 'ok');
        await onLogin();
      },
      (err: Error) => say(`${t('Login failed')}: ${err.message}`, 'error'),
    );
  });
  container.append(form);
}
