/**
 * Supervision (电子监察): lights per department and the overdue cases, supervision notices with their
 * response deadlines, the responsible department's answer, and a sweep on demand. The reform office and
 * auditors see by level: at the city centre (or placed nowhere) everything, at a county centre the county
 * and its townships, at a township centre its own (server/organisation/scope.ts); each may narrow to a
 * region (`region`: it and the regions below) and a level (`level`). A department sees its own lights and
 * notices and answers its own notices.
 */
import type { FastifyInstance, FastifyPluginAsync, FastifyRequest } from 'fastify';
import { LightsOverviewSchema } from '../../contracts/api/lights.js';
import {
  NoticeSchema, SupervisionNoticeParamsSchema, SupervisionNoticesQuerySchema, SupervisionResponseBodySchema, SupervisionScopeQuerySchema,
  type SupervisionNoticeParams, type SupervisionNoticesQuery, type SupervisionResponseBody, type SupervisionScopeQuery,
} from '../../contracts/api/supervision.js';
import { ApiError, notFound } from '../http/errors.js';
import { authorize, requireUser } from '../http/guard.js';
import { errors } from '../http/schemas.js';
import { hasRole } from '../identity/roles.js';
import { centreScope, isScopeRefusal } from '../organisation/scope.js';
import { listApprovalCases } from '../queries/approval-cases.js';
import { clocksNeedingAttention } from '../queries/clock-overview.js';
import { answerNotice, findNotice, lightsByDepartment, listNotices } from '../queries/supervision.js';
import '../plugins/types.js';

const count = { type: 'integer' } as const;
const noticeSchema = NoticeSchema;
/** What a supervision listing may be narrowed to. */
export type ScopeQuery = SupervisionScopeQuery;

/**
 * The departments a listing is for (undefined: all). A department member sees their own only (narrowed by
 * region and level, it may be none); a centre reader its level's scope, narrowed as asked; a region or
 * department outside that scope is refused, never silently emptied.
 */
export async function supervisionScope(app: FastifyInstance, request: FastifyRequest, asked: ScopeQuery): Promise<string[] | undefined> {
  const user = requireUser(request);
  const centre = hasRole(user, 'reform-office-admin') || hasRole(user, 'auditor');
  const org = await app.identity.org.list();
  if (!centre) {
    const department = asked.department ?? user.department;
    authorize(request, 'supervision.read', { kind: 'supervision', ...(department ? { department } : {}) });
    if (asked.region === undefined && asked.level === undefined) return department ? [department] : [];
    const narrowed = centreScope(org, undefined, { ...asked, ...(department ? { department } : {}) });
    if (isScopeRefusal(narrowed) && narrowed.refused === 'unknown-region') throw unknownRegion(narrowed.value);
    return isScopeRefusal(narrowed) ? [] : narrowed;
  }
  const scope = centreScope(org, user.region, asked);
  if (isScopeRefusal(scope)) {
    if (scope.refused === 'unknown-region') throw unknownRegion(scope.value);
    throw new ApiError('FORBIDDEN', `Expected ${scope.refused} '${scope.value}' within the scope of your centre${user.region ? ` (region '${user.region}')` : ''}, but it is outside it`, { field: scope.refused, reason: 'outside-centre-scope' });
  }
  authorize(request, 'supervision.read', scope === undefined ? { kind: 'system' } : { kind: 'supervision' });
  return scope;
}

function unknownRegion(code: string): ApiError {
  return new ApiError('ORG_REFERENCE_UNKNOWN', `Expected region to name an existing region, but there is no region '${code}'`, { field: 'region', region: code });
}

/** `GET /api/supervision/lights`, `GET /api/supervision/notices`, `POST …/notices/:id/response`, `POST /api/supervision/sweep`. */
export const supervisionRoutes: FastifyPluginAsync = async (app) => {
  const now = () => app.runtime.clock.now().toISOString();

  app.get<{ Querystring: ScopeQuery }>('/api/supervision/lights', {
    schema: { tags: ['supervision'], summary: 'Lights of the cases in handling per department, and the overdue cases', querystring: SupervisionScopeQuerySchema, response: { 200: LightsOverviewSchema, ...errors(400, 401, 403) } },
  }, async (request) => {
    const departments = await supervisionScope(app, request, request.query);
    const overdue = await listApprovalCases(app.store.knex, { overdue: true, limit: 200, offset: 0, ...(departments ? { departments } : {}) }, now());
    const clocks = await clocksNeedingAttention({ knex: app.store.knex, store: app.store.cases, calendar: app.runtime.calendar }, now(), departments);
    return { asOf: now(), departments: await lightsByDepartment(app.store.knex, departments), overdue: overdue.rows, clocks };
  });

  app.get<{ Querystring: SupervisionNoticesQuery & { limit: number } }>('/api/supervision/notices', {
    schema: {
      tags: ['supervision'], summary: 'Supervision notices (督办) with their response deadlines and answers',
      querystring: SupervisionNoticesQuerySchema,
      response: { 200: { type: 'array', items: noticeSchema }, ...errors(400, 401, 403) },
    },
  }, async (request) => {
    const { department: _d, region: _r, level: _l, ...rest } = request.query;
    const departments = await supervisionScope(app, request, request.query);
    return listNotices(app.store.knex, { ...rest, ...(departments ? { departments } : {}) }, now());
  });

  app.post<{ Params: SupervisionNoticeParams; Body: SupervisionResponseBody }>('/api/supervision/notices/:id/response', {
    schema: {
      tags: ['supervision'], summary: 'Answer a supervision notice, by the responsible department',
      params: SupervisionNoticeParamsSchema,
      body: SupervisionResponseBodySchema,
      response: { 200: noticeSchema, ...errors(400, 401, 403, 404, 409) },
    },
  }, async (request) => {
    requireUser(request);
    const found = await findNotice(app.store.knex, request.params.id, now());
    if (!found) throw notFound(`supervision notice ${request.params.id}`);
    const user = authorize(request, 'supervision.respond', { kind: 'supervision', department: found.department });
    await app.audit.transaction(async (trx) => {
      if (!(await answerNotice(trx, found.id, { response: request.body.response, by: user.id, at: now() }))) {
        throw new ApiError('CONFLICT', `Expected supervision notice ${found.id} to be unanswered, but it was answered already`);
      }
      return { result: undefined, audit: { actorId: user.id, action: 'supervision.answered', target: found.caseNo, details: { notice: found.id } } };
    });
    return (await findNotice(app.store.knex, found.id, now()))!;
  });

  app.post('/api/supervision/sweep', {
    schema: {
      tags: ['supervision'], summary: 'Run the supervision rules now: lights re-read, one notice per new violation',
      response: { 200: { type: 'object', properties: { checked: count, evaluated: count, recorded: count, failed: count } }, ...errors(401, 403) },
    },
  }, async (request) => {
    const user = authorize(request, 'supervision.sweep', { kind: 'system' });
    // Each case the sweep changes has its `supervision.evaluated` entry in its own commit; this one records
    // the request (what it looked at), which is not itself a write.
    const report = await app.cases.sweep(user.id);
    await app.audit.append({ actorId: user.id, action: 'supervision.swept', target: 'supervision', details: { ...report } });
    return report;
  });
};
