/**
 * The time contract of the API. Every instant is RFC 3339 in UTC with a `Z` and milliseconds
 * (`2026-03-02T01:00:00.000Z`, what `Date.prototype.toISOString` writes); every legal day is a bare date
 * `YYYY-MM-DD` in the calendar's zone (Asia/Shanghai). A deadline always carries both: its last day (`date`,
 * `due`, `responseDue` …), which is the day a person reads, and the exclusive instant it ends (24:00 of that
 * day, or office closing), which is for comparing. So a limit ending at 24:00 of 2026-10-10 is the date
 * `2026-10-10` and the instant `2026-10-10T16:00:00.000Z`, never "10-11".
 *
 * The engine keeps its deadline instants in the calendar's zone (`+08:00`); the API writes them through
 * {@link apiInstant}. No node or server import here: the console reads this module too.
 */
import { Type, type SchemaOptions, type TString } from '@sinclair/typebox';

/** The pattern of an API instant: UTC, `Z`, milliseconds. */
export const INSTANT_PATTERN = '^\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}\\.\\d{3}Z$';

/** The pattern of a legal day. */
export const DATE_PATTERN = '^\\d{4}-\\d{2}-\\d{2}$';

/** The time contract in words, for the OpenAPI document's description and `docs/api.md`. */
export const TIME_CONTRACT =
  'Times: every instant (fields typed `date-time`, named `…At`, `instant`, `endsAt`) is RFC 3339 in UTC with milliseconds, ' +
  '`2026-03-02T01:00:00.000Z`. Every legal day (fields typed `date`, named `…On`, `date`, `due`, `responseDue`, `validFrom` …) is ' +
  '`YYYY-MM-DD` in Beijing time (Asia/Shanghai). A deadline gives its last day and the instant it ends: a limit ending at 24:00 ' +
  'of 2026-10-10 is the date `2026-10-10` with the instant `2026-10-10T16:00:00.000Z`.';

/** An instant of the API (see {@link TIME_CONTRACT}). */
export function Instant(description?: string, options: SchemaOptions = {}): TString {
  return Type.String({ format: 'date-time', pattern: INSTANT_PATTERN, ...(description ? { description } : {}), ...options });
}

/** A legal day `YYYY-MM-DD` in the calendar's zone. */
export function LegalDate(description?: string): TString {
  return Type.String({ format: 'date', pattern: DATE_PATTERN, ...(description ? { description } : {}) });
}

/** A day or an instant, as a trigger or an approval time may be given: a date stays, an instant is written as the API writes instants. */
export function DateOrInstant(description?: string): TString {
  return Type.String({ pattern: `${DATE_PATTERN}|${INSTANT_PATTERN}`, ...(description ? { description } : {}) });
}

/** An instant in any RFC 3339 offset (or a day) written as the API writes instants; a bare date is kept. */
export function apiInstant(value: string): string {
  if (/^\d{4}-\d{2}-\d{2}$/.test(value)) return value;
  const ms = Date.parse(value);
  return Number.isNaN(ms) ? value : new Date(ms).toISOString();
}
