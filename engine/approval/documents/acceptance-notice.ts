/** 受理通知书: the dated acceptance notice with the case number and the promised completion date. */
import type { ApprovalState } from '../state.js';
import { chineseDate, esc, page } from './html.js';

/**
 * Renders the acceptance notice of an accepted case as a printable HTML page. A deemed acceptance
 * (行政许可法 第32条) says so and is dated the day the materials were received.
 */
export function renderAcceptanceNotice(s: ApprovalState): string {
  const a = s.acceptance;
  const d = s.deadlines;
  if (!a || !d) throw new Error(`Case '${s.caseNo}' is not accepted: it has no acceptance notice`);
  const deemed = a.deemed
    ? `<p>因未在法定期限内一次性告知补正，依据《中华人民共和国行政许可法》第三十二条，你（单位）的申请自收到申请材料之日（${esc(chineseDate(a.acceptedOn))}）起即为受理。</p>`
    : '';
  const body = `<p>你（单位）于${esc(chineseDate(s.receivedOn))}提出的“${esc(s.item.name)}”申请，申请材料齐全、符合法定形式，本机关决定予以受理。</p>
${deemed}<p>受理日期：<strong data-field="acceptedOn">${esc(chineseDate(a.acceptedOn))}</strong></p>
<p>承诺办结日期：<strong data-field="promisedDate">${esc(chineseDate(d.promised.date))}</strong>（承诺时限${d.promised.value}个${d.promised.unit === 'WD' ? '工作日' : '自然日'}）</p>
<p>法定办结日期：<span data-field="statutoryDate">${esc(chineseDate(d.statutory.date))}</span>（${esc(d.statutory.basis.article)}）</p>
<p>依法需要听证、检验、检测、鉴定、专家评审的，所需时间不计算在上述期限内，本机关将书面告知所需时间。凭受理编号可随时查询办理进度。</p>`;
  return page(s, { title: '受理通知书', docNo: `受理编号：${s.caseNo}`, body, date: a.acceptedOn });
}
