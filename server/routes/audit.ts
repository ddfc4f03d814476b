/** The audit trail for supervision: read the entries, verify the hash chain. */
import { AuditChainReportSchema, AuditEntrySchema, AuditListQuerySchema, type AuditListQuery } from '../../contracts/api/audit.js';
import { Type } from '@sinclair/typebox';
import type { FastifyPluginAsync } from 'fastify';
import { verifyAuditChain } from '../audit/audit-log.js';
import { authorize } from '../http/guard.js';
import { errors } from '../http/schemas.js';
import '../plugins/types.js';

/** `GET /api/audit`, `GET /api/audit/verify`. */
export const auditRoutes: FastifyPluginAsync = async (app) => {
  app.get<{ Querystring: AuditListQuery }>('/api/audit', {
    schema: {
      tags: ['audit'],
      summary: 'Audit entries in order',
      querystring: AuditListQuerySchema,
      response: { 200: Type.Array(AuditEntrySchema), ...errors(400, 401, 403) },
    },
  }, async (request) => {
    authorize(request, 'audit.verify', { kind: 'system' });
    return app.audit.list(request.query);
  });

  app.get('/api/audit/verify', {
    schema: { tags: ['audit'], summary: 'Recompute the hash chain and report every broken entry', response: { 200: AuditChainReportSchema, ...errors(401, 403) } },
  }, async (request) => {
    authorize(request, 'audit.verify', { kind: 'system' });
    return verifyAuditChain(app.store.knex);
  });
};
