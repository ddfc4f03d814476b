/**
 * The public certificate check (电子证照核验): anyone enters a certificate's number and sees whether it is
 * authentic and in force (valid, expired, revoked), or pastes the certificate as it was presented to them
 * (its data with the e-seal) and sees whether anything in it was changed after the issuing department sealed
 * it. The page only shows the server's verdict (GET /api/certificates/:number/verify, POST …/verify).
 */
import type { CertificateVerification as Verification } from '../../../contracts/api/certificates.js';
import { el, errorText, field, say, section, type T } from '../ui/dom.js';
import { ApiError } from '../ui/http.js';
import { go } from '../ui/router.js';
import type { PortalContext } from './context.js';

/** What a person is told: `valid`, `expired`, `revoked`, `tampered` (changed after sealing) or `unproven`. */
export type Verdict = 'valid' | 'expired' | 'revoked' | 'tampered' | 'unproven';

/** The verdict of an answer: only an authentic certificate can be valid, expired or revoked. */
export function verdictOf(v: Pick<Verification, 'authentic' | 'reason' | 'status'>): Verdict {
  if (!v.authentic) return v.reason === 'signature-mismatch' || v.reason === 'signer-mismatch' ? 'tampered' : 'unproven';
  return v.status;
}

/** The verdict block: a headline, the certificate's facts and the seal that proves them. */
function verdictBlock(t: T, v: Verification): HTMLElement {
  const verdict = verdictOf(v);
  const c = v.certificate;
  const facts: [string, string][] = c ? [
    [t('Certificate number'), c.number], [t('Certificate'), c.name], [t('Holder'), c.holder], [t('Issued by'), c.issuer],
    [t('Valid'), c.validUntil ? t('{from} to {until}', { from: c.validFrom, until: c.validUntil }) : t('from {from}', { from: c.validFrom })],
  ] : [];
  if (v.key && verdict !== 'tampered') facts.push([t('E-seal'), `${v.key.department}（${t(`algorithm.${v.key.algorithm}`)}）`]);
  return el('div', { id: 'verify-result', class: `verdict verdict-${verdict}`, 'data-verdict': verdict, role: 'status' },
    el('p', { class: 'verdict-head', id: 'verify-verdict' }, t(`verdict.${verdict}`)),
    el('p', { class: 'verdict-why', id: 'verify-why' }, t(`verdict.${verdict}.why`)),
    el('dl', { class: 'facts' }, ...facts.flatMap(([k, x]) => [el('dt', {}, k), el('dd', {}, x)])));
}

/** Renders the verification page; `?number=` checks that number at once. */
export async function verifyPage(ctx: PortalContext, query: URLSearchParams): Promise<HTMLElement> {
  const { t, http } = ctx;
  const number = el('input', { id: 'verify-number', required: true, value: query.get('number') ?? '', placeholder: t('The number printed on the certificate') });
  const byNumber = el('form', { id: 'verify-form', class: 'progress-form' },
    field(t('Certificate number'), number), el('button', { type: 'submit', class: 'primary', id: 'verify-submit' }, t('Verify')));
  byNumber.addEventListener('submit', (e) => {
    e.preventDefault();
    if (number.value.trim()) go(`/verify?${new URLSearchParams({ number: number.value.trim() })}`);
  });
  const slot = el('div', { id: 'verify-slot' });
  const show = (v: Verification) => slot.replaceChildren(verdictBlock(t, v));
  const failed = (err: Error) => {
    if (err instanceof ApiError && err.status === 404) slot.replaceChildren(el('div', { id: 'verify-result', class: 'verdict verdict-unknown', 'data-verdict': 'unknown', role: 'status' }, el('p', { class: 'verdict-head', id: 'verify-verdict' }, t('verdict.unknown'))));
    else say(errorText(t, err), 'error');
  };

  const presented = el('textarea', { id: 'verify-presented', rows: 6, placeholder: t('Paste the certificate data as it was presented (with its e-seal)') });
  const check = el('button', { type: 'button', id: 'verify-presented-submit' }, t('Check the presented certificate'));
  check.addEventListener('click', () => {
    let body: unknown;
    try {
      body = JSON.parse(presented.value);
    } catch {
      say(t('The presented certificate is not readable certificate data'), 'error');
      return;
    }
    http.post<Verification>('/api/certificates/verify', body).then(show, failed);
  });

  const page = el('div', { class: 'page', id: 'verify-page' },
    el('h1', {}, t('Certificate verification')),
    el('p', {}, t('Check whether an e-certificate was issued and sealed by its department, and whether it is still in force.')),
    byNumber, slot,
    section(t('Check a presented certificate'), presented, check));
  if (query.get('number')) await http.get<Verification>(`/api/certificates/${encodeURIComponent(query.get('number')!)}/verify`).then(show, failed);
  return page;
}
