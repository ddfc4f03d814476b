/** Retry pacing shared by the timer poller and the outbox dispatcher. */

/** Doubling delay after the n-th failed attempt (n ≥ 1): base, 2·base, 4·base … capped at `capMs`. */
export function exponentialBackoff(attempts: number, baseMs = 1_000, capMs = 5 * 60_000): number {
  return Math.min(capMs, baseMs * 2 ** Math.max(0, attempts - 1));
}

/** Runs `work` on every item with at most `limit` in flight; resolves when all settled (errors are the callee's). */
export async function forEachConcurrently<T>(items: readonly T[], limit: number, work: (item: T) => Promise<void>): Promise<void> {
  let next = 0;
  const lane = async (): Promise<void> => {
    while (next < items.length) await work(items[next++] as T);
  };
  await Promise.all(Array.from({ length: Math.max(1, Math.min(limit, items.length)) }, lane));
}

/** The error's message for a stored `last_error` column. */
export function describeError(error: unknown): string {
  if (error instanceof Error) return `${error.name}: ${error.message}`;
  return String(error);
}
