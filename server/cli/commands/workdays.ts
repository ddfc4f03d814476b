/**
 * `shenpi workdays add <date> <n> | count <from> <to> | is <date> [--db <sqlite file>] [--json]`: working-day
 * arithmetic on the official Chinese calendar (行政许可法 第82条; trigger day not counted, 民法典 第201条).
 * With `--db` it counts as that store's server does: the holiday arrangements the reform office loaded and the
 * locality's closures and extra working days (the settings in force). Every answer says whether it is
 * provisional (beyond the years of official holiday data). Exit 0 on an answer, 1 when the store cannot be
 * used, 2 on bad usage.
 */
import { ChineseWorkingCalendar, addCalendarDays, isIsoDate, weekdayName } from '../../../engine/calendar/index.js';
import { officialCalendarInForce } from '../../settings/calendar-in-force.js';
import { openStore } from '../../store/open-store.js';
import type { CliIo } from '../io.js';

/** One-line description for `shenpi --help`. */
export const summary = 'working days on the official calendar: workdays add <date> <n> | count <from> <to> | is <date> [--db <sqlite file>] [--json]';

const USAGE = [
  'Usage: shenpi workdays add <date> <n> [--json]     the n-th working day after <date> (the date itself not counted)',
  '       shenpi workdays count <from> <to> [--json]  the working days d with from < d <= to',
  '       shenpi workdays is <date> [--json]          whether <date> is a working day',
  'Dates are YYYY-MM-DD (Asia/Shanghai). --db <sqlite file> counts with that store\'s loaded holidays and local closures.',
];

const ARITY: Record<string, number> = { add: 2, count: 2, is: 1 };

class UsageError extends Error {}

function date(value: string): string {
  if (!isIsoDate(value)) throw new UsageError(`'${value}' is not a date (expected YYYY-MM-DD, e.g. 2026-10-09)`);
  const year = Number(value.slice(0, 4));
  if (year < 1001 || year > 9997) throw new UsageError(`'${value}' is outside the years 1001-9997`);
  return value;
}

function count(value: string): number {
  if (!/^\d+$/.test(value)) throw new UsageError(`'${value}' is not a number of working days (expected a non-negative integer)`);
  const n = Number(value);
  if (n > 100_000) throw new UsageError(`'${value}' working days is more than 100000`);
  return n;
}

/** The answer: a JSON object for `--json` and the lines for people. */
interface Answer {
  json: Record<string, string | number | boolean>;
  lines: string[];
}

function answer(calendar: ChineseWorkingCalendar, sub: string, args: string[]): Answer {
  const note = (first: string, last: string): { provisional: boolean; line: string } => {
    // Official years are contiguous, so a range has a provisional day only if one of its ends is provisional.
    const warning = calendar.provisionalWarning(last) ?? calendar.provisionalWarning(first);
    return { provisional: warning !== undefined, line: warning ?? `official: calendar ${calendar.version}` };
  };
  if (sub === 'add') {
    const [from, n] = [date(args[0]!), count(args[1]!)];
    const result = calendar.addWorkingDays(from, n);
    const p = note(n === 0 ? from : addCalendarDays(from, 1), result);
    return { json: { date: result, provisional: p.provisional }, lines: [`${result} (${weekdayName(result)})`, p.line] };
  }
  if (sub === 'count') {
    const [from, to] = [date(args[0]!), date(args[1]!)];
    const c = calendar.countWorkingDays(from, to);
    const p = to > from ? note(addCalendarDays(from, 1), to) : { provisional: false, line: `official: calendar ${calendar.version}` };
    return { json: { count: c, provisional: p.provisional }, lines: [`${c} working day${c === 1 ? '' : 's'} in (${from}, ${to}]`, p.line] };
  }
  const d = date(args[0]!);
  const workday = calendar.isWorkingDay(d);
  const p = note(d, d);
  return {
    json: { workday, provisional: p.provisional },
    lines: [`${d} (${weekdayName(d)}) is ${workday ? 'a working day' : 'not a working day'}: ${calendar.explain(d)}`, p.line],
  };
}

/** Runs `shenpi workdays`; returns the exit code. */
export async function run(args: string[], io: CliIo): Promise<number> {
  if (args.includes('--help') || args.includes('-h')) {
    USAGE.forEach((l) => io.out(l));
    return 0;
  }
  // `--db <file>` may stand anywhere; the rest are the sub-command, its arguments and `--json`.
  const dbAt = args.indexOf('--db');
  const db = dbAt >= 0 ? args[dbAt + 1] : undefined;
  const positional = dbAt >= 0 ? [...args.slice(0, dbAt), ...args.slice(dbAt + 2)] : args;
  const json = args.includes('--json');
  const unknown = positional.find((a) => a.startsWith('--') && a !== '--json');
  const [sub, ...rest] = positional.filter((a) => a !== '--json');
  const fail = (message: string): number => {
    io.err(`shenpi workdays: ${message}`);
    USAGE.forEach((l) => io.err(l));
    return 2;
  };
  if (dbAt >= 0 && (!db || db.startsWith('--'))) return fail("'--db' needs a file");
  if (unknown) return fail(`unknown option '${unknown}'`);
  if (!sub) return fail('no sub-command given');
  const arity = ARITY[sub];
  if (arity === undefined) return fail(`unknown sub-command '${sub}' (expected add, count or is)`);
  if (rest.length !== arity) return fail(`'${sub}' takes ${arity} argument${arity === 1 ? '' : 's'}, but got ${rest.length}`);
  let calendar: ChineseWorkingCalendar;
  try {
    calendar = db === undefined ? new ChineseWorkingCalendar() : await storeCalendar(db);
  } catch (error) {
    io.err(`shenpi workdays: could not use the store: ${error instanceof Error ? error.message : String(error)}`);
    return 1;
  }
  let result: Answer;
  try {
    result = answer(calendar, sub, rest);
  } catch (err) {
    // A RangeError here is an answer outside the years the calendar can represent: bad input, not a bug.
    if (err instanceof UsageError || err instanceof RangeError) return fail(err.message);
    throw err;
  }
  if (json) io.out(JSON.stringify(result.json));
  else result.lines.forEach((l) => io.out(l));
  return 0;
}

/** The calendar the server of the SQLite store `file` counts with (loaded years, local closures and extra working days). */
async function storeCalendar(file: string): Promise<ChineseWorkingCalendar> {
  const store = await openStore({ kind: 'sqlite', file }, { migrate: false });
  try {
    return await officialCalendarInForce(store.knex);
  } finally {
    await store.close();
  }
}
