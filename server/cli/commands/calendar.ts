/**
 * `shenpi calendar status | recalculate [--db <sqlite file>] [--json]`: the working-day calendar the server
 * counts with (行政许可法 第82条) and how it reaches the open cases.
 *
 * - `status`: the calendar version (with the locality settings version when it sets local days), the years
 *   of official data, the provisional rule for later dates, and how many open cases have a running deadline
 *   on provisional days.
 * - `recalculate`: after a new calendar version is installed, recomputes the deadlines of every open case
 *   (awaiting acceptance or in handling) and records each change as a `deadline.recalculated` event with the
 *   old date, the new date and both calendar versions. Running it again records nothing.
 *
 * Uses DATABASE_URL for PostgreSQL, like the server. Exit 0 on success, 1 when the store cannot be used or a
 * case failed, 2 on bad usage.
 */
import path from 'node:path';
import { SystemClock } from '../../../engine/runtime/clock.js';
import { createCaseService } from '../../cases/create-case-service.js';
import { loadConfig } from '../../config.js';
import type { StoreConfig } from '../../store/connect.js';
import { openStore } from '../../store/open-store.js';
import { localityCalendarOf } from '../../settings/calendar-in-force.js';
import type { CliIo } from '../io.js';
import { parseStoreOptions } from '../options.js';

/** One-line description for `shenpi --help`. */
export const summary = 'the working-day calendar and open cases: calendar status | recalculate [--db <sqlite file>] [--json]';

const USAGE = 'Usage: shenpi calendar status|recalculate [--db <sqlite file>] [--json]';

/** Runs `shenpi calendar`; returns the exit code. */
export async function run(args: string[], io: CliIo): Promise<number> {
  const [sub, ...rest] = args;
  if (sub === '--help' || sub === '-h') {
    io.out(USAGE);
    return 0;
  }
  if (sub !== 'status' && sub !== 'recalculate') return usage(io, sub ? `unknown sub-command '${sub}'` : 'a sub-command is missing');
  const options = parseStoreOptions(rest);
  if (!options.ok) return usage(io, options.error);
  const { db, json } = options;
  let config: StoreConfig;
  let dataDir: string;
  try {
    const loaded = db ? undefined : loadConfig();
    config = db ? { kind: 'sqlite', file: db } : loaded!.store;
    dataDir = db ? path.dirname(db) : loaded!.dataDir;
  } catch (error) {
    io.err(`shenpi calendar: ${error instanceof Error ? error.message : String(error)}`);
    return 2;
  }
  let store;
  try {
    store = await openStore(config, { migrate: false });
    // The calendar as the server loads it (server/plugins/runtime.ts): the installed official data with the
    // holiday arrangements the reform office loaded (POST /api/calendar/years) laid over it, under the
    // locality settings in force (local closures and extra working days, PATCH /api/settings/locality), so a
    // recalculation never moves a deadline off the days the locality closed.
    const calendar = await localityCalendarOf(store.knex);
    const { service } = await createCaseService({ store, clock: new SystemClock(), calendar, files: { dir: path.join(dataDir, 'files') } });
    if (sub === 'status') {
      const reach = await service.calendarReach();
      const { first, last } = calendar.coveredYears!;
      const warning = `Dates after ${last}-12-31 are provisional: weekends and the fixed-date holidays (01-01, 05-01, 10-01..03) only, until the State Council's arrangement for ${last + 1} is installed.`;
      if (json) io.out(JSON.stringify({ version: calendar.version, coveredYears: { first, last }, openCases: reach.open, provisionalCases: reach.provisional, warning }));
      else {
        io.out(`Calendar ${calendar.version}: official data ${first}-${last}`);
        io.out(warning);
        io.out(`Open cases: ${reach.open}, of which ${reach.provisional} with a provisional deadline`);
      }
      return 0;
    }
    const report = await service.recalculateOpenCases();
    if (json) io.out(JSON.stringify(report));
    else {
      io.out(`Calendar ${report.calendarVersion}: ${report.checked} open cases checked, ${report.changed} changed, ${report.recorded} deadlines recorded`);
      for (const f of report.failed) io.out(`  ${f.caseNo} failed: ${f.code} ${f.message}`);
    }
    return report.failed.length ? 1 : 0;
  } catch (error) {
    io.err(`shenpi calendar: could not use the store: ${error instanceof Error ? error.message : String(error)}`);
    return 1;
  } finally {
    await store?.close();
  }
}

function usage(io: CliIo, problem: string): number {
  io.err(`shenpi calendar: ${problem}\n${USAGE}`);
  return 2;
}
