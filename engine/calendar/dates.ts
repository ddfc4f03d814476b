/**
 * Calendar-date helpers shared by the calendars and the clocks. Dates are `YYYY-MM-DD` strings; internally
 * they are "day numbers" (days since 1970-01-01), which makes day arithmetic exact and cheap. Instants are
 * ISO 8601 strings, placed in a zone by offset arithmetic (luxon reads the other forms). Nothing here reads the system clock.
 */
import { DateTime } from 'luxon';
import type { IsoDate } from './types.js';

const DAY_MS = 86_400_000;
const DATE_RE = /^(\d{4})-(\d{2})-(\d{2})$/;

/** True when `value` is a real calendar date written `YYYY-MM-DD` (so `2026-02-30` is not). */
export function isIsoDate(value: string): boolean {
  const m = DATE_RE.exec(value);
  if (!m) return false;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const back = new Date(Date.UTC(y, mo - 1, d));
  return back.getUTCFullYear() === y && back.getUTCMonth() === mo - 1 && back.getUTCDate() === d;
}

/** Throws a `RangeError` naming the argument when `value` is not a valid `YYYY-MM-DD` date. */
export function assertIsoDate(value: string, what = 'date'): IsoDate {
  if (!isIsoDate(value)) {
    throw new RangeError(`Expected ${what} to be a date YYYY-MM-DD, but it was '${value}'`);
  }
  return value;
}

/** The day number of a date: days since 1970-01-01. */
export function toDayNumber(date: IsoDate): number {
  const m = DATE_RE.exec(date);
  if (!m) throw new RangeError(`Expected a date YYYY-MM-DD, but it was '${date}'`);
  return Math.floor(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3])) / DAY_MS);
}

/** The date of a day number. */
export function fromDayNumber(day: number): IsoDate {
  return new Date(day * DAY_MS).toISOString().slice(0, 10);
}

/** Weekday of a day number, 0 = Sunday … 6 = Saturday (1970-01-01 was a Thursday). */
export function weekdayOf(day: number): number {
  return (((day + 4) % 7) + 7) % 7;
}

/** The date `n` calendar days after `date` (negative `n` goes back). */
export function addCalendarDays(date: IsoDate, n: number): IsoDate {
  return fromDayNumber(toDayNumber(date) + n);
}

/** The year of a date. */
export function yearOf(date: IsoDate): number {
  return Number(date.slice(0, 4));
}

/** A wall-clock time `HH:mm` as minutes after midnight; throws on anything else. */
export function parseClockTime(value: string): number {
  const m = /^([01]\d|2[0-4]):([0-5]\d)$/.exec(value);
  if (!m || (m[1] === '24' && m[2] !== '00')) {
    throw new RangeError(`Expected a time HH:mm, but it was '${value}'`);
  }
  return Number(m[1]) * 60 + Number(m[2]);
}

/** Where an input (a date or an instant) falls in a zone: its local date and, for instants, the minute of day. */
export interface ZonedPoint {
  date: IsoDate;
  /** Minutes after local midnight; `undefined` when the input was a bare date. */
  minute?: number;
}

/**
 * Places a date (`YYYY-MM-DD`) or an instant (ISO 8601; without an offset it is read as local time in `zone`)
 * in `zone`. Throws a `RangeError` for anything else.
 */
export function toZoned(input: string, zone: string): ZonedPoint {
  if (DATE_RE.test(input)) return { date: assertIsoDate(input) };
  const point = remembered(zonedPoints, `${zone} ${input}`, () => {
    const utc = offsetInstantMillis(input);
    if (utc !== undefined) {
      const local = utc + zoneOffsetMinutes(zone, utc) * 60_000;
      const day = Math.floor(local / DAY_MS);
      return { date: fromDayNumber(day), minute: Math.floor((local - day * DAY_MS) / 60_000) };
    }
    const dt = DateTime.fromISO(input, { zone, setZone: false }).setZone(zone);
    if (!dt.isValid) throw new RangeError(`Expected a date or an ISO 8601 instant, but it was '${input}'`);
    return { date: dt.toISODate()!, minute: dt.hour * 60 + dt.minute };
  });
  return { ...point };
}

/**
 * An instant written as RFC 3339 with its offset (`Z` or `±hh:mm`, seconds and up to three fraction digits
 * optional), as milliseconds since the epoch, by arithmetic; `undefined` for any other form or an impossible
 * field, which luxon then reads (and refuses) as before. Every instant the API and the engine write has this
 * form, and parsing it through luxon was most of the cost of placing it in a zone.
 */
const OFFSET_INSTANT_RE = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})(?::(\d{2})(?:\.(\d{1,3}))?)?(?:(Z)|([+-])(\d{2}):(\d{2}))$/;

function offsetInstantMillis(input: string): number | undefined {
  const m = OFFSET_INSTANT_RE.exec(input);
  if (!m) return undefined;
  const date = `${m[1]}-${m[2]}-${m[3]}`;
  const [hour, minute, second] = [Number(m[4]), Number(m[5]), Number(m[6] ?? 0)];
  const [offHour, offMinute] = [Number(m[10] ?? 0), Number(m[11] ?? 0)];
  if (!isIsoDate(date) || hour > 23 || minute > 59 || second > 59 || offHour > 23 || offMinute > 59) {
    return undefined;
  }
  const fraction = Number((m[7] ?? '').padEnd(3, '0'));
  const offset = m[8] ? 0 : (m[9] === '-' ? -1 : 1) * (offHour * 60 + offMinute);
  return toDayNumber(date) * DAY_MS + ((hour * 60 + minute - offset) * 60 + second) * 1000 + fraction;
}

/**
 * The offset of `zone` from UTC, in minutes, at `utc`. Zones change offset only at whole quarter hours in
 * practice, so the offset is remembered per zone per quarter hour when both ends of that quarter hour agree;
 * otherwise (a change inside it) it is looked up exactly. Throws a `RangeError` naming an unknown zone.
 */
const QUARTER_MS = 900_000;
const zoneOffsets = new Map<string, number>();

function zoneOffsetMinutes(zone: string, utc: number): number {
  const slot = Math.floor(utc / QUARTER_MS);
  const key = `${zone} ${slot}`;
  const known = zoneOffsets.get(key);
  if (known !== undefined) return known;
  const exact = (at: number): number => {
    const dt = DateTime.fromMillis(at, { zone });
    if (!dt.isValid) throw new RangeError(`Expected a time zone, but it was '${zone}'`);
    return dt.offset;
  };
  const start = exact(slot * QUARTER_MS);
  if (start !== exact(slot * QUARTER_MS + QUARTER_MS - 1)) return exact(utc);
  if (zoneOffsets.size >= MEMO_LIMIT) zoneOffsets.clear();
  zoneOffsets.set(key, start);
  return start;
}

/**
 * Most results each memo below keeps. Placing an instant in a zone (luxon's offset lookup through `Intl`)
 * was the largest part of a command's step in the HTTP path's profile, and a command places the same few
 * instants again and again (its `now`, the case's deadlines, each light's limits). The functions are pure,
 * so a memo changes no result; it is emptied when full.
 */
const MEMO_LIMIT = 4096;
const zonedPoints = new Map<string, ZonedPoint>();
const instants = new Map<string, string>();
const millis = new Map<string, number>();

function remembered<T>(memo: Map<string, T>, key: string, compute: () => T): T {
  const known = memo.get(key);
  if (known !== undefined) return known;
  const value = compute();
  if (memo.size >= MEMO_LIMIT) memo.clear();
  memo.set(key, value);
  return value;
}

/**
 * The instant at `minute` minutes after local midnight of `date` in `zone`, as ISO 8601 with offset.
 * `minute = 1440` (24:00) is written as 00:00 of the next day (民法典 第203条: a period ends at 24:00).
 */
export function instantAt(date: IsoDate, minute: number, zone: string): string {
  return remembered(instants, `${zone} ${date} ${minute}`, () => {
    const [y, m, d] = date.split('-').map(Number);
    const dt = DateTime.fromObject({ year: y!, month: m!, day: d! }, { zone }).plus({ minutes: minute });
    return dt.toISO({ suppressMilliseconds: true })!;
  });
}

/** Milliseconds since the epoch of an ISO instant (for comparing instants in different offsets). */
export function instantMillis(instant: string, zone: string): number {
  return remembered(millis, `${zone} ${instant}`, () => {
    const utc = offsetInstantMillis(instant);
    if (utc !== undefined) return utc;
    const dt = DateTime.fromISO(instant, { zone });
    if (!dt.isValid) throw new RangeError(`Expected an ISO 8601 instant, but it was '${instant}'`);
    return dt.toMillis();
  });
}

/** The English short weekday name of a date (for messages and the CLI). */
export function weekdayName(date: IsoDate): string {
  return ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'][weekdayOf(toDayNumber(date))]!;
}
