import { describe, expect, it } from 'vitest';
import { ControlledClock, SystemClock } from '../../engine/runtime/clock.js';

describe('clocks', () => {
  it('pins and advances a controlled clock, and nothing else moves it', () => {
    const clock = new ControlledClock('2026-03-02T09:00:00+08:00');
    expect(clock.now().toISOString()).toBe('2026-03-02T01:00:00.000Z');
    clock.advance(1_500);
    expect(clock.now().toISOString()).toBe('2026-03-02T01:00:01.500Z');
    clock.pin('2025-12-31T16:00:00Z');
    expect(clock.now().toISOString()).toBe('2025-12-31T16:00:00.000Z');
  });

  it('refuses to advance backwards or to an unreadable instant', () => {
    const clock = new ControlledClock('2026-03-02T00:00:00Z');
    expect(() => clock.advance(-1)).toThrow('non-negative');
    expect(() => clock.pin('next Tuesday')).toThrow("Expected an ISO 8601 instant, but got 'next Tuesday'");
  });

  it('reads the machine time from the system clock', () => {
    const before = Date.now();
    const now = new SystemClock().now().getTime();
    expect(now).toBeGreaterThanOrEqual(before);
    expect(now - before).toBeLessThan(1_000);
  });
});
