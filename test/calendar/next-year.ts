/**
 * A HYPOTHETICAL 2027 arrangement for tests (the State Council has not published the real one): the official
 * data with 2027's 元旦 and a Spring Festival break 02-05..02-12 added, and Sat 02-13 a make-up working day.
 */
import { ChineseWorkingCalendar, chineseDaysData, type OfficialCalendarData } from '../../engine/calendar/index.js';

/** The official data plus the hypothetical 2027 arrangement. */
export const with2027: OfficialCalendarData = {
  ...chineseDaysData(),
  source: 'cn-official@next',
  lastYear: 2027,
  holidays: [
    ...chineseDaysData().holidays,
    '2027-01-01', '2027-01-02', '2027-01-03',
    '2027-02-05', '2027-02-06', '2027-02-07', '2027-02-08', '2027-02-09', '2027-02-10', '2027-02-11', '2027-02-12',
  ],
  makeUpDays: [...chineseDaysData().makeUpDays, '2027-02-13'],
};

/** The calendar on that data: version `cn-official@next:2004-2027`. */
export const next2027 = new ChineseWorkingCalendar({ data: with2027 });
