/** 延长审批期限告知书 (行政许可法 第42条): the one extension, its reason and the new dates, told to the applicant. */
import type { ApprovalState } from '../state.js';
import { chineseDate, documentDay, esc, page, unitText } from './html.js';

/** Renders the extension notice of an extended case as a printable HTML page. */
export function renderExtensionNotice(s: ApprovalState): string {
  const x = s.extension;
  const d = s.deadlines;
  if (!x || !d) throw new Error(`Case '${s.caseNo}' was not extended: it has no extension notice`);
  const promisedMoved = d.promised.basis.extension !== undefined;
  const body = `<p>你（单位）申请的“${esc(s.item.name)}”（受理编号${esc(s.caseNo)}），因<span data-field="reason">${esc(x.reason)}</span>，本机关不能在法定期限内作出决定。</p>
<p>经本机关负责人批准，依据${esc(x.article)}，审批期限延长<strong data-field="extension">${x.extension.value}个${unitText(x.extension.unit)}</strong>。</p>
<p>延长后的法定办结日期：<strong data-field="statutoryDate">${esc(chineseDate(d.statutory.date))}</strong></p>
<p>承诺办结日期：<strong data-field="promisedDate">${esc(chineseDate(d.promised.date))}</strong>${promisedMoved ? '（随法定期限同步延长）' : '（不变）'}</p>
<p>审批期限只能延长一次。凭受理编号可随时查询办理进度。</p>`;
  return page(s, { title: '延长审批期限告知书', docNo: `延期告知（${s.caseNo}）`, body, date: documentDay(x.at) });
}

