/**
 * After the decision, on the case page: issuing the certificate (统一发证, with its A4 preview first), the
 * delivery of the result (送达: pickup, express with the tracking number, or online; 行政许可法 第44条), and the
 * rectification a poor evaluation opened (整改).
 */
import { el, field, keyed, say, select } from '../../ui/dom.js';
import { certificateHtml } from '../../ui/print.js';
import { group, type CaseActionModule } from './kit.js';
import { feeBalance } from '../case-fees.js';
import { isIssueStep } from './steps.js';

/**
 * The certificate on the case page once the decision grants the licence. The approving decision generates and
 * seals it (行政许可法 第44条: the certificate is issued within 10 days of the decision), so staff see the
 * generated certificate in its A4 layout; where it is not generated yet (an item whose certificate step comes
 * later, or fees still due, 第58条), they preview it and issue it by hand.
 */
export const certificateActions: CaseActionModule = (kit) => {
  const { t } = kit.ctx;
  const { c } = kit;
  const delivered = (c as { delivery?: unknown }).delivery;
  if (!c.decision || c.decision.outcome === 'refused' || delivered) return undefined;
  const frame = el('iframe', { id: 'certificate-preview', class: 'a4', title: t('Certificate preview'), sandbox: '', hidden: true });
  const preview = el('button', { type: 'button', id: 'preview-certificate' }, c.certificate ? t('View the certificate') : t('Preview the certificate'));
  if (c.certificate) {
    preview.addEventListener('click', () => { frame.srcdoc = certificateHtml(t, c); frame.hidden = false; });
    const line = el('p', { id: 'certificate-number' }, `${t('Certificate number')}：${c.certificate.number}`);
    return group('certificate-issued', t('Certificate generated'), line, preview, frame);
  }
  // 行政许可法 第58条 and the item's fee basis: the certificate follows the payment of the fees still due, which
  // generates it; until then there is nothing to issue by hand.
  if (feeBalance(c).due > 0) {
    return group('certificate-waiting', t('Certificate issuance'), el('p', { class: 'notice', id: 'certificate-waits' }, t('The certificate is generated once the applicant has paid the fees in full.')));
  }
  const issue = kit.run('issue-certificate', t('Issue the certificate'), '/certificate', () => ({}), { primary: true });
  issue.hidden = true;
  preview.addEventListener('click', () => {
    frame.srcdoc = certificateHtml(t, c);
    frame.hidden = false;
    issue.hidden = false;
  });
  return group('certificate-actions', t('Certificate issuance'), el('p', {}, t('Preview the e-certificate, then issue it to the certificate library.')), preview, ' ', issue, frame);
};

/** Delivery of the result: once decided (and, when granted, the certificate issued and the issue step done), once. */
export const deliveryActions: CaseActionModule = (kit) => {
  const { t } = kit.ctx;
  const { c } = kit;
  const done = c as typeof c & { delivery?: { method: string; trackingNumber?: string; carrier?: string; at: string }; deliveryMethods?: string[] };
  if (!c.decision || done.delivery || (c.decision.outcome !== 'refused' && !c.certificate)) return undefined;
  // The result is handed over once the issue step (制证/发证) is done: while it is open, the step is the action
  if ((c.openTasks ?? []).some(isIssueStep)) return undefined;
  const methods = done.deliveryMethods?.length ? done.deliveryMethods : ['pickup', 'express', 'online'];
  const method = select('delivery-method', methods.map((m) => [m, keyed(t, 'delivery', m)]));
  const tracking = el('input', { id: 'delivery-tracking', placeholder: t('Tracking number') });
  const carrier = el('input', { id: 'delivery-carrier', placeholder: t('Carrier (e.g. EMS)') });
  const express = el('div', { class: 'express' }, field(t('Tracking number'), tracking), field(t('Carrier'), carrier));
  const sync = () => { express.hidden = method.value !== 'express'; };
  method.addEventListener('change', sync);
  sync();
  return group('delivery-actions', t('Delivery'), field(t('Method'), method), express,
    kit.run('record-delivery', t('Record the delivery'), '/delivery', () => {
      if (method.value !== 'express') return { method: method.value };
      if (!tracking.value.trim()) { say(t('Enter the tracking number'), 'error'); tracking.focus(); return undefined; }
      return { method: 'express', trackingNumber: tracking.value.trim(), ...(carrier.value.trim() ? { carrier: carrier.value.trim() } : {}) };
    }, { primary: true }));
};

/** The rectification a grade of 4 or 5 opened: what was done about it. */
export const rectificationActions: CaseActionModule = (kit) => {
  const { t } = kit.ctx;
  const r = (kit.c as { rectification?: { openedAt: string; due?: { date: string }; completedAt?: string; note?: string } }).rectification;
  if (!r || r.completedAt) return undefined;
  const note = el('textarea', { id: 'rectification-note', rows: 3, placeholder: t('What was rectified, and how the applicant was answered') });
  return group('rectification-actions', t('Rectification'),
    el('p', { class: 'notice' }, t('A poor evaluation opened a rectification; due {date}.', { date: r.due?.date ?? '—' })),
    field(t('Rectification note'), note),
    kit.run('complete-rectification', t('Complete the rectification'), '/rectification', () => {
      if (!note.value.trim()) { say(t('Write what was rectified'), 'error'); note.focus(); return undefined; }
      return { note: note.value.trim() };
    }, { primary: true }));
};

/**
 * 撤销行政许可 (行政许可法 第69条): the admin of the department that granted the licence revokes it, with the
 * reason and the legal basis; the certificate then verifies as revoked. Shown only to that admin, on a
 * concluded case whose decision granted it.
 */
export const revocationActions: CaseActionModule = (kit) => {
  const { t } = kit.ctx;
  const { c } = kit;
  const me = kit.ctx.me?.();
  const lead = (c as { department?: string }).department;
  if (c.phase !== 'concluded' || !c.decision || c.decision.outcome === 'refused') return undefined;
  if (!me?.roles.includes('department-admin') || me.department !== lead) return undefined;
  const reason = el('textarea', { id: 'revocation-reason', rows: 3, placeholder: t('Why the licence is revoked (e.g. obtained by deception)') });
  const basis = el('input', { id: 'revocation-basis', value: t('Administrative Licensing Law, article 69') });
  return group('revocation-actions', t('Revoke the licence'),
    el('p', { class: 'notice' }, t('Revoking ends the licence: its certificate verifies as revoked from now on.')),
    field(t('Reason of the revocation'), reason), field(t('Legal basis'), basis),
    kit.run('revoke-licence', t('Revoke the licence'), '/revocation', () => {
      if (!reason.value.trim()) { say(t('Write why the licence is revoked'), 'error'); reason.focus(); return undefined; }
      if (!basis.value.trim()) { say(t('Give the legal basis of the revocation'), 'error'); basis.focus(); return undefined; }
      return { reason: reason.value.trim(), basis: basis.value.trim() };
    }));
};
