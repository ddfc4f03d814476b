/** Whether a completion (办结) was on time against a deadline, and by how many days it was late. */
import type { IsoDate, WorkingCalendar } from '../calendar/types.js';
import type { Deadline } from './types.js';
import { countInUnit } from './units.js';

/** On time, or late by a number of days of the deadline's unit (超期办结, N WD late). */
export interface CompletionAssessment {
  readonly onTime: boolean;
  /** Days of the deadline's unit d with deadline < d <= completion; 0 when on time. */
  readonly lateDays: number;
  readonly deadline: IsoDate;
  readonly calendarVersion: string;
}

/** Assesses a completion on `completedOn` against `deadline`. */
export function assessCompletion(calendar: WorkingCalendar, deadline: Deadline, completedOn: IsoDate): CompletionAssessment {
  const lateDays = countInUnit(calendar, deadline.date, completedOn, deadline.unit);
  return { onTime: completedOn <= deadline.date, lateDays, deadline: deadline.date, calendarVersion: deadline.calendarVersion };
}
