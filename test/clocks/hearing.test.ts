import { describe, expect, it } from 'vitest';
import { ChineseWorkingCalendar } from '../../engine/calendar/index.js';
import {
  decideHearingRequest, decideHearingSchedule, earliestHearingDay, hearingHoldDeadline, hearingRequestDeadline, latestNoticeDay,
} from '../../engine/clocks/index.js';

const calendar = new ChineseWorkingCalendar();
const zone = 'Asia/Shanghai';

describe('hearing clocks (行政许可法 第47条, 第48条; working days by 第82条)', () => {
  it('gives 5 working days to request a hearing: told Wed 09-23, the 中秋 and 国庆 holidays push it to 10-08', () => {
    // 09-24, 09-28, 09-29, 09-30, then 10-01..07 off: the 5th working day is 10-08.
    const d = hearingRequestDeadline(calendar, '2026-09-23T15:00:00+08:00');
    expect([d.date, d.unit, d.value, d.basis.rule, d.basis.article]).toEqual(['2026-10-08', 'WD', 5, 'hearing:request', '行政许可法第47条']);
    // An item whose regulation counts calendar days: 5 days end Mon 09-28.
    expect(hearingRequestDeadline(calendar, '2026-09-23', { value: 5, unit: 'CD' }).date).toBe('2026-09-28');
  });

  it('accepts the request on the last day and refuses it the day after', () => {
    const requestBy = hearingRequestDeadline(calendar, '2026-09-23T15:00:00+08:00');
    expect(decideHearingRequest(requestBy, '2026-10-08T23:59:00+08:00', zone)).toEqual({ ok: true, requestedOn: '2026-10-08' });
    expect(decideHearingRequest(requestBy, '2026-10-09T09:00:00+08:00', zone)).toEqual({
      ok: false,
      code: 'hearing.request-late',
      message: 'Expected the hearing request within 5 working days of the notice (行政许可法第47条: by 2026-10-08), but it came on 2026-10-09',
    });
  });

  it('holds the hearing within 20 working days of the request: requested 09-29, by 11-02', () => {
    // 09-30, 10-08, 10-09, Sat 10-10 (调休), 10-12..16, 10-19..23, 10-26..30, 11-02.
    const d = hearingHoldDeadline(calendar, '2026-09-29T10:00:00+08:00');
    expect([d.date, d.basis.rule, d.provisional]).toEqual(['2026-11-02', 'hearing:hold', false]);
  });

  it('notifies the time and place 7 working days before: notified 09-30, the hearing is 10-15 at the earliest', () => {
    // 10-08, 10-09, Sat 10-10 (调休), 10-12, 10-13, 10-14, 10-15.
    expect(earliestHearingDay(calendar, '2026-09-30')).toBe('2026-10-15');
    expect(latestNoticeDay(calendar, '2026-10-14')).toBe('2026-09-29');
    // Across 端午 (06-19..21): (06-21, 06-30] holds the 7 working days 06-22..26, 06-29, 06-30.
    expect(latestNoticeDay(calendar, '2026-06-30')).toBe('2026-06-21');
    expect(latestNoticeDay(calendar, '2026-06-30', { value: 7, unit: 'CD' })).toBe('2026-06-23');
  });

  it('refuses a hearing set too soon after its notice, or beyond 20 working days of the request', () => {
    const holdBy = hearingHoldDeadline(calendar, '2026-09-29T10:00:00+08:00');
    expect(decideHearingSchedule(calendar, { noticeDay: '2026-09-30', hearingDay: '2026-10-15', holdBy })).toEqual({
      ok: true, earliest: '2026-10-15', latestNotice: '2026-10-07',
    });
    expect(decideHearingSchedule(calendar, { noticeDay: '2026-09-30', hearingDay: '2026-10-14', holdBy })).toEqual({
      ok: false,
      code: 'hearing.notice-too-late',
      message: "Expected the notice of the hearing's time and place 7 working days before it (行政许可法第48条第1款第1项: by 2026-09-29 for a hearing on 2026-10-14), but it is given on 2026-09-30",
    });
    expect(decideHearingSchedule(calendar, { noticeDay: '2026-10-12', hearingDay: '2026-11-03', holdBy })).toMatchObject({
      ok: false,
      code: 'hearing.beyond-limit',
      message: 'Expected the hearing within 20 working days of the request (行政许可法第47条: by 2026-11-02), but it is set for 2026-11-03',
    });
  });
});
