/** The audit trail for supervision: read the entries, verify the hash chain. */
import { Instant } from '../../contracts/api/time.js';
import { AuditListQuerySchema, type AuditListQuery } from '../../contracts/api/audit.js';
import type { FastifyPluginAsync } from 'fastify';
import { verifyAuditChain } from '../audit/audit-log.js';
import { authorize } from '../http/guard.js';
import { errors } from '../http/schemas.js';
import '../plugins/types.js';

const entrySchema = {
  type: 'object',
  required: ['seq', 'at', 'actorId', 'action', 'target', 'hash', 'prevHash'],
  properties: {
    seq: { type: 'integer' },
    at: Instant(),
    actorId: { type: 'string' },
    action: { type: 'string' },
    target: { type: 'string' },
    details: { type: 'object', additionalProperties: true },
    prevHash: { type: 'string' },
    hash: { type: 'string' },
  },
} as const;

const reportSchema = {
  type: 'object',
  required: ['ok', 'count'],
  properties: {
    ok: { type: 'boolean' }, count: { type: 'integer' }, head: { type: 'string' }, brokenAt: { type: 'integer' }, reason: { type: 'string' },
    breakCount: { type: 'integer' },
    breaks: { type: 'array', items: { type: 'object', properties: { seq: { type: 'integer' }, kind: { type: 'string' }, reason: { type: 'string' } } } },
  },
} as const;

/** `GET /api/audit`, `GET /api/audit/verify`. */
export const auditRoutes: FastifyPluginAsync = async (app) => {
  app.get<{ Querystring: AuditListQuery }>('/api/audit', {
    schema: {
      tags: ['audit'],
      summary: 'Audit entries in order',
      querystring: AuditListQuerySchema,
      response: { 200: { type: 'array', items: entrySchema }, ...errors(400, 401, 403) },
    },
  }, async (request) => {
    authorize(request, 'audit.verify', { kind: 'system' });
    return app.audit.list(request.query);
  });

  app.get('/api/audit/verify', {
    schema: { tags: ['audit'], summary: 'Recompute the hash chain and report every broken entry', response: { 200: reportSchema, ...errors(401, 403) } },
  }, async (request) => {
    authorize(request, 'audit.verify', { kind: 'system' });
    return verifyAuditChain(app.store.knex);
  });
};
