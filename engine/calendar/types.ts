/** A calendar date `YYYY-MM-DD` in the calendar's zone (Asia/Shanghai by default). */
export type IsoDate = string;

/**
 * An office's business hours as local wall-clock times `HH:mm`. When an item is configured to use them,
 * a limit ends at closing time of its last day instead of 24:00 (民法典 第203条: "有业务时间的，停止业务活动的
 * 时间为截止时间"), and under counting policy C2 a receipt outside them counts as received on the next
 * working day.
 */
export interface BusinessHours {
  /** Opening time, e.g. `09:00`. */
  readonly open: string;
  /** Closing time, e.g. `17:00`. */
  readonly close: string;
}

/**
 * The counting rules a locality sets beside its calendar (closures, extra working days and business hours are
 * the calendar's own): the counting policy new cases are received under, the light thresholds and the time a
 * department has to answer a supervision record. Versioned: `version` is the locality settings version.
 */
export interface LocalityRules {
  readonly version: number;
  /** C1 (trigger day not counted, 民法典 第201条) or C2 (a receipt outside working time counts from the next working day). */
  readonly countingPolicy: 'C1' | 'C2';
  /** Whether limits end at closing time (民法典 第203条: 有业务时间的，停止业务活动的时间为截止时间); true when business hours are set. */
  readonly endAtClosing: boolean;
  /** The light thresholds where an item sets none. */
  readonly lightThresholds: { readonly warnAtPercent: number; readonly warnWhenDaysLeft?: number };
  /** The response limit of a supervision record (督办回复期限). */
  readonly supervisionResponseLimit: { readonly value: number; readonly unit: 'WD' | 'CD' };
}

/**
 * The working-day calendar the engine counts limits with (行政许可法 第82条: limits are in working days).
 *
 * Counting follows 民法典 第201条: the day of the triggering event is not counted, so
 * `addWorkingDays(d, n)` is the n-th working day strictly after `d`.
 */
export interface WorkingCalendar {
  /** Identifies the data the answers came from, recorded with every computed deadline. */
  readonly version: string;
  /** IANA zone whose calendar days these are. */
  readonly zone: string;
  /** The office's business hours, when the locality set them; `undefined` means limits end at 24:00. */
  readonly businessHours?: BusinessHours | undefined;
  /** The locality's counting rules, when the installation has settings (server `locality_settings`). */
  readonly locality?: LocalityRules | undefined;
  /** Whether the date is a working day (Mon–Fri minus holidays plus make-up days, for the official calendar). */
  isWorkingDay(date: IsoDate): boolean;
  /** The n-th working day after `date` (the date itself not counted); `n = 0` returns `date`. */
  addWorkingDays(date: IsoDate, n: number): IsoDate;
  /** The number of working days d with `from < d <= to` (0 when `to <= from`). */
  countWorkingDays(from: IsoDate, to: IsoDate): number;
  /** True when the date lies outside the years the calendar's official data covers. */
  isProvisional(date: IsoDate): boolean;
}
