import { fillTemplate, ZH_CN_MESSAGES as SERVER_MESSAGES } from '../../../contracts/messages/index.js';

/**
 * Every code of the server's catalogue as `error.<CODE>`, read from the server's own templates with their
 * optional segments left out (a page has no refusal details to fill them), so a code the server gains is
 * never shown raw; the hand-written entries below give the console's shorter wording where it has one.
 */
const SERVER_REFUSALS: Readonly<Record<string, string>> = Object.fromEntries(
  Object.entries(SERVER_MESSAGES).map(([code, template]) => [`error.${code}`, fillTemplate(template, {})]),
);

/**
 * zh-CN texts of the workbench: the case page's actions (correction picker, steps, certificate, delivery,
 * rectification), the intake queue, the applicant's receipt, result documents and withdrawal, and the
 * Chinese text of each stable refusal code the server answers with (`error.<CODE>`).
 */
export const ZH_CN_WORKBENCH: Readonly<Record<string, string>> = {
  ...SERVER_REFUSALS,
  // Correction picker and intake
  'Not supplied': '未提交', 'on file': '已提交', 'Tick at least one material to correct': '请至少勾选一项需补正的材料',
  'Give the reason for {name}': '请填写“{name}”的补正理由', 'One reason per line': '每行一条理由',
  'Give at least one reason for non-acceptance': '请至少填写一条不予受理理由',
  'The correction notice is out; waiting for the applicant to supply the materials.': '已发出一次性补正告知，等待申请人补正材料。',
  'The applicant supplied the corrections; the notice is issued once only (art. 32).': '申请人已补正材料；补正告知只能一次性发出（行政许可法第三十二条）。',
  'Materials to correct': '需补正的材料', 'Awaiting acceptance': '待受理', 'No cases awaiting acceptance': '暂无待受理办件',
  // Steps
  'Current steps': '当前环节', 'Complete this step': '办理本环节', 'Issue the certificate first': '请先制证，再办结制证环节',
  'Write the opinion of this step': '请填写本环节的办理意见', '{step}: completed': '{step}：已办理',
  'Why the step must be done again': '退回理由', 'Return to an earlier step': '退回到之前的环节', 'Step': '环节', 'Return': '退回',
  'Give the reason for the return': '请填写退回理由', 'Step overdue: {names}': '环节超期：{names}',
  'since {at}': '自 {at} 起', 'expected end {date}': '预计 {date} 结束', 'Give the reason told to the applicant': '请填写告知申请人的理由',
  // Certificate, delivery, rectification
  'Revoke the licence': '撤销行政许可', 'Why the licence is revoked (e.g. obtained by deception)': '撤销理由（如：以欺骗、贿赂等不正当手段取得许可）',
  'Administrative Licensing Law, article 69': '《中华人民共和国行政许可法》第六十九条', 'Reason of the revocation': '撤销理由',
  'Revoking ends the licence: its certificate verifies as revoked from now on.': '撤销后该许可失效，其电子证照核验结果为“已被撤销”。',
  'Write why the licence is revoked': '请填写撤销理由', 'Give the legal basis of the revocation': '请填写撤销的法律依据',
  'Certificate preview': '证照预览', 'Issue the certificate': '确认制证', 'Preview the certificate': '预览证照', 'View the certificate': '查看证照', 'Certificate generated': '电子证照（准予许可时已生成）',
  'Preview the e-certificate, then issue it to the certificate library.': '先预览电子证照，确认无误后制证并推送至电子证照库。',
  'Tracking number': '快递单号', 'Carrier (e.g. EMS)': '快递公司（如 EMS）', 'Carrier': '快递公司', 'Delivery': '送达', 'Method': '送达方式',
  'Record the delivery': '登记送达', 'Enter the tracking number': '请填写快递单号',
  'delivery.pickup': '窗口领取', 'delivery.express': '快递送达', 'delivery.online': '网上送达',
  'What was rectified, and how the applicant was answered': '整改情况及对申请人的答复', 'Rectification': '差评整改',
  'A poor evaluation opened a rectification; due {date}.': '申请人给出差评，已启动整改，整改期限 {date}。',
  'Rectification note': '整改说明', 'Complete the rectification': '完成整改', 'Write what was rectified': '请填写整改说明',
  // Materials on the case page
  'View': '查看', 'Download': '下载',
  // Lights
  'No overdue steps': '暂无环节超期', 'Steps overdue': '环节超期', '{n} steps overdue': '共 {n} 个环节超期',
  // Console login
  'This login is for staff; applicants use the online service hall.': '此入口仅供工作人员使用；申请人请登录网上办事大厅。',
  // Application form
  'Answer the questions above to see the materials you need.': '回答以上问题后，将列出您需要提交的材料。',
  'Answer every question marked * first: {names}': '请先回答所有带 * 的问题：{names}',
  'These materials are still missing: {names}': '以下材料尚未提交：{names}',
  'Enter the name and ID number of the applicant': '请填写申请人名称和证件号码',
  // Applicant's case page
  'Choose a file for each material: {names}': '请为每项材料选择文件：{names}',
  'Why you withdraw (told to the department)': '撤回理由（将告知审批部门）', 'Withdraw the application': '撤回申请',
  'Give the reason for withdrawing': '请填写撤回理由', 'The application was withdrawn': '申请已撤回',
  'Acceptance receipt': '受理回执', 'Receipt of the application': '收件回执', 'Accepted at': '受理时间', 'Certificate issuance': '制证（统一出件）', 'Follow it': '查询方式',
  'Progress query with the case number and the last four characters of your ID number': '凭受理编号和证件号码后四位在“办件查询”中查询进度',
  'Decision letter': '行政许可决定书', 'E-certificate': '电子证照', 'Choose a grade': '请选择评价等级',
  // Documents
  '(assigned on issuance)': '（制证时生成）', 'Holder': '持证主体', 'Valid from': '有效期自', '(the day of issuance)': '（制证之日）',
  'Valid until': '有效期至', 'E-seal': '电子印章', 'Decision not to grant the licence': '不予行政许可决定书', 'Decision to grant the licence': '准予行政许可决定书',
  'Decided on': '决定日期', 'Remedies': '救济途径', 'Seal': '印章',
  'You may apply for administrative reconsideration within 60 days or bring an administrative suit within 6 months.': '如不服本决定，可在六十日内申请行政复议，或在六个月内提起行政诉讼。',
  // System actors of the timeline
  'actor.supervision': '电子监察', 'actor.system': '系统', 'actor.timer': '定时器', 'actor.clock': '系统时钟',
  // Bases of limits
  'basis.promised-listing': '办事指南公布的承诺办结时限', 'basis.step-listing': '办事指南公布的环节时限',
  // Stages the processes declare
  'stage.pre-review': '预审', 'stage.register': '登记', 'stage.joint-review': '联合审查', 'stage.publicity': '公示',
  // Refusals by their stable code
  'error.WRONG_PHASE': '办件当前所处阶段不允许此操作', 'error.MATERIALS_MISSING': '申请材料不齐全',
  'error.UNKNOWN_MATERIAL': '该材料不在本事项的材料清单中', 'error.BAD_REQUEST': '请求不完整，请检查填写内容',
  'error.VALIDATION_FAILED': '填写内容不符合要求，请检查', 'error.FORBIDDEN': '您没有此操作的权限',
  'error.UNAUTHENTICATED': '用户名或密码错误，或登录已过期', 'error.TOKEN_INVALID': '登录已过期，请重新登录',
  'error.NOT_FOUND': '未找到该记录', 'error.ORG_OUTSIDE_REGION': '只能管理本级及下级区划的组织机构和人员', 'error.CASE_NOT_FOUND': '未找到该办件', 'error.CONFLICT': '数据已被他人更新，请刷新后重试',
  'error.RATE_LIMITED': '操作过于频繁，请稍后再试', 'error.UPLOAD_TYPE_REFUSED': '文件类型不支持，请上传 PDF、JPG、PNG 或 OFD 文件',
  'error.UNSUPPORTED_MEDIA_TYPE': '文件格式不支持', 'error.PAYLOAD_TOO_LARGE': '文件过大', 'error.REASONS_REQUIRED': '请填写理由',
  'error.REFUSAL_WITHOUT_REASONS': '不予许可须说明理由', 'error.INVALID_OUTCOME': '请选择办理结果（同意或不同意）',
  'error.DECISION_ALREADY_MADE': '已作出审批决定', 'error.CERTIFICATE_NOT_ALLOWED': '当前不能制证（须准予许可且尚未制证）',
  'error.CERTIFICATE_MISSING': '请先制证，再办结制证环节', 'error.DELIVERY_INVALID': '送达信息不完整或不允许',
  'error.EVALUATION_INVALID': '评价无效或已评价', 'error.NOT_THE_APPLICANT': '只有申请人本人或其代理人可以办理此操作',
  'error.RECTIFICATION_NOT_OPEN': '没有待完成的整改', 'error.EXTENSION_NOT_ALLOWED': '本事项不允许延长审批期限',
  'error.SPECIAL_PROCEDURE_NOT_ALLOWED': '本事项不允许该特别程序', 'error.SPECIAL_PROCEDURE_OPEN': '已有特别程序正在进行',
  'error.MATERIAL_NOT_DEFERRABLE': '该材料不允许容缺', 'error.PAYMENT_MISSING': '尚未缴费', 'error.PAYMENT_INVALID': '缴费信息无效',
  'error.PRE_ACCEPTANCE_WINDOW_LAPSED': '受理期限已过，视为受理', 'error.CORRECTION_NOTICE_WINDOW_LAPSED': '补正告知期限已过（行政许可法第三十二条）',
  'error.TASK_ASSIGNED_TO_OTHER': '该环节已由他人签收', 'error.TASK_NOT_ACTIVE': '该环节已办理', 'error.TASK_NOT_FOUND': '未找到该环节',
  'error.RETURN_TARGET_INVALID': '不能退回到该环节', 'error.CASE_SUSPENDED': '办件处于特别程序中，已挂起',
  'error.FACTS_INVALID': '申请信息填写不完整或不正确', 'error.INVALID_COMMAND': '操作无效', 'error.BUSINESS_RULE': '不符合业务规则',
  'error.EVALUATION_NOT_INVITED': '该办件未受理办结，不能评价', 'error.NOTHING_TO_REVOKE': '该办件未准予许可，没有可撤销的行政许可',
};
