/**
 * The actions section of the case page: every action module of {@link CASE_ACTIONS} that applies to the case
 * now, for this user, in one place.
 */
import type { CaseDetail } from '../ui/api-types.js';
import { el, section } from '../ui/dom.js';
import { CASE_ACTIONS } from './actions/index.js';
import { actionKit } from './actions/kit.js';
import type { ConsoleContext } from './context.js';

/** The actions section; `reload` renders the page again after a command succeeded. */
export async function actionsSection(ctx: ConsoleContext, c: CaseDetail, reload: () => void): Promise<HTMLElement> {
  const kit = actionKit(ctx, c, reload);
  const groups = (await Promise.all(CASE_ACTIONS.map((m) => m(kit)))).filter((g): g is HTMLElement => !!g);
  const s = section(ctx.t('Actions'), ...(groups.length ? groups : [el('p', {}, ctx.t('No action on this case now'))]));
  s.id = 'actions';
  return s;
}
