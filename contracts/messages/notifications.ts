/**
 * The texts of the applicant's notifications (站内消息, and the same words by SMS): one template per kind, in
 * Chinese (the default) and English, filled from the notification's parameters. Shared by the server (SMS,
 * the API's `text`) and the portal. A `[…]` segment is left out when one of its placeholders has no value.
 * Pure: no I/O.
 */
import { fillTemplate, type Language } from './render.js';

/** The kinds of step that concern the applicant, in the order a case usually meets them. */
export const NOTIFICATION_KINDS = [
  'correction', 'accepted', 'rejected', 'procedure-started', 'procedure-ended', 'extension', 'hearing',
  'decided', 'certificate', 'delivered', 'evaluation',
] as const;
/** One of `NOTIFICATION_KINDS`. */
export type NotificationKind = (typeof NOTIFICATION_KINDS)[number];

interface Template {
  title: string;
  text: string;
}

const ZH: Record<NotificationKind, Template> = {
  correction: { title: '补正材料通知', text: '您申请的“{itemName}”（受理编号 {caseNo}）需要补正材料：{materials}。请一次性补齐后在网上办事大厅提交。' },
  accepted: { title: '受理通知', text: '您申请的“{itemName}”（受理编号 {caseNo}）已于 {acceptedOn} 受理[，承诺于 {promisedDate} 前办结]。' },
  rejected: { title: '不予受理通知', text: '您申请的“{itemName}”（受理编号 {caseNo}）不予受理[，理由：{reasons}]。' },
  'procedure-started': { title: '特别程序告知', text: '您的办件 {caseNo}（{itemName}）自 {start} 起进入{procedure}程序[，预计需要 {duration}][，预计于 {expectedEnd} 结束][；{pauseNote}]。' },
  'procedure-ended': { title: '特别程序结束', text: '您的办件 {caseNo}（{itemName}）的{procedure}程序已于 {end} 结束，审批继续办理。' },
  extension: { title: '延长审批期限告知', text: '经批准，您的办件 {caseNo}（{itemName}）的审批期限延长 {duration}[，延长后于 {newDate} 前作出决定][，理由：{reason}]。' },
  hearing: { title: '听证权利告知', text: '您的办件 {caseNo}（{itemName}）依法可以要求听证[，请于 {requestBy} 前提出]。' },
  decided: { title: '审批决定通知', text: '您的办件 {caseNo}（{itemName}）已作出决定：{outcome}。[{deliveryNote}]' },
  certificate: { title: '证照制发通知', text: '您的“{certificateName}”（编号 {certificateNo}）已制发，可在网上办事大厅查看和下载电子证照。' },
  delivered: { title: '送达通知', text: '您的办件 {caseNo}（{itemName}）的办理结果已送达：{method}[，{carrier}][，快递单号 {trackingNumber}]。' },
  evaluation: { title: '邀请评价', text: '您的办件 {caseNo}（{itemName}）已办结，欢迎对本次服务作出评价（好差评）。' },
};

const EN: Record<NotificationKind, Template> = {
  correction: { title: 'Materials to correct', text: 'Your application "{itemName}" ({caseNo}) needs corrected materials: {materials}. Please hand them in at once in the online service hall.' },
  accepted: { title: 'Accepted', text: 'Your application "{itemName}" ({caseNo}) was accepted on {acceptedOn}[; it is promised by {promisedDate}].' },
  rejected: { title: 'Not accepted', text: 'Your application "{itemName}" ({caseNo}) was not accepted[: {reasons}].' },
  'procedure-started': { title: 'Special procedure', text: 'Your case {caseNo} ({itemName}) entered the {procedure} procedure on {start}[, expected to take {duration}][, until {expectedEnd}][; {pauseNote}].' },
  'procedure-ended': { title: 'Special procedure ended', text: 'The {procedure} procedure of your case {caseNo} ({itemName}) ended on {end}; the approval goes on.' },
  extension: { title: 'Extension', text: 'The limit of your case {caseNo} ({itemName}) was extended by {duration}[, to decide by {newDate}][: {reason}].' },
  hearing: { title: 'Right to a hearing', text: 'You may ask for a hearing on your case {caseNo} ({itemName})[ by {requestBy}].' },
  decided: { title: 'Decision', text: 'Your case {caseNo} ({itemName}) was decided: {outcome}. [{deliveryNote}]' },
  certificate: { title: 'Certificate issued', text: 'Your "{certificateName}" ({certificateNo}) was issued; view and download the e-certificate in the online service hall.' },
  delivered: { title: 'Delivered', text: 'The result of your case {caseNo} ({itemName}) was delivered: {method}[, {carrier}][, tracking number {trackingNumber}].' },
  evaluation: { title: 'Your evaluation', text: 'Your case {caseNo} ({itemName}) is concluded; please evaluate the service.' },
};

/**
 * Words the templates insert for codes: special procedure kinds, units, outcomes, delivery methods, and for the
 * timeline's explanations the channels, evaluation grades, supervision rules and clocks; for its details the
 * modes of 加签, how a 驳回 resumes and a task's outcome.
 */
const ZH_WORDS: Record<string, string> = {
  'procedure.HEARING': '听证', 'procedure.BID': '招标', 'procedure.AUCTION': '拍卖', 'procedure.INSPECT_TEST': '检验检测',
  'procedure.APPRAISAL': '鉴定', 'procedure.EXPERT': '专家评审', 'procedure.PUBLIC_NOTICE': '公示', 'procedure.SITE_CHECK': '现场踏勘',
  'procedure.APPLICANT_RECTIFY': '申请人整改',
  'unit.WD': '个工作日', 'unit.CD': '个自然日',
  'outcome.approved': '准予许可', 'outcome.refused': '不予许可', 'outcome.partially-refused': '部分不予许可',
  'method.pickup': '窗口领取', 'method.express': '邮寄送达', 'method.online': '网上送达',
  'channel.online': '网上申请', 'channel.window': '窗口申请', 'channel.agent': '代办申请',
  'grade.1': '非常满意', 'grade.2': '满意', 'grade.3': '基本满意', 'grade.4': '不满意', 'grade.5': '非常不满意',
  'rule.case-overdue': '办件超过办结时限', 'rule.step-overdue': '环节超过环节时限', 'rule.correction-window-lapsed': '逾期未告知补正，视为受理',
  'rule.second-correction-notice': '再次告知补正（应一次性告知）', 'rule.late-extension': '期限届满后延长', 'rule.late-delivery': '逾期送达',
  'rule.certificate-unpaid': '未缴费即发证',
  'clock.pre-acceptance': '受理期限', 'clock.statutory': '法定办结期限', 'clock.promised': '承诺办结期限', 'clock.delivery': '送达期限',
  'clock.hearing:request': '听证申请期限', 'clock.hearing:hold': '听证举行期限',
  'mode.before': '前加签', 'mode.after': '后加签', 'mode.parallel': '会签加签',
  'resume.through': '按流程逐步重新流转', 'resume.back-to-me': '重新办理后直接返回驳回环节',
  'taskOutcome.approve': '同意', 'taskOutcome.refuse': '不同意',
  paused: '特别程序所需时间不计入审批期限', running: '审批期限照常计算',
  deliveryDue: '办理结果将于 {date} 前送达',
};

const EN_WORDS: Record<string, string> = {
  'procedure.HEARING': 'hearing', 'procedure.BID': 'tender', 'procedure.AUCTION': 'auction', 'procedure.INSPECT_TEST': 'inspection and testing',
  'procedure.APPRAISAL': 'appraisal', 'procedure.EXPERT': 'expert review', 'procedure.PUBLIC_NOTICE': 'public notice', 'procedure.SITE_CHECK': 'site survey',
  'procedure.APPLICANT_RECTIFY': 'rectification by the applicant',
  'unit.WD': ' working days', 'unit.CD': ' calendar days',
  'outcome.approved': 'approved', 'outcome.refused': 'refused', 'outcome.partially-refused': 'partially refused',
  'method.pickup': 'picked up at the window', 'method.express': 'by express', 'method.online': 'online',
  'channel.online': 'online', 'channel.window': 'window', 'channel.agent': 'agent',
  'grade.1': 'very satisfied', 'grade.2': 'satisfied', 'grade.3': 'fairly satisfied', 'grade.4': 'dissatisfied', 'grade.5': 'very dissatisfied',
  'rule.case-overdue': 'case over its limit', 'rule.step-overdue': 'step over its limit', 'rule.correction-window-lapsed': 'correction window lapsed, deemed accepted',
  'rule.second-correction-notice': 'second correction notice', 'rule.late-extension': 'extension after the limit ran out', 'rule.late-delivery': 'late delivery',
  'rule.certificate-unpaid': 'certificate before the fees were paid',
  'clock.pre-acceptance': 'pre-acceptance', 'clock.statutory': 'statutory', 'clock.promised': 'promised', 'clock.delivery': 'delivery',
  'clock.hearing:request': 'hearing request', 'clock.hearing:hold': 'hearing',
  'mode.before': 'before', 'mode.after': 'after', 'mode.parallel': 'in parallel',
  'resume.through': 'through', 'resume.back-to-me': 'back-to-me',
  'taskOutcome.approve': 'approve', 'taskOutcome.refuse': 'refuse',
  paused: 'its time does not count against the limit', running: 'the limit keeps running',
  deliveryDue: 'the result will be delivered by {date}',
};

/**
 * A word the texts insert for a code (`procedure.EXPERT`, `unit.WD`, `outcome.approved` …) in `language`,
 * shared with the other texts that name the same codes; undefined for a key without a word.
 */
export function codeWord(key: string, language: Language = 'zh-CN'): string | undefined {
  return (language === 'zh-CN' ? ZH_WORDS : EN_WORDS)[key];
}

/** What a notification records: codes and values, never a rendered sentence (the language is the reader's). */
export interface NotificationParams {
  caseNo: string;
  itemName: string;
  /** correction: the materials' names, each with its reason. */
  materials?: Array<{ name: string; reason: string }>;
  acceptedOn?: string;
  promisedDate?: string;
  reasons?: string[];
  procedure?: string;
  start?: string;
  end?: string;
  expectedEnd?: string;
  duration?: { value: number; unit: string };
  paused?: boolean;
  newDate?: string;
  reason?: string;
  requestBy?: string;
  outcome?: string;
  deliveryDate?: string;
  certificateName?: string;
  certificateNo?: string;
  method?: string;
  carrier?: string;
  trackingNumber?: string;
}

/** The title and text of a notification of `kind` in `language`. */
export function notificationText(kind: NotificationKind, params: NotificationParams, language: Language = 'zh-CN'): { title: string; text: string } {
  const zh = language === 'zh-CN';
  const template = (zh ? ZH : EN)[kind];
  const words = zh ? ZH_WORDS : EN_WORDS;
  const word = (key: string | undefined) => (key === undefined ? undefined : words[key] ?? key);
  const duration = params.duration ? `${params.duration.value}${word(`unit.${params.duration.unit}`)}` : undefined;
  const sep = zh ? '；' : '; ';
  const values: Record<string, unknown> = {
    ...params,
    materials: params.materials?.map((m) => (m.reason ? `${m.name}${zh ? `（${m.reason}）` : ` (${m.reason})`}` : m.name)).join(sep),
    reasons: params.reasons?.join(sep),
    procedure: word(params.procedure ? `procedure.${params.procedure}` : undefined),
    duration,
    pauseNote: params.paused === undefined ? undefined : word(params.paused ? 'paused' : 'running'),
    outcome: word(params.outcome ? `outcome.${params.outcome}` : undefined),
    deliveryNote: params.deliveryDate ? fillTemplate(words.deliveryDue!, { date: params.deliveryDate }) + (zh ? '。' : '.') : undefined,
    method: word(params.method ? `method.${params.method}` : undefined),
  };
  return { title: template.title, text: fillTemplate(template.text, values).trim() };
}
