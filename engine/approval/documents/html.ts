/** The printable page every case document shares: escaped text, an A4 layout and the item's contacts. */
import { toZoned } from '../../calendar/dates.js';
import type { Limit } from '../../clocks/types.js';
import type { ApprovalState } from '../state.js';

/** The zone documents are dated in: Beijing time, like every official document of the platform. */
export const DOCUMENT_ZONE = 'Asia/Shanghai';

/** The day of an instant (or a date) in {@link DOCUMENT_ZONE}. */
export function documentDay(at: string): string {
  return toZoned(at, DOCUMENT_ZONE).date;
}

/** 工作日 or 自然日. */
export function unitText(unit: Limit['unit']): string {
  return unit === 'WD' ? '工作日' : '自然日';
}

/** A limit written out: 10个工作日. */
export function limitText(limit: Limit): string {
  return `${limit.value}个${unitText(limit.unit)}`;
}

/** Escapes text for HTML. */
export function esc(value: unknown): string {
  return String(value ?? '')
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;');
}

/** A date `YYYY-MM-DD` written the Chinese official way: 2026年3月9日. */
export function chineseDate(date: string): string {
  const [y, m, d] = date.split('-').map(Number);
  return `${y}年${m}月${d}日`;
}

/** A complete printable HTML page with the document's title, number, body and the issuer's seal area. */
export function page(s: ApprovalState, opts: { title: string; docNo: string; body: string; date: string }): string {
  const c = s.item.contacts;
  return `<!DOCTYPE html>
<html lang="zh-CN"><head><meta charset="utf-8"><title>${esc(opts.title)} ${esc(s.caseNo)}</title>
<style>@page{size:A4;margin:25mm}body{font-family:serif;line-height:1.8;max-width:170mm;margin:auto}
h1{text-align:center;font-size:22pt;letter-spacing:4pt}.no{text-align:center}.seal{text-align:right;margin-top:3em}
table{border-collapse:collapse;width:100%}td,th{border:1px solid #000;padding:4px 6px;vertical-align:top}
footer{margin-top:2em;font-size:10pt;border-top:1px solid #000}</style></head>
<body><h1>${esc(opts.title)}</h1><p class="no">${esc(opts.docNo)}</p>
<p>${esc(s.applicant.name)}：</p>
${opts.body}
<p class="seal">${esc(s.item.department)}<br>（电子印章）<br>${esc(chineseDate(opts.date))}</p>
<footer>受理编号：${esc(s.caseNo)}　咨询电话：${esc(c.consultation)}　投诉电话：${esc(c.complaint)}${c.address ? `　地址：${esc(c.address)}` : ''}</footer>
</body></html>
`;
}

/** A table of notice items: what, why and the legal basis. */
export function itemsTable(items: readonly { code: string; reason: string; basis: string | null }[]): string {
  const rows = items
    .map((i, n) => `<tr><td>${n + 1}</td><td>${esc(i.code)}</td><td>${esc(i.reason)}</td><td>${esc(i.basis ?? '')}</td></tr>`)
    .join('\n');
  return `<table><thead><tr><th>序号</th><th>编号</th><th>内容</th><th>依据</th></tr></thead><tbody>\n${rows}\n</tbody></table>`;
}
