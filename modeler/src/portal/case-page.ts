/**
 * The applicant's case page (我的办件): where the case stands, the correction notice with re-upload, the fees
 * and payment, the documents, the result and the evaluation after completion.
 */
import { caseDetail } from '../console/case-page.js';
import { documentsSection } from '../console/case-sections.js';
import type { CaseDetail, CaseDetailBody } from '../ui/api-types.js';
import { el, errorText, keyed, say, section, type T } from '../ui/dom.js';
import { certificateHtml, decisionHtml } from '../ui/print.js';
import { filePick } from '../ui/file-pick.js';
import { pausedClockLine } from '../ui/paused-clock.js';
import { dateTime, yuan } from '../ui/format.js';
import type { PortalContext } from './context.js';
import { chosenFiles, materialsForm } from './materials.js';
import { payAndConfirm, paymentProvider } from './payment.js';

/** The steps shown on the progress bar and whether the case has reached each. */
export function progressSteps(c: CaseDetail): { key: string; done: boolean }[] {
  return [
    { key: 'applied', done: true },
    { key: 'accepted', done: !!c.acceptance },
    { key: 'handling', done: !!c.acceptance && (c.phase === 'handling' || !!c.decision) },
    // 办结 is the case concluded (the engine's case.concluded), not the decision: the result is still to be handed over.
    { key: 'concluded', done: !!c.concludedAt || c.phase === 'concluded' },
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
  // Exactly the notice's materials, each with its reason and its own upload.
  const rows = open.items.map((i) => el('li', { 'data-code': i.code, class: 'correction-item' },
    el('strong', {}, names.get(i.code) ?? i.reason), names.has(i.code) ? el('small', { class: 'reason' }, `${t('Why')}：${i.reason}`) : '',
    names.has(i.code) ? filePick(t, { 'data-material': i.code, accept: '.pdf,.jpg,.jpeg,.png,.ofd', 'aria-label': names.get(i.code)! }) : ''));
  const send = el('button', { type: 'button', class: 'primary', id: 'send-correction' }, t('Send the corrected materials'));
  const box = el('div', { class: 'correction', id: 'correction' },
    el('p', {}, t('Correction notice of {date}: please supply everything below at once.', { date: dateTime(open.issuedAt) })),
    el('ul', { id: 'correction-items' }, ...rows), send);
  send.addEventListener('click', () => {
    const files = chosenFiles(box);
    const missing = open.items.filter((i) => names.has(i.code) && !files.some((f) => f.material === i.code));
    if (missing.length) {
      say(t('Choose a file for each material: {names}', { names: missing.map((i) => names.get(i.code)).join('、') }), 'error');
      return;
    }
    send.disabled = true;
    const base = `/api/cases/${encodeURIComponent(c.caseNo)}`;
    // The files are uploaded first (checked and stored); the supply then hands every pending upload to the case.
    (files.length ? http.upload(`${base}/materials`, materialsForm(files)) : Promise.resolve()).then(() => http.post(`${base}/correction`, {})).then(
      () => { say(t('Corrected materials sent'), 'ok'); reload(); },
      (err: Error) => { send.disabled = false; say(errorText(t, err), 'error'); });
  });
  return section(t('Correction'), box);
}

/**
 * A correction asked during handling (驳回 to the applicant): the department's reason, one upload per
 * material the applicant chooses to send again, and the resubmission.
 */
function handlingCorrectionSection(ctx: PortalContext, c: CaseDetail, reload: () => void): HTMLElement | undefined {
  const { t, http } = ctx;
  const asked = (c as { handlingCorrection?: { reason: string; requestedOn: string; resubmittedOn?: string } }).handlingCorrection;
  if (!asked || asked.resubmittedOn || c.phase !== 'handling') return undefined;
  const rows = (c.requiredMaterials ?? []).map((m) => el('li', { 'data-code': m.material, class: 'correction-item' },
    el('strong', {}, m.name ?? m.material), filePick(t, { 'data-material': m.material, accept: '.pdf,.jpg,.jpeg,.png,.ofd', 'aria-label': m.name ?? m.material })));
  const send = el('button', { type: 'button', class: 'primary', id: 'send-resubmission' }, t('Send the corrected materials'));
  const box = el('div', { class: 'correction', id: 'handling-correction' },
    el('p', {}, t('On {date} the department asked you to correct: {reason}', { date: asked.requestedOn, reason: asked.reason })),
    el('ul', {}, ...rows), send);
  send.addEventListener('click', () => {
    const files = chosenFiles(box);
    if (!files.length) { say(t('Choose at least one corrected file'), 'error'); return; }
    send.disabled = true;
    const base = `/api/cases/${encodeURIComponent(c.caseNo)}`;
    http.upload(`${base}/materials`, materialsForm(files)).then(() => http.post(`${base}/correction`, {})).then(
      () => { say(t('Corrected materials sent'), 'ok'); reload(); },
      (err: Error) => { send.disabled = false; say(errorText(t, err), 'error'); });
  });
  return section(t('Correction'), box);
}

/** Withdrawal (撤回) with the reason, while the case is not yet decided. */
function withdrawSection(ctx: PortalContext, c: CaseDetail, reload: () => void): HTMLElement | undefined {
  const { t, http } = ctx;
  if (c.decision || c.rejection || ['withdrawn', 'concluded', 'revoked', 'rejected'].includes(c.phase ?? '') || (c as { withdrawal?: unknown }).withdrawal) return undefined;
  const reason = el('input', { id: 'withdraw-reason', placeholder: t('Why you withdraw (told to the department)') });
  const send = el('button', { type: 'button', id: 'withdraw' }, t('Withdraw the application'));
  send.addEventListener('click', () => {
    if (!reason.value.trim()) { say(t('Give the reason for withdrawing'), 'error'); reason.focus(); return; }
    send.disabled = true;
    http.post(`/api/cases/${encodeURIComponent(c.caseNo)}/withdraw`, { reason: reason.value.trim() }).then(
      () => { say(t('The application was withdrawn'), 'ok'); reload(); },
      (err: Error) => { send.disabled = false; say(errorText(t, err), 'error'); });
  });
  const details = el('details', { class: 'withdraw', id: 'withdraw-box' }, el('summary', {}, t('Withdraw the application')), reason, ' ', send);
  return details;
}

/** The acceptance receipt (受理回执): the case number, the date, the promised date and where to follow it. */
function receiptSection(t: T, c: CaseDetail): HTMLElement {
  const promised = c.deadlines?.promised?.date;
  return section(c.acceptance ? t('Acceptance receipt') : t('Receipt of the application'), el('dl', { class: 'receipt', id: 'receipt' },
    el('dt', {}, t('Case number')), el('dd', {}, c.caseNo),
    el('dt', {}, t('Item')), el('dd', {}, c.item?.name ?? '—'),
    el('dt', {}, t('Applicant')), el('dd', {}, c.applicant?.name ?? '—'),
    el('dt', {}, t('Received')), el('dd', {}, dateTime(c.receivedAt)),
    ...(c.acceptance ? [el('dt', {}, t('Accepted at')), el('dd', { id: 'accepted-at' }, dateTime(c.acceptance.acceptedAt))] : []),
    ...(promised ? [el('dt', {}, t('Promised by')), el('dd', { id: 'promised-date' }, promised)] : []),
    el('dt', {}, t('Follow it')), el('dd', {}, t('Progress query with the case number and the last four characters of your ID number'))));
}

/** In a joint approval, each department's own result (行政许可法 第26条: told to the applicant, handed out once). */
function jointResults(t: T, c: CaseDetail): HTMLElement[] {
  const branches = (c as { coDepartments?: { department: string; completedAt?: string; outcome?: string }[] }).coDepartments ?? [];
  const done = branches.filter((b) => b.completedAt);
  if (!done.length) return [];
  return [el('h3', {}, t('Results of each department')), el('ul', { id: 'joint-results', class: 'joint-results' }, ...done.map((b) => el('li', { 'data-department': b.department, 'data-outcome': b.outcome ?? '' },
    t('{department}: {outcome} ({date})', { department: b.department, outcome: keyed(t, 'joint', b.outcome ?? 'approved'), date: dateTime(b.completedAt) }))))];
}

/** The result: the decision letter and the e-certificate, each to view in the page and print. */
function resultSection(ctx: PortalContext, c: CaseDetail): HTMLElement | undefined {
  const { t } = ctx;
  if (!c.decision) return undefined;
  const delivery = (c as { delivery?: { method: string; trackingNumber?: string; carrier?: string; at: string } }).delivery;
  const frame = el('iframe', { id: 'result-frame', class: 'a4', title: t('Document'), sandbox: 'allow-modals', hidden: true });
  const show = (id: string, label: string, html: () => string) => {
    const b = el('button', { type: 'button', id }, label);
    b.addEventListener('click', () => { frame.srcdoc = html(); frame.hidden = false; });
    return b;
  };
  return section(t('Result'),
    el('p', { id: 'result' }, `${keyed(t, 'decision', c.decision.outcome)} · ${dateTime(c.decision.decidedAt)}${c.certificate ? ` · ${t('Certificate')} ${c.certificate.number}` : ''}`),
    ...(delivery ? [el('p', { id: 'delivery' }, `${t('Delivery')}：${keyed(t, 'delivery', delivery.method)}${delivery.trackingNumber ? ` · ${delivery.carrier ?? ''} ${t('Tracking number')} ${delivery.trackingNumber}` : ''} · ${dateTime(delivery.at)}`)] : []),
    ...jointResults(t, c),
    el('div', { class: 'actions' }, show('show-decision', t('Decision letter'), () => decisionHtml(t, c)),
      ...(c.certificate ? [' ', show('show-certificate', t('E-certificate'), () => certificateHtml(t, c)),
        ' ', el('a', { href: `#/verify?${new URLSearchParams({ number: c.certificate.number })}`, id: 'verify-certificate', class: 'button' }, t('Verify this certificate'))] : [])),
    frame);
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
      (err: Error) => say(errorText(t, err), 'error'));
  });
  const fees = section(t('Fees'), el('p', { id: 'fees-due' }, `${t('Total')} ${yuan(c.fees.total)} · ${t('Paid')} ${yuan(paid)}`),
    ...(c.fees.payments ?? []).map((p) => el('p', { class: 'receipt' }, `${dateTime(p.at)} ${yuan(p.amount)} ${p.reference}`)),
    // The step that waits for the payment (the item's payBefore, e.g. ITEM-05's registration) is told in words.
    ...(due > 0 && (c as { payBefore?: string }).payBefore ? [el('p', { class: 'hint', id: 'fees-before' }, t('The department goes on with the registration once the fees are paid in full.'))] : []),
    ...(due > 0 ? [pay, confirmBox] : []));
  fees.id = 'fees';
  return fees;
}

function evaluationSection(ctx: PortalContext, c: CaseDetail, reload: () => void): HTMLElement | undefined {
  const { t, http } = ctx;
  if (c.evaluation) return section(t('Evaluation'), el('p', { id: 'evaluation' }, `${keyed(t, 'grade', c.evaluation.grade)}${c.evaluation.comment ? `：${c.evaluation.comment}` : ''}`));
  // Only an invited applicant evaluates (办结 invites, 国办发〔2019〕51号: 一事一评), once: not while the result is on its way.
  if (!c.evaluationRequest) return undefined;
  const comment = el('textarea', { id: 'evaluation-comment', rows: 2, placeholder: t('Your comment (optional)') });
  // No grade is chosen for the applicant (好差评 is theirs to give).
  const grades = el('div', { class: 'grades', role: 'radiogroup' }, ...[1, 2, 3, 4, 5].map((g) => el('label', {},
    el('input', { type: 'radio', name: 'grade', value: g }), keyed(t, 'grade', g))));
  const send = el('button', { type: 'button', class: 'primary', id: 'send-evaluation' }, t('Send evaluation'));
  send.addEventListener('click', () => {
    const chosen = grades.querySelector<HTMLInputElement>('input:checked');
    if (!chosen) { say(t('Choose a grade'), 'error'); return; }
    const grade = Number(chosen.value);
    http.post(`/api/cases/${encodeURIComponent(c.caseNo)}/evaluation`, { grade, ...(comment.value ? { comment: comment.value } : {}) }).then(
      () => { say(t('Thank you for your evaluation'), 'ok'); reload(); }, (err: Error) => say(errorText(t, err), 'error'));
  });
  return section(t('Evaluation'), grades, comment, send);
}

/** Renders the applicant's page of case `caseNo`. */
export async function casePage(ctx: PortalContext, caseNo: string): Promise<HTMLElement> {
  const { t, http } = ctx;
  const c = caseDetail(await http.get<CaseDetailBody>(`/api/cases/${encodeURIComponent(caseNo)}`));
  const reload = () => void (window as any).shenpi.render();
  return el('div', { class: 'page', id: 'portal-case', 'data-case': c.caseNo },
    el('h1', {}, `${t('Case')} ${c.caseNo}`),
    el('p', { class: 'item-meta' }, `${c.item?.name ?? c.itemCode ?? ''} · ${t('Received')} ${dateTime(c.receivedAt)}`),
    el('p', {}, `${t('Status')}：`, el('strong', { id: 'case-status', 'data-status': String(c.status ?? '') }, keyed(t, 'status', c.status)),
      c.deadlines?.promised ? ` · ${t('Promised by')} ${c.deadlines.promised.date}` : ''),
    ...[pausedClockLine(t, c)].filter((x): x is HTMLElement => !!x),
    progressBar(t, c),
    ...[correctionSection(ctx, c, reload), handlingCorrectionSection(ctx, c, reload), paymentSection(ctx, c, reload), resultSection(ctx, c)].filter((x): x is HTMLElement => !!x),
    receiptSection(t, c),
    documentsSection(t, http, c),
    ...[evaluationSection(ctx, c, reload), withdrawSection(ctx, c, reload)].filter((x): x is HTMLElement => !!x));
}
