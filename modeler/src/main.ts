/**
 * The page: header with tabs and login, the modeler tab and the rule-table tab. `?lang=en` shows the
 * English source texts instead of the zh-CN dictionary.
 */
import { ApiClient } from './api/client.js';
import { createModeler } from './app/create-modeler.js';
import { mountLogin } from './app/login.js';
import { mountModelerPage } from './app/modeler-page.js';
import { createTranslate } from './i18n/translate.js';
import { mountRulesPage } from './rules/rules-page.js';

const locale = new URLSearchParams(location.search).get('lang') ?? 'zh-CN';
const t = createTranslate(locale);
document.documentElement.lang = locale.startsWith('zh') ? 'zh-CN' : 'en';
document.title = t('Shenpi modeler');

for (const node of document.querySelectorAll<HTMLElement>('[data-t]')) node.textContent = t(node.dataset.t!);

const api = new ApiClient();
const modeler = createModeler({
  canvas: document.getElementById('canvas')!,
  properties: document.getElementById('properties')!,
  locale,
});
const page = mountModelerPage(document.getElementById('modeler-view')!, modeler, api, t);
mountRulesPage(document.getElementById('rules-view')!, api, t, () => (document.getElementById('item-code') as HTMLInputElement).value);
mountLogin(document.getElementById('login-slot')!, api, t, () => page.refreshItems());

for (const tab of document.querySelectorAll<HTMLButtonElement>('.tabs button')) {
  tab.addEventListener('click', () => {
    for (const other of document.querySelectorAll<HTMLButtonElement>('.tabs button')) other.classList.toggle('active', other === tab);
    for (const view of document.querySelectorAll<HTMLElement>('.view')) view.hidden = view.id !== tab.dataset.view;
  });
}

/** For the browser tests and for debugging in the console. */
(window as unknown as { shenpi: unknown }).shenpi = { modeler, api, refreshItems: () => page.refreshItems() };
