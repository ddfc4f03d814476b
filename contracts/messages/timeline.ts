/**
 * The explanations the engine itself gives in a case's timeline (why the deadlines were computed again, a
 * step's clock started or stopped, the light changed …), by stable code with parameters, in Chinese (the
 * default) and English. The event keeps its English `why` for the log; the timeline carries the code so the
 * pages word it. A reason a person typed has no code: it is shown as written. Pure: no I/O.
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
};

/** Whether `code` is one of the engine's explanation codes. */
export function isTimelineWhyCode(code: unknown): code is TimelineWhyCode {
  return typeof code === 'string' && (TIMELINE_WHY_CODES as readonly string[]).includes(code);
}

/** The text of an engine explanation in `language`; undefined for a code it does not know. */
export function timelineWhyText(code: string, params: Readonly<Record<string, string | number>> = {}, language: Language = 'zh-CN'): string | undefined {
  if (!isTimelineWhyCode(code)) return undefined;
  const word = (key: string, value: string | number | undefined) => (value === undefined ? undefined : codeWord(`${key}.${value}`, language) ?? String(value));
  const words = { unitWord: word('unit', params.unit) ?? '', procedureWord: word('procedure', params.procedure) };
  return fillTemplate((language === 'en' ? EN : ZH)[code], { ...params, ...words });
}
