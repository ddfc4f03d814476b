/**
 * The explanations the engine itself gives in a case's timeline (why a step's clock stopped, why the light
 * changed), by stable code with parameters, in Chinese (the default) and English. The event keeps its
 * English `why` for the log; the timeline carries the code so the pages word it. A reason a person typed has
 * no code: it is shown as written. Pure: no I/O.
 */
import { fillTemplate, type Language } from './render.js';

/** The codes of the engine's own timeline explanations. */
export const TIMELINE_WHY_CODES = ['step-clock.task-completed', 'step-clock.task-cancelled', 'light.promised-used'] as const;
/** One of `TIMELINE_WHY_CODES`. */
export type TimelineWhyCode = (typeof TIMELINE_WHY_CODES)[number];

const ZH: Record<TimelineWhyCode, string> = {
  'step-clock.task-completed': '本环节已办理完毕，环节时限停止计算',
  'step-clock.task-cancelled': '本环节已取消，环节时限停止计算',
  'light.promised-used': '承诺时限已用 {elapsed}/{limit}{unitWord}',
};

const EN: Record<TimelineWhyCode, string> = {
  'step-clock.task-completed': 'task completed',
  'step-clock.task-cancelled': 'task cancelled',
  'light.promised-used': '{elapsed} of {limit} {unit} of the promised limit used',
};

const UNIT_WORDS: Record<Language, Record<string, string>> = {
  'zh-CN': { WD: '个工作日', CD: '个自然日' },
  en: { WD: 'WD', CD: 'CD' },
};

/** Whether `code` is one of the engine's explanation codes. */
export function isTimelineWhyCode(code: unknown): code is TimelineWhyCode {
  return typeof code === 'string' && (TIMELINE_WHY_CODES as readonly string[]).includes(code);
}

/** The text of an engine explanation in `language`; undefined for a code it does not know. */
export function timelineWhyText(code: string, params: Readonly<Record<string, string | number>> = {}, language: Language = 'zh-CN'): string | undefined {
  if (!isTimelineWhyCode(code)) return undefined;
  const unit = params.unit === undefined ? undefined : String(params.unit);
  const unitWord = unit === undefined ? '' : (UNIT_WORDS[language][unit] ?? unit);
  return fillTemplate((language === 'en' ? EN : ZH)[code], { ...params, unitWord });
}
