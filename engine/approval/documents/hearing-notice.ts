/**
 * The hearing documents (行政许可法 第47条, 第48条): 听证告知书, the right to request a hearing within its
 * period; 听证通知书, the time and place, given at least 7 working days before the hearing.
 */
import type { ApprovalState } from '../state.js';
import { chineseDate, esc, page } from './html.js';

/** 听证告知书: the right to a hearing and the last day to request it (第47条). */
export function renderHearingRightNotice(s: ApprovalState): string {
  const h = s.hearing;
  if (!h) throw new Error(`Case '${s.caseNo}' has no notice of the right to a hearing`);
  const body = `<p>你（单位）申请的“${esc(s.item.name)}”（受理编号${esc(s.caseNo)}），因<span data-field="reason">${esc(h.reason)}</span>，直接涉及申请人与他人之间重大利益关系。</p>
<p>依据${esc(h.basis)}及《中华人民共和国行政许可法》第四十七条，你（单位）及利害关系人享有要求听证的权利。</p>
<p>如要求听证，请于<strong data-field="requestBy">${esc(chineseDate(h.requestBy.date))}</strong>前提出申请；逾期未提出的，视为放弃听证权利。</p>
<p>听证所需时间不计算在审批期限内（行政许可法第四十五条）。</p>`;
  return page(s, { title: '听证告知书', docNo: `听证告知（${s.caseNo}）`, body, date: h.notifiedOn });
}

/** 听证通知书: the time and place in force (第48条第1款第1项), the latest notice. */
export function renderHearingNotice(s: ApprovalState): string {
  const h = s.hearing;
  const n = h?.notices.at(-1);
  if (!h || !n) throw new Error(`Case '${s.caseNo}' has no notice of a hearing's time and place`);
  const moved = h.notices.length > 1 ? `<p>本通知取代${esc(chineseDate(h.notices.at(-2)!.day))}听证的通知。</p>` : '';
  const body = `<p>根据你（单位）的听证申请，本机关定于<strong data-field="day">${esc(chineseDate(n.day))}</strong>${n.time ? `<span data-field="time">${esc(n.time)}</span>` : ''}在<strong data-field="place">${esc(n.place)}</strong>举行听证，公开进行。</p>
${moved}<p>依据《中华人民共和国行政许可法》第四十八条，本通知于听证七日前送达；听证应于<span data-field="holdBy">${esc(chineseDate(h.holdBy!.date))}</span>前举行。</p>
<p>申请人、利害关系人可以提出证据，并进行申辩和质证；认为主持人与该行政许可事项有直接利害关系的，有权申请回避。</p>`;
  return page(s, { title: '听证通知书', docNo: `听证通知（${s.caseNo}）`, body, date: n.noticeOn });
}
