/**
 * The explanations the engine itself gives in a case's timeline (why the deadlines were computed again, a
 * step's clock started or stopped, the light changed, the application, acceptance, corrections, decision,
 * certificate, delivery, evaluation, hearings, supervision records, a calendar change, a step escalated on its
 * timeout …), by stable code with parameters, in Chinese (the
 * default) and English. The event keeps its English `why` for the log; the timeline carries the code so the
 * pages word it. A reason a person typed has no code: it is shown as written. Likewise each entry's detail (a
 * task opened, claimed, completed, transferred, delegated, copied …) by `detailCode` with its parameters.
 * Pure: no I/O.
 */
import { codeWord } from './notifications.js';
import { fillTemplate, type Language } from './render.js';

/** The codes of the engine's own timeline explanations. */
export const TIMELINE_WHY_CODES = [
  'handling.started', 'co-department.materials-shared', 'evaluation.invited',
  'step-clock.from-acceptance', 'step-clock.from-step-start', 'step-clock.task-completed', 'step-clock.task-cancelled',
  'light.promised-used',
  'deadlines.accepted', 'deadlines.deemed-accepted', 'deadlines.step-started', 'deadlines.co-department-started',
  'deadlines.correction-asked', 'deadlines.correction-supplied', 'deadlines.procedure-started', 'deadlines.procedure-ended',
  'deadlines.extension',
  'case.applied', 'case.accepted.complete', 'case.accepted.deemed', 'correction.items', 'correction.second-notice', 'correction.answered',
  'case.decided.step', 'case.decided.co-departments', 'case.decided.no-decide-step', 'case.concluded',
  'certificate.at-decision', 'certificate.at-step', 'certificate.fees-paid', 'certificate.by-decision',
  'co-department.withdrawn', 'co-department.outcome', 'supervision.recorded',
  'payment.fees', 'delivery.due', 'delivery.recorded', 'evaluation.grade', 'rectification.opened',
  'correction.resubmitted', 'correction.asked', 'correction.supplied', 'correction.restart',
  'task.urged', 'task.copied.step', 'task.copied', 'task.escalated-timeout',
  'procedure.suspended', 'procedure.ended', 'procedure.resumed',
  'hearing.notified', 'hearing.hold-by', 'hearing.requested-by', 'hearing.scheduled', 'hearing.held', 'hearing.held-result',
  'hearing.not-held', 'hearing.waived.all', 'hearing.waived',
  'deadline.moved', 'deadline.confirmed',
] as const;
/** One of `TIMELINE_WHY_CODES`. */
export type TimelineWhyCode = (typeof TIMELINE_WHY_CODES)[number];

const ZH: Record<TimelineWhyCode, string> = {
  'handling.started': '{department}开始办理',
  'co-department.materials-shared': '已将申请材料抄告协办部门',
  'evaluation.invited': '办件已办结，邀请申请人评价',
  'step-clock.from-acceptance': '本环节时限 {value}{unitWord}，自受理之日起计算（{article}）',
  'step-clock.from-step-start': '本环节时限 {value}{unitWord}，自环节开始之日起计算（{article}）',
  'step-clock.task-completed': '本环节已办理完毕，环节时限停止计算',
  'step-clock.task-cancelled': '本环节已取消，环节时限停止计算',
  'light.promised-used': '承诺时限已用 {elapsed}/{limit}{unitWord}',
  'deadlines.accepted': '已受理，开始计算办理时限',
  'deadlines.deemed-accepted': '逾期未告知补正，视为受理（行政许可法第三十二条），开始计算办理时限',
  'deadlines.step-started': '环节“{step}”开始，重新计算时限',
  'deadlines.co-department-started': '协办部门“{department}”开始办理，重新计算时限',
  'deadlines.correction-asked': '退回申请人补正，补正期间不计入办理时限',
  'deadlines.correction-supplied': '申请人已补正材料，继续计算办理时限',
  'deadlines.procedure-started': '[{procedureWord}]特别程序开始，所需时间不计入办理时限',
  'deadlines.procedure-ended': '特别程序结束，继续计算办理时限',
  'deadlines.extension': '经批准延长 {value}{unitWord}（{article}）',
  'case.applied': '收到{channelWord}',
  'case.accepted.complete': '申请材料齐全、符合法定形式，予以受理',
  'case.accepted.deemed': '{article}：至 {date} 未告知补正也未作出决定，自收到申请之日（{acceptedOn}）起视为受理',
  'correction.items': '一次性告知需补正 {count} 项材料（行政许可法第三十二条）',
  'correction.second-notice': '再次告知补正：{reason}',
  'correction.answered': '申请人答复第 {no} 次补正告知',
  'case.decided.step': '{step}：{outcomeWord}',
  'case.decided.co-departments': '{total}个协办部门均已办理完毕：{outcomeWord}',
  'case.decided.no-decide-step': '流程已办结，未设单独的决定环节，视为准予许可',
  'case.concluded': '办结：{outcomeWord}',
  'certificate.at-decision': '作出{outcomeWord}决定，同时生成证照',
  'certificate.at-step': '环节“{step}”开始，在本环节生成证照',
  'certificate.fees-paid': '已缴清费用 {total} 元，生成证照',
  'certificate.by-decision': '依据 {decidedOn} 作出的{outcomeWord}决定制发证照',
  'co-department.withdrawn': '办件退回至“{step}”，协办部门的办理撤回',
  'co-department.outcome': '协办部门意见：{outcomeWord}',
  'supervision.recorded': '电子监察：{ruleWord}',
  'payment.fees': '缴纳费用，应缴合计 {total} 元',
  'delivery.due': '送达期限为 {date}（{article}）',
  'delivery.recorded': '办理结果已送达',
  'evaluation.grade': '申请人评价：{gradeWord}',
  'rectification.opened': '差评（{gradeWord}）[：{comment}]，启动整改',
  'correction.resubmitted': '申请人答复 {requestedOn} 的补正要求',
  'correction.asked': '退回申请人补正：{reason}',
  'correction.supplied': '申请人已补正材料',
  'correction.restart': '申请人已补正材料，从“{step}”重新办理',
  'task.urged': '催办“{task}”',
  'task.copied.step': '抄送环节“{step}”：{to}',
  'task.copied': '抄送 {to}',
  'task.escalated-timeout': '办理超时，自动转交上级领导',
  'procedure.suspended': '[{procedureWord}]特别程序开始，暂停办理[：{reason}]',
  'procedure.ended': '特别程序结束',
  'procedure.resumed': '特别程序结束，恢复办理',
  'hearing.notified': '{reason}；可于 {date} 前要求听证（{article}）',
  'hearing.hold-by': '听证应于 {date} 前举行（{article}）',
  'hearing.requested-by': '{by}要求听证',
  'hearing.scheduled': '[由 {movedFrom} 改期；]已于 {noticeOn} 通知听证时间和地点，不少于举行前7个工作日（行政许可法第四十八条第一款第一项）',
  'hearing.held': '在{place}举行听证[，晚于应举行日 {holdBy}]',
  'hearing.held-result': '听证已举行：{record}',
  'hearing.not-held': '听证未举行：{reason}',
  'hearing.waived.all': '各方均已放弃听证权利（行政许可法第四十七条）',
  'hearing.waived': '{party}放弃听证权利',
  'deadline.moved': '日历 {toVersion} 替代 {fromVersion}：{clockWord}改为 {newDate}（原为 {oldDate}）',
  'deadline.confirmed': '日历 {toVersion} 确认{clockWord}为 {newDate}（不再为暂定）',
};

const EN: Record<TimelineWhyCode, string> = {
  'handling.started': '{department} starts handling',
  'co-department.materials-shared': 'shared materials sent to the co-department',
  'evaluation.invited': 'case concluded: the applicant is invited to evaluate',
  'step-clock.from-acceptance': '{value} {unit} from the acceptance ({article})',
  'step-clock.from-step-start': '{value} {unit} from the start of the step ({article})',
  'step-clock.task-completed': 'task completed',
  'step-clock.task-cancelled': 'task cancelled',
  'light.promised-used': '{elapsed} of {limit} {unit} of the promised limit used',
  'deadlines.accepted': 'accepted',
  'deadlines.deemed-accepted': 'deemed acceptance (Administrative Licensing Law, article 32)',
  'deadlines.step-started': 'step {step} started',
  'deadlines.co-department-started': 'co-department {department} started',
  'deadlines.correction-asked': 'correction asked of the applicant',
  'deadlines.correction-supplied': 'correction supplied',
  'deadlines.procedure-started': 'special procedure[ {procedureWord}] started',
  'deadlines.procedure-ended': 'special procedure ended',
  'deadlines.extension': 'extension of {value} {unit} ({article})',
  'case.applied': 'application by {channel}',
  'case.accepted.complete': 'materials complete and in the legal form',
  'case.accepted.deemed': '{article}: no correction notice or decision by {date}; accepted from the receipt on {acceptedOn}',
  'correction.items': '{count} item(s) to correct (Administrative Licensing Law, article 32)',
  'correction.second-notice': 'second notice: {reason}',
  'correction.answered': 'answer to correction notice {no}',
  'case.decided.step': '{step}: {outcomeWord}',
  'case.decided.co-departments': 'all {total} co-departments done: {outcomeWord}',
  'case.decided.no-decide-step': 'process completed without a separate decide step',
  'case.concluded': 'outcome {outcomeWord}',
  'certificate.at-decision': '{outcomeWord} (certificate generated at the decision)',
  'certificate.at-step': 'step {step} started (certificate generated at this step)',
  'certificate.fees-paid': 'fees of {total} yuan paid',
  'certificate.by-decision': 'decision {outcomeWord} on {decidedOn}',
  'co-department.withdrawn': 'returned to {step}',
  'co-department.outcome': 'co-department: {outcomeWord}',
  'supervision.recorded': 'supervision: {ruleWord}',
  'payment.fees': 'fees of {total} yuan',
  'delivery.due': 'delivery due {date} ({article})',
  'delivery.recorded': 'delivered',
  'evaluation.grade': 'grade {grade}',
  'rectification.opened': 'grade {grade}[: {comment}]',
  'correction.resubmitted': 'answer to the correction of {requestedOn}',
  'correction.asked': 'rejected to the applicant for correction: {reason}',
  'correction.supplied': 'the applicant supplied the corrections',
  'correction.restart': 'corrections supplied: through again from {step}',
  'task.urged': 'urged: {task}',
  'task.copied.step': 'copy step {step}: {to}',
  'task.copied': 'copied to {to}',
  'task.escalated-timeout': 'timeout: passed up to the leader',
  'procedure.suspended': 'special procedure[ {procedureWord}] started[: {reason}]',
  'procedure.ended': 'special procedure ended',
  'procedure.resumed': 'special procedure ended: handling resumes',
  'hearing.notified': '{reason}; a hearing may be requested by {date} ({article})',
  'hearing.hold-by': 'hearing to be held by {date} ({article})',
  'hearing.requested-by': 'hearing requested by {by}',
  'hearing.scheduled': '[moved from {movedFrom}; ]notified {noticeOn}, at least 7 working days before (Administrative Licensing Law, article 48(1)(1))',
  'hearing.held': 'held at {place}[, after {holdBy}]',
  'hearing.held-result': 'hearing held: {record}',
  'hearing.not-held': 'hearing not held: {reason}',
  'hearing.waived.all': 'every party waived the right to a hearing (Administrative Licensing Law, article 47)',
  'hearing.waived': '{party} waived the right to a hearing',
  'deadline.moved': 'calendar {toVersion} replaces {fromVersion}: {clockWord} due {newDate} instead of {oldDate}',
  'deadline.confirmed': 'calendar {toVersion} confirms {clockWord} due {newDate} (no longer provisional)',
};

/** Whether `code` is one of the engine's explanation codes. */
export function isTimelineWhyCode(code: unknown): code is TimelineWhyCode {
  return typeof code === 'string' && (TIMELINE_WHY_CODES as readonly string[]).includes(code);
}

/** The text of an engine explanation in `language`; undefined for a code it does not know. */
export function timelineWhyText(code: string, params: Readonly<Record<string, string | number>> = {}, language: Language = 'zh-CN'): string | undefined {
  if (!isTimelineWhyCode(code)) return undefined;
  const word = (key: string, value: string | number | undefined) => (value === undefined ? undefined : codeWord(`${key}.${value}`, language) ?? String(value));
  const words = {
    unitWord: word('unit', params.unit) ?? '', procedureWord: word('procedure', params.procedure),
    channelWord: word('channel', params.channel), outcomeWord: word('outcome', params.outcome), gradeWord: word('grade', params.grade),
    ruleWord: word('rule', String(params.rule ?? '').replace(/^supervision-response:/, '')), clockWord: word('clock', params.clock),
  };
  return fillTemplate((language === 'en' ? EN : ZH)[code], { ...params, ...words });
}

/**
 * The codes of a timeline entry's detail (what happened, beside the event's name): a task opened, claimed,
 * completed, and the operations on it (转办, 委派, 加签, 减签, 驳回, 拿回, 催办, 抄送). The parameters name the
 * task or step by its name, and people by name once the server has looked them up (`TIMELINE_PERSON_PARAMS`).
 */
export const TIMELINE_DETAIL_CODES = [
  'task.created', 'task.created.anyone', 'task.claimed', 'task.completed', 'task.completed.outcome', 'case.returned',
  'task.transferred', 'task.delegated', 'task.resolved', 'task.signers-added', 'task.signers-removed', 'task.signed',
  'task.rejected', 'task.reclaimed', 'rejection.resumed', 'task.urged', 'task.copied',
] as const;
/** One of `TIMELINE_DETAIL_CODES`. */
export type TimelineDetailCode = (typeof TIMELINE_DETAIL_CODES)[number];

/** A detail's parameter: a name, a number, or a list of names (the signers, the people a case is copied to). */
export type TimelineDetailParam = string | number | readonly string[];

/**
 * The parameters of a detail (and of an explanation) that name people: the engine records their user ids,
 * the server puts their display names in their place before the timeline leaves it. A `to` of an explanation
 * lists the 抄送 recipients, people and departments, separated by `、`.
 */
export const TIMELINE_PERSON_PARAMS = ['assignee', 'owner', 'delegate', 'from', 'to', 'by', 'next', 'signers', 'users', 'party'] as const;

const DETAIL_ZH: Record<TimelineDetailCode, string> = {
  'task.created': '“{task}”待办已生成[，办理部门：{department}][，办理岗位：{role}]',
  'task.created.anyone': '“{task}”待办已生成，未限定办理部门',
  'task.claimed': '{assignee}签收“{task}”',
  'task.completed': '“{task}”办理完毕',
  'task.completed.outcome': '“{task}”办理完毕：{outcomeWord}',
  'case.returned': '退回至“{step}”',
  'task.transferred': '“{task}”[由{from}]转办给{to}',
  'task.delegated': '{owner}将“{task}”委派给{delegate}',
  'task.resolved': '{by}将“{task}”交回{owner}',
  'task.signers-added': '“{task}”{modeWord}：{signers}',
  'task.signers-removed': '“{task}”减签：{signers}',
  'task.signed': '[{by}]签署“{task}”，下一位签署人：{next}',
  'task.rejected': '“{task}”驳回至“{step}”，{resumeWord}',
  'task.reclaimed': '[{by}]拿回“{step}”',
  'rejection.resumed': '“{after}”重新办理完毕，直接回到“{step}”',
  'task.urged': '催办“{task}”',
  'task.copied': '“{task}”抄送给{recipients}',
};

const DETAIL_EN: Record<TimelineDetailCode, string> = {
  'task.created': 'task {task} opened[ in {department}][ for {role}]',
  'task.created.anyone': 'task {task} opened for anyone',
  'task.claimed': 'task {task} claimed by {assignee}',
  'task.completed': 'task {task} completed',
  'task.completed.outcome': 'task {task} completed: {outcomeWord}',
  'case.returned': 'returned to {step}',
  'task.transferred': 'task {task} transferred[ from {from}] to {to}',
  'task.delegated': 'task {task} delegated by {owner} to {delegate}',
  'task.resolved': 'task {task} resolved by {by} back to {owner}',
  'task.signers-added': 'signers {signers} added {modeWord} to task {task}',
  'task.signers-removed': 'signers {signers} removed from task {task}',
  'task.signed': 'task {task} signed[ by {by}], next {next}',
  'task.rejected': 'task {task} rejected to {step} ({resumeWord})',
  'task.reclaimed': 'step {step} reclaimed[ by {by}]',
  'rejection.resumed': '{after} done again: straight back to {step}',
  'task.urged': 'task {task} urged',
  'task.copied': 'task {task} copied to {recipients}',
};

/** Whether `code` is one of the timeline's detail codes. */
export function isTimelineDetailCode(code: unknown): code is TimelineDetailCode {
  return typeof code === 'string' && (TIMELINE_DETAIL_CODES as readonly string[]).includes(code);
}

/**
 * The detail of a timeline entry in `language`; undefined for a code it does not know (the page then shows
 * the entry's English `detail` only where it reads English). Lists are joined as the language writes them.
 */
export function timelineDetailText(code: string, params: Readonly<Record<string, TimelineDetailParam>> = {}, language: Language = 'zh-CN'): string | undefined {
  if (!isTimelineDetailCode(code)) return undefined;
  const sep = language === 'en' ? ', ' : '、';
  const values: Record<string, string | number> = {};
  for (const [key, value] of Object.entries(params)) {
    if (typeof value === 'string' || typeof value === 'number') values[key] = value;
    else if (value.length) values[key] = value.join(sep);
  }
  const word = (key: string, value: string | number | undefined) => (value === undefined ? undefined : codeWord(`${key}.${value}`, language) ?? String(value));
  const list = (value: TimelineDetailParam | undefined): readonly string[] => (Array.isArray(value) ? value : typeof value === 'string' && value ? [value] : []);
  const recipients = [...list(params.users), ...list(params.departments)];
  const words = {
    outcomeWord: word('taskOutcome', values.outcome), modeWord: word('mode', values.mode), resumeWord: word('resume', values.resume),
    ...(recipients.length ? { recipients: recipients.join(sep) } : {}),
  };
  return fillTemplate((language === 'en' ? DETAIL_EN : DETAIL_ZH)[code], { ...values, ...words });
}
