/**
 * 特别程序告知书 (行政许可法 第45条): the special procedure, its reason (in Chinese by its code when the engine
 * wrote it, as for a requested hearing), basis and expected duration, told to the applicant in writing, with whether its time counts toward the limits (GB/T 39046 A.7 kind 2).
 */
import { timelineWhyText } from '../../../contracts/messages/timeline.js';
import type { ApprovalState } from '../state.js';
import { chineseDate, documentDay, esc, limitText, page } from './html.js';

/** The Chinese name of each special procedure type (catalogue codes). */
export const PROCEDURE_NAMES: Readonly<Record<string, string>> = {
  HEARING: '听证', BID: '招标', AUCTION: '拍卖', INSPECT_TEST: '检验检测', APPRAISAL: '鉴定', EXPERT: '专家评审',
  PUBLIC_NOTICE: '公示', SITE_CHECK: '现场核查', APPLICANT_RECTIFY: '申请人整改',
};

/** Renders the notice of special procedure `id` (the latest when absent). */
export function renderSpecialProcedureNotice(s: ApprovalState, id?: string): string {
  const entry = id === undefined ? s.ledger.at(-1) : s.ledger.find((e) => e.id === id);
  if (!entry) throw new Error(`Case '${s.caseNo}' has no special procedure${id === undefined ? '' : ` '${id}'`}`);
  const name = PROCEDURE_NAMES[entry.type] ?? entry.type;
  const counted = entry.pauses.statutory || entry.pauses.promised
    ? `所需时间不计算在${entry.pauses.statutory && entry.pauses.promised ? '法定和承诺' : entry.pauses.statutory ? '法定' : '承诺'}办结期限内（${esc(entry.pauseBasis)}）。`
    : '所需时间计算在办结期限内。';
  const body = `<p>你（单位）申请的“${esc(s.item.name)}”（受理编号${esc(s.caseNo)}），需要进行<strong data-field="procedure">${esc(name)}</strong>。</p>
<p>启动理由：<span data-field="reason">${esc((entry.reasonCode ? timelineWhyText(entry.reasonCode, entry.reasonParams) : undefined) ?? entry.reason ?? '')}</span></p>
<p>依据：<span data-field="basis">${esc(entry.basis ?? '')}</span></p>
<p>开始日期：<span data-field="start">${esc(chineseDate(entry.start))}</span>；预计所需时间：<strong data-field="expectedDuration">${entry.expectedDuration ? esc(limitText(entry.expectedDuration)) : '—'}</strong>${entry.expectedEnd ? `，预计于<strong data-field="expectedEnd">${esc(chineseDate(entry.expectedEnd))}</strong>结束` : ''}。</p>
<p>${counted}特别程序类型：延长审批以外的情形（GB/T 39046 A.7 代码2）。</p>`;
  return page(s, { title: '特别程序告知书', docNo: `特别程序告知（${s.caseNo}-${entry.id}）`, body, date: documentDay(entry.start) });
}
