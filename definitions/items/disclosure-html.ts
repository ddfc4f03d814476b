/** The printable public page of a disclosure (两清单一图表): conditions, materials, limits and fees, flow, contacts. */
import type { Disclosure } from './disclosure.js';

function esc(value: unknown): string {
  return String(value ?? '').replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}

const UNIT: Record<string, string> = { WD: '个工作日', CD: '日' };
const limit = (l: { value: number; unit: string } | undefined): string => (l ? `${l.value}${UNIT[l.unit] ?? l.unit}` : '—');
const SOURCE: Record<string, string> = { applicant: '申请人自备', shared: '部门共享，免提交' };

function table(head: string[], rows: unknown[][]): string {
  const th = head.map((h) => `<th>${esc(h)}</th>`).join('');
  const tr = rows.map((r) => `<tr>${r.map((c) => `<td>${esc(c)}</td>`).join('')}</tr>`).join('\n');
  return `<table><thead><tr>${th}</tr></thead><tbody>\n${tr}\n</tbody></table>`;
}

/** Renders the disclosure as one printable HTML page. Pure. */
export function renderDisclosureHtml(d: Disclosure): string {
  const conditions = table(['编号', '受理条件', '审查方式', '依据'], d.conditions.map((c) => [c.id, c.text, c.check === 'rules' ? '系统规则' : '人工审查', c.rows.map((r) => r.basis ?? '').join('；')]));
  const materials = table(['编号', '材料名称', '形式', '份数', '来源', '何时需要', '依据'], d.materials.map((m) => [
    m.id, m.name, m.form.join('、'), m.copies ?? m.originals ?? '', SOURCE[m.source], m.required === 'always' ? '必须' : m.required.join(' 或 '), m.basis.filter(Boolean).join('；'),
  ]));
  const limits = table(['时限', '规定'], [
    ['法定办结时限', `${limit(d.limits.statutory)}（${d.limits.statutory.article ?? ''}）`],
    ['承诺办结时限', limit(d.limits.promised)],
    ['延长审批', d.limits.extension ? `可延长一次，最长${limit(d.limits.extension)}，由${d.limits.extension.approver}批准` : '不得延长'],
    ['一次性补正告知', `收到申请材料后${limit(d.limits.correctionWindow)}内`],
    ['送达', limit(d.limits.delivery)],
    ...d.limits.specialProcedures.map((p) => [`特别程序：${p.name}`, `${p.countsTowardStatutory ? '计入' : '不计入'}法定时限，${p.countsTowardPromised ? '计入' : '不计入'}承诺时限${p.basis ? `（${p.basis}）` : ''}`]),
    ...(d.limits.coDepartments ?? []).map((c) => [`协办：${c.department}`, `承诺${limit(c.promisedLimit)}`]),
  ]);
  const fees = d.fees.charged
    ? table(['收费项目', '金额', '条件', '依据'], d.fees.items.map((f) => [f.item, f.amount, f.condition === 'always' ? '—' : f.condition, f.basis ?? '']))
    : `<p>不收费。${esc(d.fees.basis ?? '')}</p>`;
  const flow = `<ol>${d.flow.map((s) => `<li>${esc(s.name)}${s.department ? `（${esc(s.department)}${s.role ? ` · ${esc(s.role)}` : ''}）` : ''}${s.timeLimit && 'value' in s.timeLimit ? ` — ${esc(limit(s.timeLimit))}` : ''}${s.coDepartments ? ` — 并联：${esc(s.coDepartments.join('、'))}` : ''}</li>`).join('\n')}</ol>`;
  const c = d.contacts;
  return `<!DOCTYPE html>
<html lang="zh-CN"><head><meta charset="utf-8"><title>${esc(d.item.name)} 办事指南</title>
<style>body{font-family:sans-serif;max-width:200mm;margin:auto;line-height:1.6}table{border-collapse:collapse;width:100%}td,th{border:1px solid #444;padding:4px 6px;vertical-align:top}h1{text-align:center}</style></head>
<body><h1>${esc(d.item.name)}</h1>
<p>实施编码：${esc(d.item.code)}（第${d.item.version}版）　实施主体：${esc(d.item.implementingBody.name)}　办件类型：${d.item.caseType === 'instant' ? '即办件' : '承诺件'}</p>
<p>设定依据：${esc(d.item.legalBasis.join('；'))}</p>
<h2>一、受理条件</h2>${conditions}
<h2>二、申请材料</h2>${materials}
<h2>三、办理时限与收费</h2>${limits}${fees}
<h2>四、办理流程</h2>${flow}
<h2>办理结果与送达</h2><p>${esc(d.result.name)}${d.result.eCertificate ? '（同步生成电子证照）' : ''}；送达方式：${esc(d.delivery.map((m) => ({ pickup: '窗口领取', express: '快递送达', online: '网上下载' })[m]).join('、'))}</p>
<h2>咨询与投诉</h2><p>咨询电话：${esc(c.consultation)}　投诉电话：${esc(c.complaint)}${c.address ? `　地址：${esc(c.address)}` : ''}${c.hours ? `　办公时间：${esc(c.hours)}` : ''}</p>
</body></html>
`;
}
