/**
 * The last day of a limit from its exclusive end (民法典 第203条): a limit ending at 24:00 of D is written as
 * 00:00 of D+1, and its last day is D; one ending at office closing is the day of its closing.
 */
import { describe, expect, it } from 'vitest';
import { lastDayOf } from '../../engine/approval/clock-lights.js';

describe('the last day of a limit', () => {
  it('is the day before for an end at 00:00 Beijing time, in any written offset', () => {
    expect(lastDayOf('2026-03-05T00:00:00+08:00', 'Asia/Shanghai')).toBe('2026-03-04');
    expect(lastDayOf('2026-03-04T16:00:00.000Z', 'Asia/Shanghai')).toBe('2026-03-04');
    expect(lastDayOf('2027-01-01T00:00:00+08:00', 'Asia/Shanghai')).toBe('2026-12-31');
  });

  it('is the day itself for an end at office closing or any other time', () => {
    expect(lastDayOf('2026-03-04T17:00:00+08:00', 'Asia/Shanghai')).toBe('2026-03-04');
    // 07:30 Beijing is 23:30 UTC of the day before: the Beijing day counts
    expect(lastDayOf('2026-03-03T23:30:00.000Z', 'Asia/Shanghai')).toBe('2026-03-04');
  });
});
