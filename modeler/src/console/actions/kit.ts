/**
 * What every action of the case page is built from: the case, its API base, a button that posts a command
 * and reloads the page (the confirmation kept in the status line), and a group box with a heading.
 */
import type { CaseDetail } from '../../ui/api-types.js';
import { el, errorText, say } from '../../ui/dom.js';
import type { ConsoleContext } from '../context.js';

/** The tools an action module gets. */
export interface ActionKit {
  ctx: ConsoleContext;
  c: CaseDetail;
  /** `/api/cases/<caseNo>`. */
  base: string;
  /** Renders the case page again after a command succeeded. */
  reload: () => void;
  /** A button `id` labelled `label` that posts `body()` to `base + path`; a body of `undefined` stops it (checks failed). */
  run(id: string, label: string, path: string, body: () => unknown, options?: { primary?: boolean }): HTMLButtonElement;
}

/**
 * One action of the case page: a group of controls, or nothing when it does not apply to the case now.
 * The page shows every module's group in order; a new action is a new module in {@link CASE_ACTIONS}.
 */
export type CaseActionModule = (kit: ActionKit) => HTMLElement | undefined | Promise<HTMLElement | undefined>;

/** The kit of case `c`. */
export function actionKit(ctx: ConsoleContext, c: CaseDetail, reload: () => void): ActionKit {
  const { t, http } = ctx;
  const base = `/api/cases/${encodeURIComponent(c.caseNo)}`;
  return {
    ctx, c, base, reload,
    run(id, label, path, body, options = {}) {
      const button = el('button', { type: 'button', id, class: options.primary ? 'action primary' : 'action' }, label);
      button.addEventListener('click', () => {
        const payload = body();
        if (payload === undefined) return;
        button.disabled = true;
        http.post(`${base}${path}`, payload).then(
          () => { say(t('{action}: done', { action: label }), 'ok'); reload(); },
          (err: Error) => { button.disabled = false; say(`${label}：${errorText(t, err)}`, 'error'); });
      });
      return button;
    },
  };
}

/** A titled group of controls. */
export function group(id: string, title: string, ...children: (Node | string)[]): HTMLElement {
  return el('div', { class: 'action-group', id }, el('h3', {}, title), ...children);
}
