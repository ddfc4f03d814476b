/** 不予受理决定书: the reasons and legal basis of a non-acceptance, with the applicant's remedies. */
import type { ApprovalState } from '../state.js';
import { itemsTable, page, esc } from './html.js';

/** Renders the non-acceptance decision of a rejected case as a printable HTML page. */
export function renderNonAcceptance(s: ApprovalState): string {
  const r = s.rejection;
  if (!r) throw new Error(`Case '${s.caseNo}' was not rejected: it has no non-acceptance decision`);
  const body = `<p>你（单位）提出的“${esc(s.item.name)}”申请，经审查，有下列情形，依据《中华人民共和国行政许可法》第三十二条，本机关决定不予受理：</p>
${itemsTable(r.reasons)}
<p>如不服本决定，可以自收到本决定书之日起六十日内依法申请行政复议，或者在六个月内依法向人民法院提起行政诉讼。</p>`;
  return page(s, { title: '不予受理决定书', docNo: `不予受理（${s.caseNo}）`, body, date: r.on });
}
