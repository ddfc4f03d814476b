/**
 * The e-certificate (电子证照) and the decision letter (准予/不予行政许可决定书) as A4 print layouts, made from
 * the case detail: the console previews the certificate before issuing it, the applicant views and prints
 * both. Every text comes from the dictionary; the seal is a placeholder until the seal service signs.
 */
import type { CaseDetail } from './api-types.js';
import { keyed, type T } from './dom.js';
import { day } from './format.js';

const escape = (s: unknown): string => String(s ?? '').replace(/[&<>"]/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;' })[c]!);

/** A4 page with a title, lines of `label：value`, and a closing line with the seal. */
function a4(title: string, lines: [string, string][], closing: string, seal: string): string {
  return `<!doctype html><html lang="zh-CN"><head><meta charset="utf-8"><title>${escape(title)}</title><style>
@page { size: A4; margin: 25mm 20mm; }
body { font-family: "SimSun", "Songti SC", serif; max-width: 170mm; margin: 12mm auto; color: #111; line-height: 1.9; }
h1 { text-align: center; font-size: 22pt; letter-spacing: .3em; margin: 0 0 12mm; }
dl { display: grid; grid-template-columns: 36mm 1fr; gap: 2mm 4mm; font-size: 13pt; }
dt { font-weight: bold; } dd { margin: 0; }
.closing { margin-top: 16mm; text-align: right; font-size: 13pt; }
.seal { display: inline-block; border: 2px solid #c00; color: #c00; border-radius: 50%; padding: 8mm 6mm; margin-top: 4mm; }
</style></head><body><h1>${escape(title)}</h1><dl>${lines.map(([k, v]) => `<dt>${escape(k)}</dt><dd>${escape(v)}</dd>`).join('')}</dl>
<p class="closing">${escape(closing)}<br><span class="seal">${escape(seal)}</span></p></body></html>`;
}

/** The certificate of case `c`; before issuance (a preview) the number reads as to be assigned. */
export function certificateHtml(t: T, c: CaseDetail): string {
  const cert = c.certificate as (CaseDetail['certificate'] & { holder?: string; issuer?: string; validFrom?: string; validUntil?: string; seal?: { kind?: string; signer?: string; algorithm?: string; keyId?: string } }) | undefined;
  return a4(cert?.name ?? c.item?.name ?? t('E-certificate'), [
    [t('Certificate number'), cert?.number ?? t('(assigned on issuance)')],
    [t('Holder'), cert?.holder ?? c.applicant?.name ?? '—'],
    [t('Item'), c.item?.name ?? c.itemCode ?? '—'],
    [t('Case number'), c.caseNo],
    [t('Valid from'), cert?.validFrom ?? (cert?.issuedAt ? day(cert.issuedAt) : t('(the day of issuance)'))],
    ...(cert?.validUntil ? [[t('Valid until'), cert.validUntil] as [string, string]] : []),
  ], `${cert?.issuer ?? c.item?.department ?? ''}　${cert?.issuedAt ? day(cert.issuedAt) : ''}`, sealLine(t, cert?.seal));
}

/** The seal's line: the signer, algorithm and key id of a sealed certificate, else the seal's placeholder. */
function sealLine(t: T, seal: { kind?: string; signer?: string; algorithm?: string; keyId?: string } | undefined): string {
  if (seal?.kind !== 'e-seal') return t('E-seal');
  return `${t('E-seal')} ${seal.signer ?? ''} ${seal.algorithm ?? ''} ${seal.keyId ?? ''}`.trim();
}

/** The decision letter of case `c` (准予 or 不予行政许可决定书, 行政许可法 第38条). */
export function decisionHtml(t: T, c: CaseDetail): string {
  const d = c.decision!;
  return a4(d.outcome === 'refused' ? t('Decision not to grant the licence') : t('Decision to grant the licence'), [
    [t('Case number'), c.caseNo],
    [t('Applicant'), c.applicant?.name ?? '—'],
    [t('Item'), c.item?.name ?? c.itemCode ?? '—'],
    [t('Decision'), keyed(t, 'decision', d.outcome)],
    [t('Opinion'), d.opinion ?? '—'],
    [t('Decided on'), day(d.decidedAt)],
    ...(d.outcome === 'refused' ? [[t('Remedies'), t('You may apply for administrative reconsideration within 60 days or bring an administrative suit within 6 months.')] as [string, string]] : []),
  ], `${c.item?.department ?? ''}　${day(d.decidedAt)}`, t('Seal'));
}
