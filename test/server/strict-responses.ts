/**
 * Strict responses for every server test: each successful answer of a test app is checked against its
 * route's closed response schema (`server/http/strict-responses.ts`), and `close()` fails on a violation.
 * With SHENPI_STRICT_REPORT=<file> the violations are appended to the file as JSON lines instead (to list
 * what a change of schema breaks across the suite).
 */
import { appendFileSync } from 'node:fs';
import type { ResponseViolation, StrictResponseOptions } from '../../server/http/strict-responses.js';

/**
 * Routes whose answers are not closed yet: each is still to get a contract schema in `contracts/api/`.
 * Shrink this list; never add a route that has one.
 */
export const NOT_YET_CLOSED: ReadonlySet<string> = new Set([
  // A route a test registers for itself.
  'GET /test/slow',
]);

/** Open objects that are free-form by design (`<route>#<pointer>`): case variables, facts, audit details. */
export const FREE_FORM: ReadonlySet<string> = new Set([
  // Each audited action records its own details (docs/audit.md).
  'GET /api/audit#/items/properties/details',
]);

/** A sink and the check that fails (or reports) on what it collected. */
export function strictResponses(): { options: StrictResponseOptions; check(): void } {
  const sink: ResponseViolation[] = [];
  return {
    options: { sink, skip: NOT_YET_CLOSED, allowOpen: FREE_FORM },
    check() {
      if (!sink.length) return;
      const report = process.env.SHENPI_STRICT_REPORT;
      if (report) {
        appendFileSync(report, sink.map((v) => JSON.stringify(v)).join('\n') + '\n');
        return;
      }
      const seen = new Set<string>();
      const lines = sink.map((v) => `${v.route} ${v.status} ${v.kind}: ${v.problems.join('; ')}`).filter((l) => !seen.has(l) && seen.add(l));
      throw new Error(`Expected every answer to be described by its response schema, but:\n${lines.join('\n')}`);
    },
  };
}
