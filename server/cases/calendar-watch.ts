/**
 * A node started on a newer calendar (a new `chinese-days` with the next year's State Council arrangement, or
 * new local closures) recomputes the open cases' deadlines once: the calendar version they were last computed
 * on is kept in `settings`, and only a different version starts a recalculation (行政许可法 第82条; each
 * changed deadline is recorded as an event by `calendar.recalculate`). Recalculation is idempotent, so two
 * nodes starting together at worst repeat a scan that records nothing.
 */
import type { Knex } from 'knex';
import type { CaseService } from './case-service.js';
import type { RecalculationReport } from './service-types.js';

const KEY = 'calendar.version';

/**
 * Recalculates the open cases when `calendarVersion` differs from the stored one, then stores it.
 * Returns the report, or `undefined` when the version is the one already applied.
 */
export async function recalculateOnNewCalendar(args: {
  knex: Knex;
  service: Pick<CaseService, 'recalculateOpenCases'>;
  calendarVersion: string;
  at: string;
}): Promise<RecalculationReport | undefined> {
  const row = (await args.knex('settings').where({ key: KEY }).first('value')) as { value?: string } | undefined;
  if (row?.value === args.calendarVersion) return undefined;
  const report = await args.service.recalculateOpenCases();
  // Only a complete pass is remembered; failed cases are tried again at the next start.
  if (report.failed.length === 0) {
    await args.knex('settings')
      .insert({ key: KEY, value: args.calendarVersion, updated_at: args.at })
      .onConflict('key')
      .merge(['value', 'updated_at']);
  }
  return report;
}
