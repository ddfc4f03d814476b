/**
 * The applicant's case page (我的办件): where the case stands, the correction notice with re-upload, the fees
 * and payment, the documents, the result and the evaluation after completion.
 */
import { caseDetail } from '../console/case-page.js';
import { documentsSection } from '../console/case-sections.js';
import type { CaseDetail } from '../ui/api-types.js';
import { el, keyed, say, section, type T } from '../ui/dom.js';
import { dateTime, yuan } from '../ui/format.js';
import type { PortalContext } from './context.js';
import { chosenFiles, materialsForm, uploadInputs } from './materials.js';
import { payAndConfirm, paymentProvider } from './payment.js';

/** The steps shown on the progress bar and whether the case has reached each. */
export function progressSteps(c: CaseDetail): { key: string; done: boolean }[] {
  return [
    { key: 'applied', done: true },
    { key: 'accepted', done: !!c.acceptance },
    { key: 'handling', done: !!c.acceptance && (c.phase === 'handling' || !!c.decision) },
    { key: 'concluded', done: !!c.decision || !!c.concludedAt || c.phase === 'concluded' },
  ];
}

function progressBar(t: T, c: CaseDetail): HTMLElement {
  return el('ol', { class: 'progress', id: 'progress' }, ...progressSteps(c).map((s) => el('li', { class: s.done ? 'done' : '', 'data-step': s.key }, keyed(t, 'progress', s.key))));
}

function correctionSection(ctx: PortalContext, c: CaseDetail, reload: () => void): HTMLElement | undefined {
  const { t, http } = ctx;
  const open = (c.corrections ?? []).find((x) => !x.suppliedAt);
  if (!open || c.acceptance || c.rejection) return undefined;
  const names = new Map((c.requiredMaterials ?? []).map((m) => [m.material, m.name]));
  const asked = open.items.map((i) => ({ material: i.code, name: names.get(i.code) ?? i.code, source: 'applicant' }));
  const send = el('button', { type: 'button', class: 'primary', id: 'send-correction' }, t('Send the corrected materials'));
  const box = el('div', { class: 'correction', id: 'correction' },
    el('p', {}, t('Correction notice of {date}: please supply everything below at once.', { date: dateTime(open.issuedAt) })),
    el('ul', { id: 'correction-items' }, ...open.items.map((i) => el('li', { 'data-code': i.code }, `${names.get(i.code) ?? i.code}：${i.reason}`))),
    uploadInputs(t, asked.filter((a) => names.has(a.material))), send);
  send.addEventListener('click', () => {
    send.disabled = true;
    const base = `/api/cases/${encodeURIComponent(c.caseNo)}`;
    // The files are uploaded first (checked and stored); the supply then hands every pending upload to the case.
    http.upload(`${base}/materials`, materialsForm(chosenFiles(box))).then(() => http.post(`${base}/correction`, {})).then(
      () => { say(t('Corrected materials sent'), 'ok'); reload(); },
      (err: Error) => { send.disabled = false; say(err.message, 'error'); });
  });
  return section(t('Correction'), box);
}

function paymentSection(ctx: PortalContext, c: CaseDetail, reload: () => void): HTMLElement | undefined {
  const { t, http } = ctx;
  if (!c.fees || c.fees.total <= 0) return undefined;
  const paid = (c.fees.payments ?? []).reduce((s, p) => s + p.amount, 0);
  const due = Math.max(0, c.fees.total - paid);
  const pay = el('button', { type: 'button', class: 'primary', id: 'pay' }, t('Pay {amount}', { amount: yuan(due) }));
  const confirmBox = el('div', { id: 'payment-confirm', class: 'confirm', hidden: true });
  const confirm = (request: { amount: number }) => new Promise<boolean>((resolve) => {
    const yes = el('button', { type: 'button', class: 'primary', id: 'payment-ok' }, t('Confirm payment'));
    const no = el('button', { type: 'button', id: 'payment-cancel' }, t('Cancel'));
    yes.addEventListener('click', () => { confirmBox.hidden = true; resolve(true); });
    no.addEventListener('click', () => { confirmBox.hidden = true; resolve(false); });
    confirmBox.replaceChildren(el('p', {}, t('Simulated payment platform: pay {amount}?', { amount: yuan(request.amount) })), yes, ' ', no);
    confirmBox.hidden = false;
  });
  pay.addEventListener('click', () => {
    payAndConfirm(http, paymentProvider(confirm), { caseNo: c.caseNo, amount: due, description: c.item?.name ?? c.caseNo }).then(
      (receipt) => { say(t('Paid: {reference}', { reference: receipt.reference }), 'ok'); reload(); },
      (err: Error) => say(err.message, 'error'));
  });
  return section(t('Fees'), el('p', { id: 'fees-due' }, `${t('Total')} ${yuan(c.fees.total)} · ${t('Paid')} ${yuan(paid)}`),
    ...(c.fees.payments ?? []).map((p) => el('p', { class: 'receipt' }, `${dateTime(p.at)} ${yuan(p.amount)} ${p.reference}`)),
    ...(due > 0 ? [pay, confirmBox] : []));
}

function evaluationSection(ctx: PortalContext, c: CaseDetail, reload: () => void): HTMLElement | undefined {
  const { t, http } = ctx;
  if (c.evaluation) return section(t('Evaluation'), el('p', { id: 'evaluation' }, `${keyed(t, 'grade', c.evaluation.grade)}${c.evaluation.comment ? `：${c.evaluation.comment}` : ''}`));
  if (!c.decision && !c.concludedAt) return undefined;
  const comment = el('textarea', { id: 'evaluation-comment', rows: 2, placeholder: t('Your comment (optional)') });
  const grades = el('div', { class: 'grades', role: 'radiogroup' }, ...[1, 2, 3, 4, 5].map((g) => el('label', {},
    el('input', { type: 'radio', name: 'grade', value: g, ...(g === 1 ? { checked: true } : {}) }), keyed(t, 'grade', g))));
  const send = el('button', { type: 'button', class: 'primary', id: 'send-evaluation' }, t('Send evaluation'));
  send.addEventListener('click', () => {
    const grade = Number((grades.querySelector('input:checked') as HTMLInputElement).value);
    http.post(`/api/cases/${encodeURIComponent(c.caseNo)}/evaluation`, { grade, ...(comment.value ? { comment: comment.value } : {}) }).then(
      () => { say(t('Thank you for your evaluation'), 'ok'); reload(); }, (err: Error) => say(err.message, 'error'));
  });
  return section(t('Evaluation'), grades, comment, send);
}

/** Renders the applicant's page of case `caseNo`. */
export async function casePage(ctx: PortalContext, caseNo: string): Promise<HTMLElement> {
  const { t, http } = ctx;
  const c = caseDetail(await http.get<Record<string, any>>(`/api/cases/${encodeURIComponent(caseNo)}`));
  const reload = () => void (window as any).shenpi.render();
  const result = c.decision
    ? el('p', { id: 'result' }, `${keyed(t, 'decision', c.decision.outcome)} · ${dateTime(c.decision.decidedAt)}${c.certificate ? ` · ${t('Certificate')} ${c.certificate.number}` : ''}`)
    : undefined;
  return el('div', { class: 'page', id: 'portal-case', 'data-case': c.caseNo },
    el('h1', {}, `${t('Case')} ${c.caseNo}`),
    el('p', { class: 'item-meta' }, `${c.item?.name ?? c.itemCode ?? ''} · ${t('Received')} ${dateTime(c.receivedAt)}`),
    el('p', {}, `${t('Status')}：`, el('strong', { id: 'case-status', 'data-status': String(c.status ?? '') }, keyed(t, 'status', c.status)),
      c.deadlines?.promised ? ` · ${t('Promised by')} ${c.deadlines.promised.date}` : ''),
    progressBar(t, c),
    ...[correctionSection(ctx, c, reload), paymentSection(ctx, c, reload)].filter((x): x is HTMLElement => !!x),
    ...(result ? [section(t('Result'), result)] : []),
    documentsSection(t, http, c),
    ...[evaluationSection(ctx, c, reload)].filter((x): x is HTMLElement => !!x));
}
