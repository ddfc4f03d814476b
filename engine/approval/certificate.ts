/**
 * The e-certificate (电子证照): generated at the approving decision, or when the step the item names starts,
 * once the fees are paid (行政许可法 第58条: a fee the law sets is paid before the result is issued), and sealed
 * with the issuing department's key. The seal signs a canonical text of the certificate's fields, so a
 * certificate whose holder, validity or number was changed afterwards no longer verifies.
 */
import type { TaskInfo } from '../core/types.js';
import { DateTime } from 'luxon';
import type { Decider } from './decider.js';
import type { Explanation } from './events.js';
import type { ApprovalState, CertificateRecord, CertificateSeal } from './state.js';

/** What the seal covers: every field of the certificate but the seal itself, plus its case and item. */
export type CertificateContent = Omit<CertificateRecord, 'seal'>;

/**
 * The text the e-seal signs: a JSON array of the fields in a fixed order (format version 1), so that the
 * signer and any verifier build the same bytes whatever order the stored object's keys came in.
 */
export function certificateText(c: CertificateContent, at: { caseNo: string; itemCode: string }): string {
  return JSON.stringify([
    'shenpi-certificate/1', c.number, c.name, c.holder, c.issuer, c.issuedAt, c.validFrom, c.validUntil ?? null, at.caseNo, at.itemCode,
  ]);
}

/** The last day of a validity of `years` from `from` (e.g. 5 years from 2026-03-20 ends 2031-03-19). */
function validUntil(from: string, years: number): string {
  return DateTime.fromISO(from).plus({ years }).minus({ days: 1 }).toISODate()!;
}

/** The certificate number Shenpi gives when none is given: `<item code>-<year>-<last 8 of the case number>`. */
export function defaultCertificateNumber(s: Pick<ApprovalState, 'caseNo' | 'item'>, day: string): string {
  return `${s.item.code}-${day.slice(0, 4)}-${s.caseNo.slice(-8)}`;
}

/** True when every fee due has been paid. */
export function feesPaid(s: ApprovalState): boolean {
  return s.fees.payments.reduce((sum, p) => sum + p.amount, 0) >= s.fees.total;
}

/** Builds, seals and records the certificate (the checks are the caller's). */
export function recordCertificate(d: Decider, args: { number: string; holder: string; issuer: string }, why: Explanation): void {
  const s = d.approval;
  const years = s.item.result.validityYears;
  const content: CertificateContent = {
    number: args.number, name: s.item.result.name, holder: args.holder, issuer: args.issuer, issuedAt: d.ctx.now,
    validFrom: d.today, ...(years ? { validUntil: validUntil(d.today, years) } : {}),
  };
  const text = certificateText(content, { caseNo: s.caseNo, itemCode: s.item.code });
  const seal: CertificateSeal = d.ctx.sealer
    ? { kind: 'e-seal', signedAt: d.ctx.now, ...d.ctx.sealer.seal(args.issuer, text) }
    : { kind: 'unsealed', holder: args.issuer };
  const certificate: CertificateRecord = { ...content, seal };
  d.emit('certificate.issued', { certificate }, why);
  if (s.item.result.eCertificate) {
    d.effect({ type: 'action.run', action: 'push-certificate', elementId: 'certificate', input: { caseNo: s.caseNo, ...certificate } });
  }
}

/** When the item generates its certificate: at the decision (default), at the start of a named step, or by hand. */
export function issueMoment(s: ApprovalState): string {
  return s.item.result.issueAt ?? 'decision';
}

/** True when `task` is the step whose start generates the certificate. */
export function isIssueStep(s: ApprovalState, task: Pick<TaskInfo, 'elementId' | 'stage'>): boolean {
  const at = issueMoment(s);
  return at !== 'decision' && at !== 'manual' && (task.elementId === at || task.stage === at);
}

/**
 * Generates the certificate when its moment has come and nothing holds it back: an approving decision, no
 * certificate yet, and every fee paid (an unpaid fee waits for `payment.confirm`, which calls this again).
 */
export function autoIssueCertificate(d: Decider, why: Explanation): void {
  const s = d.approval;
  if (!s.decision || s.decision.outcome === 'refused' || s.certificate || !feesPaid(s)) return;
  recordCertificate(d, { number: defaultCertificateNumber(s, d.today), holder: s.applicant.name, issuer: s.item.department }, why);
}
