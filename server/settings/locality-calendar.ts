/**
 * The calendar the runtime counts with: the official calendar with the locality's closures, extra working days
 * and business hours layered on (行政许可法 第82条 counts working days; a locality closes or opens on its own
 * days), carrying the locality's counting rules (`WorkingCalendar.locality`). Applying a new settings version
 * swaps the layered calendar in place, so every runner, sweep and route that holds this object counts on it
 * from the next command; its `version` names the settings version (`…+local@settings-v<N>`).
 */
import type { ChineseCalendarOptions } from '../../engine/calendar/chinese-calendar.js';
import type { BusinessHours, IsoDate, LocalityRules, WorkingCalendar } from '../../engine/calendar/types.js';
import type { LocalitySettingsVersion } from './locality-settings.js';

/** A calendar that can layer local overrides (the official `ChineseWorkingCalendar` can). */
type Layerable = WorkingCalendar & { withOverrides?: (o: Omit<ChineseCalendarOptions, 'data'>) => WorkingCalendar };

/**
 * `base` with the closures, extra working days and business hours of settings version `v`, named
 * `settings-v<N>` in its version; `base` itself when `v` sets none of them. Shared by the runtime's calendar
 * and the command line, so both count the same days under the same version.
 */
export function withLocalDays<C extends WorkingCalendar>(base: C & { withOverrides(o: Omit<ChineseCalendarOptions, 'data'>): C }, v: LocalitySettingsVersion): C {
  const s = v.settings;
  const local = s.closures.length + s.extraWorkingDays.length > 0 || s.businessHours !== null;
  return local
    ? base.withOverrides({
        zone: base.zone,
        closures: s.closures,
        extraWorkingDays: s.extraWorkingDays,
        ...(s.businessHours ? { businessHours: s.businessHours } : {}),
        localVersion: `settings-v${v.version}`,
      })
    : base;
}

/** The official calendar with the locality's settings in force. */
export class LocalityCalendar implements WorkingCalendar {
  private inner: WorkingCalendar;
  private rules: LocalityRules | undefined;
  private applied: LocalitySettingsVersion | undefined;

  constructor(private base: Layerable) {
    this.inner = base;
  }

  /**
   * Counts on a new official calendar from now on (a year's holiday arrangement loaded), with the settings
   * version in force layered on it again. Throws RangeError when the new calendar cannot layer them.
   */
  replaceBase(base: Layerable): void {
    const before = this.base;
    this.base = base;
    try {
      this.inner = this.applied ? this.layered(this.applied) : base;
    } catch (error) {
      this.base = before;
      throw error;
    }
  }

  /** The version of the official calendar under the local settings (`cn-official@…:2004-2026`). */
  get baseVersion(): string {
    return this.base.version;
  }

  /** A calendar on `base` with the settings in force, to see what it would count without putting it in force. */
  preview(base: Layerable): WorkingCalendar {
    const other = new LocalityCalendar(base);
    if (this.applied) other.apply(this.applied);
    return other;
  }

  /** Whether the base calendar can take local closures, extra working days and business hours. */
  get layerable(): boolean {
    return typeof this.base.withOverrides === 'function';
  }

  /** Throws RangeError when `v` cannot be put in force (the base calendar refuses its days or hours). */
  check(v: LocalitySettingsVersion): void {
    this.layered(v);
  }

  /** Puts a settings version in force. Throws RangeError when the base calendar cannot layer it. */
  apply(v: LocalitySettingsVersion): void {
    const s = v.settings;
    this.inner = this.layered(v);
    this.applied = v;
    this.rules = {
      version: v.version,
      countingPolicy: s.countingPolicy,
      endAtClosing: s.businessHours !== null,
      lightThresholds: s.lightThresholds,
      supervisionResponseLimit: s.supervisionResponseLimit,
    };
  }

  private layered(v: LocalitySettingsVersion): WorkingCalendar {
    const s = v.settings;
    const local = s.closures.length + s.extraWorkingDays.length > 0 || s.businessHours !== null;
    if (!local) return this.base;
    if (!this.layerable) throw new RangeError('Expected a calendar that takes local overrides, but this one does not');
    return withLocalDays(this.base as WorkingCalendar & { withOverrides(o: Omit<ChineseCalendarOptions, 'data'>): WorkingCalendar }, v);
  }

  get version(): string {
    return this.inner.version;
  }
  get zone(): string {
    return this.inner.zone;
  }
  get businessHours(): BusinessHours | undefined {
    return this.inner.businessHours;
  }
  /** The years of official data of the base calendar, when it has such data (the official calendar has). */
  get coveredYears(): { first: number; last: number } | undefined {
    return (this.base as WorkingCalendar & { coveredYears?: { first: number; last: number } }).coveredYears;
  }
  get locality(): LocalityRules | undefined {
    return this.rules;
  }
  isWorkingDay(date: IsoDate): boolean {
    return this.inner.isWorkingDay(date);
  }
  addWorkingDays(date: IsoDate, n: number): IsoDate {
    return this.inner.addWorkingDays(date, n);
  }
  countWorkingDays(from: IsoDate, to: IsoDate): number {
    return this.inner.countWorkingDays(from, to);
  }
  isProvisional(date: IsoDate): boolean {
    return this.inner.isProvisional(date);
  }
}
