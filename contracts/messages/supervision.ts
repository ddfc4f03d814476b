/**
 * The content (督办内容, GB/T 39046 table 11) of each supervision record, by its rule: written in Chinese, as
 * the record is exchanged with the supervision platforms and read by the reform office, and in English for the
 * log. One template per rule the law names (行政许可法 第32条, 第42条, 第44条; the promised and step limits).
 */
import { fillTemplate } from './render.js';

/** The rules whose records carry a content of their own. */
export type SupervisionContentRule =
  | 'case-overdue' | 'step-overdue' | 'task-overdue' | 'late-delivery' | 'late-extension' | 'second-correction-notice' | 'correction-window-lapsed';

const ZH_CN: Readonly<Record<SupervisionContentRule, string>> = {
  'case-overdue': '办件{caseNo}超过{limit}日的办理时限仍未办结（超期）',
  'step-overdue': '办件{caseNo}的环节{stepId}超过本环节{limit}日的时限',
  'task-overdue': '办件{caseNo}的环节{elementId}（待办{taskId}）已过办理期限{dueAt}仍未办理',
  'late-delivery': '办件{caseNo}于{on}送达，晚于送达期限{deadline}（{article}）',
  'late-extension': '办件{caseNo}于{on}延长审批，而法定时限已于{deadline}届满（{article}）',
  'second-correction-notice': '办件{caseNo}第{no}次补正告知要求补正{items}，不在首次告知之内（行政许可法第三十二条：一次性告知）；理由：{reason}',
  'correction-window-lapsed': '办件{caseNo}至{deadline}未作出补正告知或受理决定，自收到申请之日{acceptedOn}起视为受理（{article}）',
};

const EN: Readonly<Record<SupervisionContentRule, string>> = {
  'case-overdue': 'Case {caseNo} passed its limit of {limit} days without completion',
  'step-overdue': 'Step {stepId} of case {caseNo} passed its own limit of {limit} days',
  'task-overdue': 'Step {elementId} (task {taskId}) of case {caseNo} is still open after its due {dueAt}',
  'late-delivery': 'Case {caseNo}: the result was delivered on {on}, after its limit of {deadline} ({article})',
  'late-extension': 'Case {caseNo} was extended on {on}, after its statutory limit ran out on {deadline} ({article})',
  'second-correction-notice': 'Case {caseNo}: correction notice {no} asks for {items}, not in the first notice (one notice, art. 32); reason: {reason}',
  'correction-window-lapsed': 'Case {caseNo}: no correction notice or decision by {deadline}; deemed accepted from the receipt on {acceptedOn} ({article})',
};

/** The content of a record of `rule`, in Chinese unless English is asked for. */
export function supervisionContent(rule: SupervisionContentRule, params: Readonly<Record<string, string | number | readonly string[]>>, language: 'zh-CN' | 'en' = 'zh-CN'): string {
  return fillTemplate((language === 'en' ? EN : ZH_CN)[rule], params);
}
