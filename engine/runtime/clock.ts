/**
 * Clocks. Time is an input (architecture guide, principle 5): the runtime reads it from a `Clock` and hands
 * it to the pure core as `ctx.now`, so tests and training sessions can pin and advance it.
 */
import type { Clock } from './ports.js';

/** The machine's clock. */
export class SystemClock implements Clock {
  now(): Date {
    return new Date();
  }
}

/** A clock that only moves when told to: for tests, simulations and training. */
export class ControlledClock implements Clock {
  private current: number;

  /** Starts at `start` (an ISO 8601 instant or a Date). */
  constructor(start: string | Date) {
    this.current = ControlledClock.toMillis(start);
  }

  now(): Date {
    return new Date(this.current);
  }

  /** Sets the time to `instant`. Moving backwards is allowed: a training session may restart a scenario. */
  pin(instant: string | Date): void {
    this.current = ControlledClock.toMillis(instant);
  }

  /** Moves the time forward by `ms` milliseconds (negative values are refused: use `pin`). */
  advance(ms: number): void {
    if (!Number.isFinite(ms) || ms < 0) {
      throw new RangeError(`Expected a non-negative number of milliseconds to advance, but got ${ms}`);
    }
    this.current += ms;
  }

  private static toMillis(instant: string | Date): number {
    const ms = instant instanceof Date ? instant.getTime() : Date.parse(instant);
    if (Number.isNaN(ms)) throw new RangeError(`Expected an ISO 8601 instant, but got '${String(instant)}'`);
    return ms;
  }
}
