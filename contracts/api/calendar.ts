/**
 * The answer of `GET /api/calendar`, one schema for the server that builds it, the route that serialises it
 * and the console page that reads it: how the official working-day calendar stands and which open cases have
 * provisional deadlines.
 */
import { Type, type Static } from '@sinclair/typebox';
import { Instant } from './time.js';

/** A case in handling with a deadline beyond the official data. */
export const ProvisionalCaseSchema = Type.Object({
  caseNo: Type.String(),
  itemCode: Type.String(),
  itemName: Type.Optional(Type.String()),
  department: Type.Optional(Type.String()),
  promisedDeadline: Type.Optional(Instant('The exclusive end instant of the promised limit')),
  statutoryDeadline: Type.Optional(Instant('The exclusive end instant of the statutory limit')),
}, { additionalProperties: false, description: 'A case in handling with a deadline beyond the official data' });
export type ProvisionalCase = Static<typeof ProvisionalCaseSchema>;

/** The calendar's state for operations. */
export const CalendarStatusSchema = Type.Object({
  version: Type.String({ description: 'The working-day calendar version' }),
  zone: Type.String({ description: 'Its time zone (Asia/Shanghai)' }),
  firstYear: Type.Integer({ description: 'The first year of official data' }),
  lastYear: Type.Integer({ description: 'The last year of official data (the years are contiguous)' }),
  thisYear: Type.Integer({ description: 'The Beijing year of the business clock' }),
  nextYear: Type.Integer(),
  nextYearMissing: Type.Boolean({ description: 'The State Council\'s arrangement for `nextYear` is not loaded: later deadlines are provisional' }),
  provisionalCases: Type.Integer({ description: 'Cases in handling with a promised or statutory deadline beyond the last year held' }),
  cases: Type.Array(ProvisionalCaseSchema, { description: 'The first 200 of them' }),
}, { additionalProperties: false, description: 'The working-day calendar\'s state' });
export type CalendarStatus = Static<typeof CalendarStatusSchema>;

const Dates = Type.Array(Type.String({ maxLength: 10 }), { maxItems: 366 });

/** A year's holiday arrangement (节假日安排) as the State Council's notice gives it. */
export const YearArrangementBodySchema = Type.Object({
  year: Type.Integer(),
  holidays: Dates,
  makeUpDays: Dates,
  notice: Type.String({ minLength: 1, maxLength: 256, description: 'the notice the dates come from, e.g. 国办发明电〔2026〕12号' }),
}, { additionalProperties: false });
export type YearArrangementBody = Static<typeof YearArrangementBodySchema>;
