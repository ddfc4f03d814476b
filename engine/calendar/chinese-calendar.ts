/**
 * The official Chinese working-day calendar (行政许可法 第82条: limits are counted in working days, statutory
 * holidays excluded): Monday to Friday, minus the State Council's holidays, plus the make-up working days
 * (调休), with a locality's own closures and extra working days layered on top.
 */
import { assertIsoDate, fromDayNumber, parseClockTime, toDayNumber, weekdayOf, yearOf } from './dates.js';
import { chineseDaysData, validateOfficialData, type OfficialCalendarData } from './official-data.js';
import { isProvisionalWorkingDay, provisionalWarning } from './provisional.js';
import type { BusinessHours, IsoDate, WorkingCalendar } from './types.js';
import { buildYearTable, indexOfCount, workingUpTo, type YearTable } from './year-table.js';

/** Local overrides and settings of a {@link ChineseWorkingCalendar}. */
export interface ChineseCalendarOptions {
  /** The official data; defaults to the installed `chinese-days` package. */
  data?: OfficialCalendarData;
  /** IANA zone, `Asia/Shanghai` by default. */
  zone?: string;
  /** Local closures: dates that are not working days although the official calendar says they are. */
  closures?: readonly IsoDate[];
  /** Local extra working days: dates that are working days although the official calendar says they are not. */
  extraWorkingDays?: readonly IsoDate[];
  /** The office's business hours (e.g. 09:00-17:00). */
  businessHours?: BusinessHours;
  /** A name for the local overrides in the version string; a content hash is used when omitted. */
  localVersion?: string;
}

/** FNV-1a, 32 bits, as 8 hex digits: a short stable fingerprint of the local overrides. */
function fingerprint(text: string): string {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  return h.toString(16).padStart(8, '0');
}

/**
 * A versioned working-day calendar built on the official data. Its `version` names the data source and
 * the years it covers, e.g. `cn-official@1.5.7:2004-2026`, plus `+local@…` when local overrides apply.
 * Dates outside the covered years follow the provisional rule and are reported by `isProvisional`.
 *
 * Each year is precomputed once (lazily) into a bitmap with prefix counts, so `countWorkingDays` and
 * `addWorkingDays` cost O(years spanned + log 366).
 */
export class ChineseWorkingCalendar implements WorkingCalendar {
  readonly version: string;
  readonly zone: string;
  readonly businessHours: BusinessHours | undefined;
  /** First year covered by official data. */
  readonly firstYear: number;
  /** Last year covered by official data; later dates are provisional. */
  readonly lastYear: number;
  private readonly holidays: ReadonlySet<IsoDate>;
  private readonly makeUpDays: ReadonlySet<IsoDate>;
  private readonly closures: ReadonlySet<IsoDate>;
  private readonly extraWorkingDays: ReadonlySet<IsoDate>;
  private readonly tables = new Map<number, YearTable>();

  constructor(private readonly options: ChineseCalendarOptions = {}) {
    const data = options.data ? validateOfficialData(options.data) : chineseDaysData();
    this.zone = options.zone ?? 'Asia/Shanghai';
    this.firstYear = data.firstYear;
    this.lastYear = data.lastYear;
    this.holidays = new Set(data.holidays);
    this.makeUpDays = new Set(data.makeUpDays);
    const closures = [...(options.closures ?? [])].map((d) => assertIsoDate(d, 'a closure')).sort();
    const extra = [...(options.extraWorkingDays ?? [])].map((d) => assertIsoDate(d, 'an extra working day')).sort();
    const both = closures.find((d) => extra.includes(d));
    if (both) throw new RangeError(`Expected ${both} to be either a closure or an extra working day, not both`);
    this.closures = new Set(closures);
    this.extraWorkingDays = new Set(extra);
    if (options.businessHours) {
      const open = parseClockTime(options.businessHours.open);
      const close = parseClockTime(options.businessHours.close);
      if (!(open < close)) throw new RangeError(`Expected business hours to open before they close`);
    }
    this.businessHours = options.businessHours;
    const local = closures.length + extra.length > 0 || options.businessHours !== undefined;
    const fp = () => fingerprint(JSON.stringify({ closures, extra, hours: options.businessHours ?? null }));
    this.version =
      `${data.source}:${data.firstYear}-${data.lastYear}` + (local ? `+local@${options.localVersion ?? fp()}` : '');
  }

  /** The years with official data, e.g. `{ first: 2004, last: 2026 }`. */
  get coveredYears(): { first: number; last: number } {
    return { first: this.firstYear, last: this.lastYear };
  }

  /** A new calendar on the same official data with other local overrides. */
  withOverrides(overrides: Omit<ChineseCalendarOptions, 'data'>): ChineseWorkingCalendar {
    return new ChineseWorkingCalendar({ ...overrides, ...(this.options.data ? { data: this.options.data } : {}) });
  }

  isProvisional(date: IsoDate): boolean {
    const y = yearOf(assertIsoDate(date));
    return y < this.firstYear || y > this.lastYear;
  }

  /** An operator warning when any of the dates is provisional; `undefined` otherwise. */
  provisionalWarning(...dates: IsoDate[]): string | undefined {
    return provisionalWarning(this, dates);
  }

  isWorkingDay(date: IsoDate): boolean {
    const day = toDayNumber(assertIsoDate(date));
    const table = this.table(yearOf(date));
    return table.working[day - table.firstDay] === 1;
  }

  addWorkingDays(date: IsoDate, n: number): IsoDate {
    assertIsoDate(date);
    if (!Number.isInteger(n) || n < 0) throw new RangeError(`Expected n to be a non-negative integer, but it was ${n}`);
    if (n === 0) return date;
    let table = this.table(yearOf(date));
    let target = workingUpTo(table, toDayNumber(date) - table.firstDay) + n;
    while (target > table.total) {
      target -= table.total;
      table = this.table(table.year + 1);
    }
    return fromDayNumber(table.firstDay + indexOfCount(table, target));
  }

  countWorkingDays(from: IsoDate, to: IsoDate): number {
    const a = toDayNumber(assertIsoDate(from, 'from'));
    const b = toDayNumber(assertIsoDate(to, 'to'));
    if (b <= a) return 0;
    const ta = this.table(yearOf(from));
    const tb = this.table(yearOf(to));
    let count = workingUpTo(tb, b - tb.firstDay) - workingUpTo(ta, a - ta.firstDay);
    for (let y = ta.year; y < tb.year; y++) count += this.table(y).total;
    return count;
  }

  /** Why a date is or is not a working day (for operators and the CLI). */
  explain(date: IsoDate): string {
    assertIsoDate(date);
    if (this.closures.has(date)) return 'local closure';
    if (this.extraWorkingDays.has(date)) return 'local extra working day';
    if (this.isProvisional(date)) {
      return isProvisionalWorkingDay(date) ? 'weekday (provisional)' : 'weekend or fixed-date holiday (provisional)';
    }
    if (this.makeUpDays.has(date)) return 'make-up working day (调休)';
    if (this.holidays.has(date)) return 'official holiday';
    const wd = weekdayOf(toDayNumber(date));
    return wd === 0 || wd === 6 ? 'weekend' : 'weekday';
  }

  private officialWorkingDay(date: IsoDate, day: number): boolean {
    if (this.closures.has(date)) return false;
    if (this.extraWorkingDays.has(date)) return true;
    const y = yearOf(date);
    if (y < this.firstYear || y > this.lastYear) return isProvisionalWorkingDay(date);
    if (this.makeUpDays.has(date)) return true;
    if (this.holidays.has(date)) return false;
    const wd = weekdayOf(day);
    return wd !== 0 && wd !== 6;
  }

  private table(year: number): YearTable {
    let t = this.tables.get(year);
    if (!t) {
      if (year < 1000 || year > 9998) throw new RangeError(`Expected a year between 1000 and 9998, but it was ${year}`);
      t = buildYearTable(year, (date, day) => this.officialWorkingDay(date, day));
      this.tables.set(year, t);
    }
    return t;
  }
}
