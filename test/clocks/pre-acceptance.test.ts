import { describe, expect, it } from 'vitest';
import { ChineseWorkingCalendar } from '../../engine/calendar/index.js';
import { caseDeadlines, decideCorrectionNotice, preAcceptanceStatus, type CorrectionNotice } from '../../engine/clocks/index.js';

const cal = new ChineseWorkingCalendar();

describe('the pre-acceptance window (行政许可法 第32条)', () => {
  const received = '2026-09-25T17:30:00+08:00';

  it('runs 5 WD from the receipt, skipping the National Day holidays', () => {
    const s = preAcceptanceStatus(cal, { received, now: '2026-10-09' });
    expect(s.deadline.date).toBe('2026-10-09');
    expect(s.deadline.basis.article).toBe('行政许可法第32条');
    expect(s.state).toBe('open');
  });

  it('lapses at 00:00 after the window and back-dates the acceptance to the receipt', () => {
    const s = preAcceptanceStatus(cal, { received, now: '2026-10-10T00:00:00+08:00' });
    expect(s.state).toBe('deemed-accepted');
    expect(s.deemedAcceptance).toEqual({
      acceptedOn: '2026-09-25',
      article: '行政许可法第32条',
      lapsedAt: '2026-10-10T00:00:00+08:00',
      late: false,
    });
    // The case clocks then run from the receipt day.
    const d = caseDeadlines(cal, { accepted: s.deemedAcceptance!.acceptedOn, promised: { value: 5, unit: 'WD' } });
    expect(d.promised.date).toBe('2026-10-09');
    expect(d.statutory.date).toBe('2026-10-29');
  });

  it('a notice or decision on the last day of the window stops it; the day after is late', () => {
    expect(preAcceptanceStatus(cal, { received, noticeIssuedOn: '2026-10-09', now: '2026-10-12' }).state).toBe('notice-issued');
    expect(preAcceptanceStatus(cal, { received, decidedOn: '2026-10-09', now: '2026-10-12' }).state).toBe('decided');
    const late = preAcceptanceStatus(cal, { received, noticeIssuedOn: '2026-10-10', now: '2026-10-12' });
    expect(late.state).toBe('deemed-accepted');
    expect(late.deemedAcceptance?.late).toBe(true);
  });

  it('with business hours the window ends at closing on its last day', () => {
    const office = cal.withOverrides({ businessHours: { open: '09:00', close: '17:00' } });
    const input = { received: '2026-03-02T10:00:00+08:00', useBusinessHours: true };
    expect(preAcceptanceStatus(office, { ...input, now: '2026-03-09T16:59:00+08:00' }).state).toBe('open');
    expect(preAcceptanceStatus(office, { ...input, now: '2026-03-09T17:00:00+08:00' }).state).toBe('deemed-accepted');
  });

  it('takes a locality’s own window length', () => {
    expect(preAcceptanceStatus(cal, { received: '2026-03-02', window: { value: 3, unit: 'WD' }, now: '2026-03-02' }).deadline.date).toBe('2026-03-05');
  });
});

describe('one correction notice (一次性补正告知)', () => {
  const first: CorrectionNotice = { issuedOn: '2026-03-03', items: ['M3', 'M4'] };

  it('allows the first notice', () => {
    expect(decideCorrectionNotice([], first)).toEqual({ ok: true, kind: 'first', newItems: ['M3', 'M4'] });
  });

  it('refuses an empty notice', () => {
    expect(decideCorrectionNotice([], { issuedOn: '2026-03-03', items: [] })).toMatchObject({ ok: false, code: 'correction-notice.empty' });
  });

  it('refuses a first notice after the window lapsed', () => {
    const window = preAcceptanceStatus(cal, { received: '2026-03-02', now: '2026-03-10' }).deadline;
    expect(window.date).toBe('2026-03-09');
    expect(decideCorrectionNotice([], { ...first, issuedOn: '2026-03-09' }, { window }).ok).toBe(true);
    const r = decideCorrectionNotice([], { ...first, issuedOn: '2026-03-10' }, { window });
    expect(r).toMatchObject({ ok: false, code: 'correction-notice.window-lapsed' });
  });

  it('allows a reminder that only repeats outstanding items', () => {
    expect(decideCorrectionNotice([first], { issuedOn: '2026-03-12', items: ['M4'] })).toEqual({ ok: true, kind: 'reminder', newItems: [] });
  });

  it('refuses a second notice that asks for something new', () => {
    const r = decideCorrectionNotice([first], { issuedOn: '2026-03-12', items: ['M4', 'M6'] });
    expect(r).toMatchObject({ ok: false, code: 'correction-notice.new-items' });
    if (!r.ok) expect(r.message).toContain('M6');
  });

  it('or records it as a supervised violation with a reason, where the locality chose so', () => {
    const proposed = { issuedOn: '2026-03-12', items: ['M6'], reason: '法规修订新增材料' };
    expect(decideCorrectionNotice([first], { ...proposed, reason: '' }, { policy: 'record-violation' })).toMatchObject({
      ok: false,
      code: 'correction-notice.reason-required',
    });
    expect(decideCorrectionNotice([first], proposed, { policy: 'record-violation' })).toEqual({
      ok: true,
      kind: 'second',
      newItems: ['M6'],
      violation: { rule: 'second-correction-notice', reason: '法规修订新增材料', newItems: ['M6'] },
    });
  });
});
