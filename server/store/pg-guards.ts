/**
 * Guards inside a PostgreSQL simple query. A statement of several in one query cannot have its row count
 * checked before the next runs, so a guarded update (a case at its version, a timer still scheduled, a request
 * key still held) passes its changed rows to `shenpi_expect_rows` (migration 20261204-pg-expect-rows), which
 * raises `SH409` naming the guard unless exactly one row changed: the transaction aborts, the rest of the
 * query does not run.
 */

/** `update` (an UPDATE without RETURNING) checked to change exactly one row, failing as guard `guard`. */
export function expectOneRowPgSql(update: string, guard: number): string {
  return `WITH changed AS (${update} RETURNING 1)\nSELECT shenpi_expect_rows((SELECT count(*) FROM changed), ${guard})`;
}

/** The guard named by a `shenpi_expect_rows` failure, if `error` is one. */
export function failedGuardPg(error: unknown): number | undefined {
  const e = error as { code?: unknown; message?: unknown } | null;
  if (e?.code !== 'SH409' || typeof e.message !== 'string') return undefined;
  const m = /^guard (-?\d+) /.exec(e.message);
  return m ? Number(m[1]) : undefined;
}
