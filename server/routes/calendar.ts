/**
 * `GET /api/calendar`: the official working-day calendar's status for operations (行政许可法 第82条): its
 * version, the years of State Council holiday arrangements it holds, whether next year's is missing, and the
 * cases in handling whose deadline lies beyond them (provisional until the arrangement is loaded and the open
 * cases recalculated, `shenpi calendar recalculate`). Staff read it, as they read the locality settings.
 */
import type { FastifyPluginAsync } from 'fastify';
import { authorize } from '../http/guard.js';
import { errors } from '../http/schemas.js';
import { calendarStatus } from '../queries/calendar-status.js';
import '../plugins/types.js';

const str = { type: 'string' } as const;
const int = { type: 'integer' } as const;
const statusSchema = {
  type: 'object',
  required: ['version', 'firstYear', 'lastYear', 'thisYear', 'nextYear', 'nextYearMissing', 'provisionalCases', 'cases'],
  properties: {
    version: str, zone: str, firstYear: int, lastYear: int, thisYear: int, nextYear: int,
    nextYearMissing: { type: 'boolean', description: "the State Council's arrangement for next year is not loaded yet" },
    provisionalCases: { ...int, description: 'cases in handling with a promised or statutory deadline beyond the last year held' },
    cases: {
      type: 'array',
      items: { type: 'object', properties: { caseNo: str, itemCode: str, itemName: str, department: str, promisedDeadline: str, statutoryDeadline: str } },
    },
  },
} as const;

/** `GET /api/calendar`. */
export const calendarRoutes: FastifyPluginAsync = async (app) => {
  app.get('/api/calendar', {
    schema: {
      tags: ['settings'], summary: "The working-day calendar: the years of official data, next year's arrangement, the cases with a provisional deadline",
      response: { 200: statusSchema, ...errors(401, 403) },
    },
  }, async (request) => {
    authorize(request, 'settings.read', { kind: 'system' });
    return calendarStatus(app.store.knex, app.runtime.calendar, app.runtime.clock.now().toISOString());
  });
};
