/**
 * Failed logins counted per account, from whatever address they come. The per-address limit of the login
 * route stops one client guessing many accounts; this one stops many clients (a botnet) guessing one
 * account, while an office behind one NAT address keeps logging in. The counts live in the database
 * (`rate_counters`, server/store/rate-counters.ts), so with several nodes on one PostgreSQL the limit holds
 * for the cluster, not per node.
 *
 * An attempt is counted BEFORE the password is checked (`attempt`), and a successful login clears the
 * count: attempts racing on several nodes can never pass more than `limit` guesses per window.
 */
import type { Knex } from 'knex';
import type { RateCounters } from '../store/rate-counters.js';

/** A throttle of login attempts per account within a fixed window from the first failure. */
export class LoginThrottle {
  constructor(
    private readonly counters: RateCounters,
    private readonly limit: number,
    private readonly windowMs: number,
  ) {}

  /**
   * Counts an attempt on `account`: 0 when it may go on (its password is then checked), else the
   * milliseconds until the account may try again.
   */
  async attempt(account: string, nowMs: number): Promise<number> {
    const { count, ttlMs } = await this.counters.increment(key(account), this.windowMs, nowMs);
    return count > this.limit ? Math.max(1, ttlMs) : 0;
  }

  /** Milliseconds until `account` may try again, or 0 when it may now; counts nothing. */
  async retryAfterMs(account: string, nowMs: number): Promise<number> {
    const { count, ttlMs } = await this.counters.read(key(account), nowMs);
    return count >= this.limit ? ttlMs : 0;
  }

  /** Forgets the attempts on `account` (after a successful login; in `trx`, the login's own). */
  async succeed(account: string, trx?: Knex.Transaction): Promise<void> {
    await this.counters.reset(key(account), trx);
  }
}

function key(account: string): string {
  return `login:${account}`;
}
