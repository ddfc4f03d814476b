/**
 * The printable documents of a case (acceptance notice, correction notice, non-acceptance decision, as
 * HTML rendered from the case's state), and the public progress query: anyone with the case number and the
 * last four characters of the applicant's ID number sees stage, status and light, and nothing personal.
 * The query is rate limited, and a wrong suffix looks exactly like an unknown case number.
 */
import { CaseDocumentParamsSchema, ProgressQuerySchema, type CaseDocumentParams, type ProgressQuery } from '../../contracts/api/documents.js';
import type { FastifyPluginAsync } from 'fastify';
import { caseLight, type ApprovalCaseState } from '../../engine/approval/index.js';
import { caseFor } from '../http/case-guard.js';
import { notFound } from '../http/errors.js';
import { errors } from '../http/schemas.js';
import '../plugins/types.js';


const progressSchema = {
  type: 'object',
  required: ['caseNo', 'itemName', 'status', 'stage'],
  properties: {
    caseNo: { type: 'string' },
    itemName: { type: 'string' },
    status: { type: 'integer', description: 'SPGL 办理状态' },
    stage: { type: 'string' },
    light: { type: 'string' },
    receivedOn: { type: 'string' },
    promisedDate: { type: 'string' },
    concluded: { type: 'boolean' },
  },
} as const;

/** `GET /api/cases/:caseNo/documents/:kind`, `GET /api/public/progress`. */
export const caseDocumentRoutes: FastifyPluginAsync = async (app) => {
  app.get<{ Params: CaseDocumentParams }>('/api/cases/:caseNo/documents/:kind', {
    schema: {
      tags: ['cases'], summary: 'A document of the case as printable HTML (text/html)',
      params: CaseDocumentParamsSchema,
      response: { 200: { type: 'string', description: 'text/html' }, ...errors(400, 401, 404) },
    },
  }, async (request, reply) => {
    const { caseNo, kind } = request.params;
    await caseFor(app, request, caseNo);
    const html = await app.cases.service.document(caseNo, kind);
    if (html === undefined) throw notFound(`a ${kind} of case '${caseNo}'`);
    return reply.type('text/html; charset=utf-8').send(html);
  });

  app.get<{ Querystring: ProgressQuery }>('/api/public/progress', {
    config: { rateLimit: { max: app.config.progressRateLimit, timeWindow: 60_000 } },
    schema: {
      tags: ['public'], summary: "Where a case is: stage, status and light, for its case number and the last four characters of the applicant's ID number", security: [],
      querystring: ProgressQuerySchema,
      response: { 200: progressSchema, ...errors(400, 404, 429) },
    },
  }, async (request) => {
    const { caseNo, idSuffix } = request.query;
    const row = await app.store.knex('approval_cases').where({ case_no: caseNo, id_suffix: idSuffix.toUpperCase() }).first('case_no');
    const stored = row && (await app.store.cases.loadCase(caseNo));
    const s = (stored?.state as unknown as ApprovalCaseState | undefined)?.approval;
    if (!stored || !s) throw notFound(`a case '${caseNo}' of an applicant whose ID number ends in '${idSuffix}'`);
    const light = caseLight(app.runtime.calendar, s, app.runtime.clock.now().toISOString());
    return {
      caseNo, itemName: s.item.name, status: s.status, stage: stored.summary.stage ?? s.phase,
      ...(light ? { light: light.light } : {}), receivedOn: s.receivedOn,
      ...(s.deadlines ? { promisedDate: s.deadlines.promised.date } : {}),
      concluded: ['concluded', 'rejected', 'withdrawn', 'revoked'].includes(s.phase),
    };
  });
};
