/**
 * Time values in a BPMN file: ISO 8601 dates, durations and repeating intervals (BPMN 2.0.2 §10.5.3 points
 * to ISO 8601 for `timeDate`, `timeDuration` and `timeCycle`), and the `approval:timeLimit` notation.
 */
import { DateTime } from 'luxon';
import type { TimeLimit } from '../../engine/core/model.js';

// Luxon also accepts `PT` alone, which ISO 8601 does not; this pattern requires at least one component and
// a component after `T`. Only the last component may carry a fraction (ISO 8601-1 §5.5.2.4, simplified).
const DURATION =
  /^P(?!$)(\d+Y)?(\d+M)?(\d+W)?(\d+D)?(T(?=\d)(\d+H)?(\d+M)?(\d+(?:[.,]\d+)?S)?)?$/;

/** True for an ISO 8601 duration such as `P3D`, `PT4H`, `P1Y2M`, `PT0.5S`. */
export function isIsoDuration(text: string): boolean {
  return DURATION.test(text) && !text.endsWith('T');
}

/**
 * Checks an ISO 8601 date-time for a timer. A date-time without an offset would depend on the server's
 * zone, so it is refused: time in Shenpi is always an absolute instant.
 */
export function checkIsoDateTime(text: string): string | null {
  const parsed = DateTime.fromISO(text, { setZone: true });
  if (!parsed.isValid) return `'${text}' is not an ISO 8601 date-time`;
  if (!/(Z|[+-]\d{2}(:?\d{2})?)$/.test(text)) {
    return `'${text}' has no offset; write it with Z or an offset such as +08:00`;
  }
  return null;
}

/** Checks an ISO 8601 repeating interval `R[n]/duration`, `R[n]/start/duration` or `R[n]/duration/end`. */
export function checkIsoCycle(text: string): string | null {
  const parts = text.split('/');
  if (!/^R\d*$/.test(parts[0] ?? '') || parts.length < 2 || parts.length > 3) {
    return `'${text}' is not an ISO 8601 repeating interval (R[n]/[start/]duration)`;
  }
  const rest = parts.slice(1);
  const durations = rest.filter(isIsoDuration);
  if (durations.length !== 1) return `'${text}' needs exactly one duration in its interval`;
  for (const part of rest) {
    if (part === durations[0]) continue;
    const problem = checkIsoDateTime(part);
    if (problem) return `in cycle '${text}': ${problem}`;
  }
  return null;
}

const DAYS = /^(\d+)\s*(WD|CD)$/;

/**
 * Parses `approval:timeLimit`: `<n>WD` (working days), `<n>CD` (calendar days) or an ISO 8601 duration.
 * Returns a string describing the problem when the value is not one of those.
 */
export function parseTimeLimit(text: string): TimeLimit | string {
  const value = text.trim();
  const days = DAYS.exec(value);
  if (days) return { value: Number(days[1]), unit: days[2] as 'WD' | 'CD' };
  if (isIsoDuration(value)) return { duration: value };
  return `'${text}' is not a time limit: write <n>WD (working days), <n>CD (calendar days) or an ISO 8601 duration`;
}
