/**
 * Reading approval cases: the list (by item, status, light, department, overdue; paged), the detail with
 * its clocks, materials and documents, and the timeline of every event with who, when, what and why.
 * Department staff see the cases of their department (lead or working on one of its steps), an applicant
 * their own; a case the caller may not read is reported as absent.
 */
import type { FastifyPluginAsync } from 'fastify';
import { CaseDetailSchema } from '../../contracts/api/case-detail.js';
import { TimelineEntrySchema } from '../../contracts/api/timeline.js';
import { caseParams, caseRowSchema } from '../http/case-schemas.js';
import { caseFor } from '../http/case-guard.js';
import { caseDetail } from '../http/case-view.js';
import { notFound } from '../http/errors.js';
import { authorize } from '../http/guard.js';
import { errors } from '../http/schemas.js';
import { can } from '../identity/permissions.js';
import { hasRole } from '../identity/roles.js';
import { centreScope } from '../organisation/scope.js';
import { timelineWithNames, withPersonNames } from '../queries/person-names.js';
import { copiedCases, listApprovalCases, type CaseListFilter } from '../queries/approval-cases.js';
import { listUploads } from '../queries/case-uploads.js';
import { caseFacts, caseResource } from '../queries/cases.js';
import { CaseListQuerySchema, type CaseListQuery as CaseListQueryView } from '../../contracts/api/case-row.js';
import type { CaseParams } from '../../contracts/api/process-cases.js';
import '../plugins/types.js';

/** The query of `GET /api/cases`. */
type CaseListQuery = CaseListQueryView & Pick<CaseListFilter, 'limit' | 'offset'>;

/** `GET /api/cases`, `GET /api/cases/:caseNo`, `GET /api/cases/:caseNo/timeline`. */
export const caseRoutes: FastifyPluginAsync = async (app) => {
  app.get<{ Querystring: CaseListQuery }>('/api/cases', {
    schema: {
      tags: ['cases'], summary: 'Cases the caller may see: by item, status, light, department, overdue, awaiting acceptance, case number, applicant; paged', querystring: CaseListQuerySchema,
      response: { 200: { type: 'object', required: ['total', 'items'], properties: { total: { type: 'integer' }, items: { type: 'array', items: caseRowSchema } } }, ...errors(400, 401, 403) },
    },
  }, async (request) => {
    const user = authorize(request, 'case.list', { kind: 'system' });
    const seesAll = hasRole(user, 'reform-office-admin') || hasRole(user, 'auditor');
    const now = app.runtime.clock.now().toISOString();
    const { queue, ...query } = request.query;
    const filter: CaseListFilter = {
      ...query,
      ...(queue === 'done' || queue === 'started' ? { mine: { queue, userId: user.id } } : {}),
      ...(queue === 'copied' ? { caseNos: await copiedCases(app.store.knex, user) } : {}),
    };
    // A county or township centre reads its own level and below (分级监管); the city centre everything.
    const centre = seesAll && user.region !== undefined ? centreScope(await app.identity.org.list(), user.region, {}) : undefined;
    if (Array.isArray(centre)) filter.departments = centre;
    const page = await listApprovalCases(app.store.knex, filter, now, seesAll ? undefined : { userId: user.id, ...(user.department ? { department: user.department } : {}) });
    if (seesAll) return { total: page.total, items: page.rows };
    // The SQL narrowing is the optimisation; the policy decides on every row.
    const items = [];
    for (const row of page.rows) {
      const facts = await caseFacts(app.store.knex, String(row.caseNo));
      if (facts && can(user, 'case.read', caseResource(facts)).allowed) items.push(row);
    }
    return { total: page.total, items };
  });

  app.get<{ Params: CaseParams }>('/api/cases/:caseNo', {
    schema: {
      tags: ['cases'], summary: 'A case with its clocks (statutory, promised, suspensions, extension), materials, records and documents', params: caseParams,
      response: { 200: CaseDetailSchema, ...errors(401, 404) },
    },
  }, async (request) => {
    const { caseNo } = request.params;
    await caseFor(app, request, caseNo);
    const view = await app.cases.service.getCase(caseNo);
    const stored = await app.store.cases.loadCase(caseNo);
    if (!view || !stored) throw notFound(`case '${caseNo}'`);
    const uploads = await listUploads(app.store.knex, caseNo);
    const detail = caseDetail(view, { uploads, version: stored.version, createdAt: stored.createdAt, updatedAt: stored.updatedAt }, app.runtime.calendar, app.runtime.clock.now().toISOString());
    // The step forms name who holds each step.
    return { ...detail, openTasks: await withPersonNames(app.identity.users, detail.openTasks) };
  });

  app.get<{ Params: CaseParams }>('/api/cases/:caseNo/timeline', {
    schema: { tags: ['cases'], summary: 'Every event of the case in order: who, when, what and why', params: caseParams, response: { 200: { type: 'array', items: TimelineEntrySchema }, ...errors(401, 404) } },
  }, async (request) => {
    const { caseNo } = request.params;
    await caseFor(app, request, caseNo);
    const entries = await app.cases.service.timeline(caseNo);
    // People by name: the assignee, the delegate, the signers, the 抄送 recipients, in one lookup.
    return timelineWithNames(app.identity.users, entries);
  });
};
