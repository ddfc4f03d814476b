/**
 * The official working-day calendar for operations (行政许可法 第82条):
 *
 * - `GET /api/calendar`: its version, the years of State Council holiday arrangements it holds, whether next
 *   year's is missing, and the cases in handling whose deadline lies beyond them (provisional until the
 *   arrangement is loaded). Staff read it, as they read the locality settings.
 * - `POST /api/calendar/preview`: a year's arrangement as the notice publishes it, checked, and every open
 *   deadline it would move or confirm (old date, new date), with nothing stored.
 * - `POST /api/calendar/years`: the reform office loads it: stored with its audit entry, counted on from now,
 *   and the open cases recalculated, each changed deadline recorded on its case with both calendar versions.
 *
 * Other nodes count on a loaded year from their next supervision sweep round (or start).
 */
import type { FastifyInstance, FastifyPluginAsync } from 'fastify';
import type { ApprovalCaseState } from '../../engine/approval/index.js';
import { openCaseClocks } from '../../engine/approval/open-clocks.js';
import { CalendarStatusSchema, YearArrangementBodySchema, type YearArrangementBody } from '../../contracts/api/calendar.js';
import { arrangementProblems, type YearArrangement } from '../../engine/calendar/year-arrangement.js';
import type { WorkingCalendar } from '../../engine/calendar/types.js';
import { recalculateDeadlines } from '../../engine/clocks/recalculation.js';
import { recalculateOnNewCalendar } from '../cases/calendar-watch.js';
import { openCaseLister } from '../cases/open-cases.js';
import { ApiError } from '../http/errors.js';
import { authorize } from '../http/guard.js';
import { errors } from '../http/schemas.js';
import { calendarStatus } from '../queries/calendar-status.js';
import { loadedYears, officialCalendarWith, refreshLoadedYears, storeYear } from '../settings/calendar-years.js';
import '../plugins/types.js';

const str = { type: 'string' } as const;
const int = { type: 'integer' } as const;

const changeSchema = { type: 'object', properties: { caseNo: str, clock: str, oldDate: str, newDate: str, change: { enum: ['moved', 'confirmed'] }, provisional: { type: 'boolean' } } } as const;
const previewSchema = {
  type: 'object', properties: { year: int, fromVersion: str, toVersion: str, checked: int, changes: { type: 'array', items: changeSchema } },
} as const;
type Arrangement = YearArrangement & { notice: string };

/** The arrangement checked: the first problem refused as CALENDAR_INVALID naming its field. */
function checked(body: Arrangement, lastYear: number | undefined): Arrangement {
  const problems = [...arrangementProblems(body)];
  if (!problems.length && lastYear !== undefined && body.year > lastYear + 1) {
    problems.push({ field: 'year', message: `Expected ${lastYear + 1} or an earlier year, but ${body.year} would leave ${lastYear + 1} without an arrangement` });
  }
  if (body.notice.trim() === '') problems.push({ field: 'notice', message: 'Expected the notice the dates come from, but it was blank' });
  if (problems.length) throw new ApiError('CALENDAR_INVALID', `${problems[0]!.field}: ${problems[0]!.message}`, { field: problems[0]!.field, problems: problems.map((p) => ({ ...p })) });
  return { ...body, notice: body.notice.trim(), holidays: [...body.holidays].sort(), makeUpDays: [...body.makeUpDays].sort() };
}

/** The loaded years with `a` in place of its year. */
async function yearsWith(app: FastifyInstance, a: YearArrangement): Promise<YearArrangement[]> {
  return [...(await loadedYears(app.store.knex)).filter((y) => y.year !== a.year), a];
}

/** Every open deadline `candidate` would move or confirm, per case, nothing stored. */
async function previewChanges(app: FastifyInstance, candidate: WorkingCalendar, now: string) {
  const out: Array<{ caseNo: string; clock: string; oldDate: string; newDate: string; change: 'moved' | 'confirmed'; provisional: boolean }> = [];
  const caseNos = await openCaseLister(app.store.knex)();
  for (const caseNo of caseNos) {
    const s = ((await app.store.cases.loadCase(caseNo))?.state as unknown as ApprovalCaseState | undefined)?.approval;
    if (!s) continue;
    const stale = openCaseClocks(s, now).filter((c) => c.current.calendarVersion !== candidate.version);
    for (const c of recalculateDeadlines(candidate, stale, { now })) {
      out.push({ caseNo, clock: c.clockId, oldDate: c.oldDate, newDate: c.newDate, change: c.change, provisional: c.deadline.provisional });
    }
  }
  return { checked: caseNos.length, changes: out };
}

/** `GET /api/calendar`, `POST /api/calendar/preview`, `POST /api/calendar/years`. */
export const calendarRoutes: FastifyPluginAsync = async (app) => {
  app.get('/api/calendar', {
    schema: {
      tags: ['settings'], summary: "The working-day calendar: the years of official data, next year's arrangement, the cases with a provisional deadline",
      response: { 200: CalendarStatusSchema, ...errors(401, 403) },
    },
  }, async (request) => {
    authorize(request, 'settings.read', { kind: 'system' });
    await refreshLoadedYears(app.store.knex, app.runtime.locality);
    return calendarStatus(app.store.knex, app.runtime.calendar, app.runtime.clock.now().toISOString());
  });

  const lastYear = () => (app.runtime.calendar as WorkingCalendar & { coveredYears?: { last: number } }).coveredYears?.last;

  app.post<{ Body: YearArrangementBody }>('/api/calendar/preview', {
    schema: {
      tags: ['settings'], summary: "A year's holiday arrangement checked, and every open deadline it would move or confirm; nothing is stored",
      body: YearArrangementBodySchema, response: { 200: previewSchema, ...errors(400, 401, 403, 422) },
    },
  }, async (request) => {
    authorize(request, 'settings.write', { kind: 'system' });
    const a = checked(request.body, lastYear());
    const candidate = app.runtime.locality.preview(officialCalendarWith(await yearsWith(app, a)));
    const now = app.runtime.clock.now().toISOString();
    return { year: a.year, fromVersion: app.runtime.calendar.version, toVersion: candidate.version, ...(await previewChanges(app, candidate, now)) };
  });

  app.post<{ Body: YearArrangementBody }>('/api/calendar/years', {
    schema: {
      tags: ['settings'], summary: "Load a year's holiday arrangement (reform office): stored, counted on from now, the open cases recalculated",
      body: YearArrangementBodySchema,
      response: { 200: { type: 'object', properties: { year: int, fromVersion: str, toVersion: str, checked: int, changed: int, recorded: int, failed: int } }, ...errors(400, 401, 403, 422) },
    },
  }, async (request) => {
    const user = authorize(request, 'settings.write', { kind: 'system' });
    const a = checked(request.body, lastYear());
    const next = officialCalendarWith(await yearsWith(app, a));
    const at = app.runtime.clock.now().toISOString();
    const fromVersion = app.runtime.calendar.version;
    await app.audit.transaction(async (trx) => {
      await storeYear(trx, { ...a, loadedBy: user.id, loadedAt: at });
      return { result: undefined, audit: { actorId: user.id, action: 'calendar.loaded', target: `calendar-year:${a.year}`, details: { year: a.year, notice: a.notice, holidays: a.holidays.length, makeUpDays: a.makeUpDays.length } } };
    });
    app.runtime.locality.replaceBase(next);
    // Every open deadline counted on the former calendar is recalculated now, each change recorded on its case.
    const report = await recalculateOnNewCalendar({ knex: app.store.knex, service: app.cases.service, calendarVersion: app.runtime.calendar.version, at });
    return {
      year: a.year, fromVersion, toVersion: app.runtime.calendar.version, checked: report?.checked ?? 0, changed: report?.changed ?? 0,
      recorded: report?.recorded ?? 0, failed: report?.failed.length ?? 0,
    };
  });
};
