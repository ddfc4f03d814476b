/**
 * The fees of a case on the console's case page (收费): each item with its amount, the payments the applicant
 * made online, and whether the step that needs them (the item's `payBefore`, e.g. ITEM-05's registration) may
 * go ahead. The department never takes the payment itself; the applicant pays in the portal.
 */
import type { CaseDetail } from '../ui/api-types.js';
import { el, section, type T } from '../ui/dom.js';
import { dateTime, yuan } from '../ui/format.js';

/** What is paid and still due of `c`'s fees. */
export function feeBalance(c: CaseDetail): { total: number; paid: number; due: number } {
  const total = c.fees?.total ?? 0;
  const paid = (c.fees?.payments ?? []).reduce((s, p) => s + p.amount, 0);
  return { total, paid, due: Math.max(0, total - paid) };
}

/** Whether `task` is the step the fees must be paid before, and they are not paid yet. */
export function waitsForFees(c: CaseDetail, task: { elementId?: string; stage?: string }): boolean {
  const before = (c as { payBefore?: string }).payBefore;
  return before !== undefined && (task.elementId === before || task.stage === before) && feeBalance(c).due > 0;
}

/** The fees section, for a case with fees to pay; otherwise nothing. */
export function feesSection(t: T, c: CaseDetail): HTMLElement | undefined {
  if (!c.fees || c.fees.total <= 0) return undefined;
  const { total, paid, due } = feeBalance(c);
  const items = el('ul', { class: 'fee-items' }, ...(c.fees.items ?? []).map((i) => el('li', {}, `${i.item} ${yuan(i.amount)}`, i.basis ? el('small', {}, `（${i.basis}）`) : '')));
  const payments = (c.fees.payments ?? []).map((p) => el('p', { class: 'payment' }, t('Paid online {at}: {amount}, reference {reference}', { at: dateTime(p.at), amount: yuan(p.amount), reference: p.reference })));
  const state = el('p', { id: 'fees-state', class: due > 0 ? 'notice' : 'ok' },
    due > 0 ? t('Awaiting payment by the applicant: {total} due, {paid} paid', { total: yuan(total), paid: yuan(paid) }) : t('Paid in full: {total}', { total: yuan(total) }));
  const s = section(t('Fees'), state, items, ...payments);
  s.id = 'fees';
  return s;
}
