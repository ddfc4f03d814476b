/**
 * Outside events reaching a waiting case (a payment confirmed, a reply received): `message.correlate` on the
 * case named by its number. Refused with 409 MESSAGE_NOT_EXPECTED when nothing in the case waits for it.
 */
import type { FastifyPluginAsync } from 'fastify';
import { audited } from '../audit/audit-scope.js';
import { acceptedOrThrow } from '../http/command-result.js';
import { notFound } from '../http/errors.js';
import { actorOf, authorize, requireUser } from '../http/guard.js';
import { commandResultSchema, errors, idempotencyHeaders } from '../http/schemas.js';
import { mayReadCase } from '../http/case-guard.js';
import { caseFacts } from '../queries/cases.js';
import { MessageBodySchema, type MessageBody } from '../../contracts/api/process-cases.js';
import '../plugins/types.js';

/** `POST /api/messages`. */
export const messageRoutes: FastifyPluginAsync = async (app) => {
  app.post<{ Body: MessageBody }>('/api/messages', {
    schema: {
      tags: ['cases'],
      summary: 'Correlate a message to a case by its case number',
      headers: idempotencyHeaders,
      body: MessageBodySchema,
      response: { 200: commandResultSchema, ...errors(400, 401, 403, 404, 409, 422) },
    },
  }, async (request) => {
    const user = requireUser(request);
    const { caseNo, name, variables } = request.body;
    const facts = await caseFacts(app.store.knex, caseNo);
    // Somebody who may not even read the case is told it does not exist.
    if (!facts || !(await mayReadCase(app, user, facts))) throw notFound(`case '${caseNo}'`);
    authorize(request, 'message.correlate', { kind: 'case', departments: facts.departments, applicant: facts.applicant });
    const result = await audited({ actorId: user.id, action: 'message.correlated', target: caseNo, caseNo, details: { name } }, () =>
      app.runtime.runner.execute(caseNo, { type: 'message.correlate', name, actor: actorOf(user), ...(variables ? { variables } : {}) }));
    return acceptedOrThrow(result);
  });
};
