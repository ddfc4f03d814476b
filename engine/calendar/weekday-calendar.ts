import type { BusinessHours, IsoDate, WorkingCalendar } from './types.js';

const DAY_MS = 86_400_000;

function toDayNumber(date: IsoDate): number {
  const [y, m, d] = date.split('-').map(Number);
  return Math.floor(Date.UTC(y!, m! - 1, d!) / DAY_MS);
}

function fromDayNumber(day: number): IsoDate {
  return new Date(day * DAY_MS).toISOString().slice(0, 10);
}

/** Weekday of a day number, 0 = Sunday (1970-01-01 was a Thursday). */
function weekday(day: number): number {
  return (((day + 4) % 7) + 7) % 7;
}

/**
 * The simplest working-day calendar: Monday to Friday, no holidays. For tests of the engine core and for
 * localities without official data; the official Chinese calendar lives beside it.
 */
export class WeekdayCalendar implements WorkingCalendar {
  readonly version = 'weekdays';
  /**
   * @param zone IANA zone of the calendar days.
   * @param businessHours the office's business hours, if the locality set them.
   */
  constructor(
    readonly zone: string = 'Asia/Shanghai',
    readonly businessHours?: BusinessHours,
  ) {}

  isWorkingDay(date: IsoDate): boolean {
    const wd = weekday(toDayNumber(date));
    return wd !== 0 && wd !== 6;
  }

  addWorkingDays(date: IsoDate, n: number): IsoDate {
    let day = toDayNumber(date);
    let left = n;
    while (left > 0) {
      day += 1;
      if (this.isWorkingDay(fromDayNumber(day))) left -= 1;
    }
    return fromDayNumber(day);
  }

  countWorkingDays(from: IsoDate, to: IsoDate): number {
    let count = 0;
    for (let day = toDayNumber(from) + 1; day <= toDayNumber(to); day++) {
      if (this.isWorkingDay(fromDayNumber(day))) count++;
    }
    return count;
  }

  isProvisional(): boolean {
    return false;
  }
}
