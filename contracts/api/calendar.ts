/**
 * The answer of `GET /api/calendar`, one shape for the server that builds it and the console page that reads
 * it: how the official working-day calendar stands and which open cases have provisional deadlines.
 */

/** A case in handling with a deadline beyond the official data. */
export interface ProvisionalCase {
  caseNo: string;
  itemCode: string;
  itemName?: string;
  department?: string;
  /** The exclusive end instants of its limits (24:00 written as the next day's 00:00). */
  promisedDeadline?: string;
  statutoryDeadline?: string;
}

/** The calendar's state for operations. */
export interface CalendarStatus {
  version: string;
  zone: string;
  /** The years of official data, first to last (contiguous). */
  firstYear: number;
  lastYear: number;
  /** The Beijing year of the business clock, and the next one. */
  thisYear: number;
  nextYear: number;
  /** The State Council's arrangement for `nextYear` is not loaded: later deadlines are provisional. */
  nextYearMissing: boolean;
  provisionalCases: number;
  cases: ProvisionalCase[];
}
