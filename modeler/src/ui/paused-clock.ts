/**
 * The paused clock (暂停计时) of a case, for staff and applicant alike: while a special procedure that does not
 * count toward a limit runs (行政许可法 第45条: 听证, 检验, 检测, 鉴定, 专家评审 …), which clocks stand still,
 * since when, until when it is expected to end, and that the deadlines move by it when it ends.
 */
import type { CaseDetail } from './api-types.js';
import { el, keyed, type T } from './dom.js';

/** The line about the running special procedure, or nothing when none runs. */
export function pausedClockLine(t: T, c: CaseDetail): HTMLElement | undefined {
  const running = (c.ledger ?? []).find((s) => !s.end);
  if (!running) return undefined;
  const name = keyed(t, 'procedure', running.type);
  const end = running.expectedEnd ? t('expected to end {date}', { date: running.expectedEnd }) : t('end not yet known');
  const paused = [running.pauses?.statutory ? t('Statutory limit') : '', running.pauses?.promised ? t('Promised limit') : ''].filter(Boolean);
  const text = paused.length
    ? t('Clock paused: {name} since {start}, {end}; the time does not count toward the {clocks}, and the deadlines move by it when it ends.', { name, start: running.start, end, clocks: paused.join('、') })
    : t('{name} runs since {start}, {end}; its time counts toward the limits.', { name, start: running.start, end });
  return el('p', { id: 'clock-paused', class: 'notice paused', 'data-procedure': running.type }, text);
}
