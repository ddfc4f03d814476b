/**
 * Failed logins counted per account, from whatever address they come. The per-address limit of the login
 * route stops one client guessing many accounts; this one stops many clients (a botnet) guessing one
 * account, while an office behind one NAT address keeps logging in. Counts live in the process's memory:
 * with several server processes, each counts its own, so the effective limit is the limit times the nodes.
 */

/** A throttle of failed logins per account within a sliding window. */
export class LoginThrottle {
  private readonly failures = new Map<string, number[]>();

  constructor(
    private readonly limit: number,
    private readonly windowMs: number,
    /** Accounts remembered at most; the oldest is forgotten first, so memory stays bounded. */
    private readonly capacity = 10_000,
  ) {}

  /** Milliseconds until `account` may try again, or 0 when it may now. */
  retryAfterMs(account: string, nowMs: number): number {
    const recent = this.recent(account, nowMs);
    if (recent.length < this.limit) return 0;
    return recent[recent.length - this.limit]! + this.windowMs - nowMs;
  }

  /** Records a failed login of `account`. */
  fail(account: string, nowMs: number): void {
    const recent = [...this.recent(account, nowMs), nowMs];
    this.failures.delete(account);
    this.failures.set(account, recent.slice(-this.limit));
    if (this.failures.size > this.capacity) this.failures.delete(this.failures.keys().next().value!);
  }

  /** Forgets the failures of `account` (after a successful login). */
  succeed(account: string): void {
    this.failures.delete(account);
  }

  private recent(account: string, nowMs: number): number[] {
    return (this.failures.get(account) ?? []).filter((at) => at > nowMs - this.windowMs);
  }
}
