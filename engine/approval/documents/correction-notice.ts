/** 一次性补正告知书 (行政许可法 第32条): everything that must be supplied, told at once. */
import type { ApprovalState } from '../state.js';
import { chineseDate, esc, itemsTable, page } from './html.js';

/** Renders correction notice `no` (the latest when absent) as a printable HTML page. */
export function renderCorrectionNotice(s: ApprovalState, no?: number): string {
  const notice = no === undefined ? s.corrections.at(-1) : s.corrections.find((c) => c.no === no);
  if (!notice) throw new Error(`Case '${s.caseNo}' has no correction notice${no === undefined ? '' : ` ${no}`}`);
  const body = `<p>你（单位）提出的“${esc(s.item.name)}”申请，经审查，申请材料不齐全或者不符合法定形式。依据《中华人民共和国行政许可法》第三十二条，现一次性告知需要补正的全部内容如下：</p>
${itemsTable(notice.items)}
<p>请按上述要求一次性补正后重新提交。补正材料提交后，本机关将自收到之日起重新审查。</p>`;
  return page(s, { title: '一次性补正告知书', docNo: `补正告知第${notice.no}号（${s.caseNo}）`, body, date: notice.issuedOn });
}

/** The date of the notice as Chinese text (for messages). */
export function correctionNoticeDate(s: ApprovalState): string | undefined {
  const last = s.corrections.at(-1);
  return last ? chineseDate(last.issuedOn) : undefined;
}
