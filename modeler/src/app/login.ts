/** The login form in the page header: user name and password, exchanged for a token by the API client. */
import type { ApiClient } from '../api/client.js';
import { el, errorText, say } from '../ui/dom.js';

/** Renders the login form into `container`; `onLogin` runs after a successful login. */
export function mountLogin(container: HTMLElement, api: ApiClient, t: (s: string) => string, onLogin: () => Promise<void>): void {
  const user = el('input', { id: 'login-user', placeholder: t('User name'), autocomplete: 'username' });
  const pass = el('input', { id: 'login-password', type: 'password', placeholder: t('Password'), autocomplete: 'current-password' });
  const who = el('span', { id: 'login-state' }, t('Not logged in'));
  const form = el('form', { id: 'login', class: 'login' }, user, pass, el('button', { type: 'submit' }, t('Log in')), who);
  const signedIn = async (name: string) => {
    who.textContent = `${t('Logged in as')} ${name}`;
    who.dataset.state = 'in';
    await onLogin();
  };
  form.addEventListener('submit', (e) => {
    e.preventDefault();
    api.login(user.value, pass.value).then(
      async () => {
        say(t('Logged in'), 'ok');
        await signedIn(user.value);
      },
      (err: Error & { code?: string }) => say(`${t('Login failed')}：${errorText(t, err)}`, 'error'),
    );
  });
  container.append(form);
  // After a reload the kept token still logs the page in.
  void api.whoAmI().then((name) => (name ? signedIn(name) : undefined));
}
