/**
 * Generic cases of a plain BPMN definition: start one, read one. The approval case lifecycle (apply,
 * accept, correction notice …) has its own routes over the CaseService; these exist so that any deployed
 * process can be driven over HTTP. The user who starts a case is its applicant.
 */
import { Instant } from '../../contracts/api/time.js';
import { randomBytes } from 'node:crypto';
import type { FastifyPluginAsync } from 'fastify';
import { acceptedOrThrow } from '../http/command-result.js';
import { audited } from '../audit/audit-scope.js';
import { ApiError, notFound } from '../http/errors.js';
import { actorOf, authorize, requireUser } from '../http/guard.js';
import { commandResultSchema, errors, idempotencyHeaders, taskSchema } from '../http/schemas.js';
import { can } from '../identity/permissions.js';
import { mayReadCase } from '../http/case-guard.js';
import { caseFacts } from '../queries/cases.js';
import { caseOwner, listTasks } from '../queries/tasks.js';
import { taskResource } from './tasks.js';
import { CaseParamsSchema, ProcessCaseStartBodySchema, type CaseParams, type ProcessCaseStartBody } from '../../contracts/api/process-cases.js';
import '../plugins/types.js';

const caseSchema = {
  type: 'object',
  required: ['caseNo', 'status', 'definitionKey', 'definitionVersion', 'departments', 'tasks'],
  properties: {
    caseNo: { type: 'string' },
    status: { type: 'string' },
    definitionKey: { type: 'string', description: 'the key of the plain BPMN definition the case runs' },
    definitionVersion: { type: 'integer', description: 'the version of that definition' },
    itemKey: { type: 'string', deprecated: true, description: 'former name of definitionKey, kept readable for one version' },
    stage: { type: 'string' },
    applicant: { type: 'string' },
    departments: { type: 'array', items: { type: 'string' } },
    version: { type: 'integer' },
    createdAt: Instant(),
    updatedAt: Instant(),
    tasks: { type: 'array', items: taskSchema },
  },
} as const;

/** A case number nobody can guess: `P` + the clock's date + 10 hex digits. */
function newCaseNo(now: Date): string {
  return `P${now.toISOString().slice(0, 10).replace(/-/g, '')}-${randomBytes(5).toString('hex')}`;
}

/** `POST /api/process-cases`, `GET /api/process-cases/:caseNo`. */
export const processCaseRoutes: FastifyPluginAsync = async (app) => {
  app.post<{ Body: ProcessCaseStartBody }>('/api/process-cases', {
    schema: {
      tags: ['cases'],
      summary: 'Start a case of a deployed plain BPMN definition',
      headers: idempotencyHeaders,
      body: ProcessCaseStartBodySchema,
      response: { 201: commandResultSchema, ...errors(400, 401, 403, 409, 422) },
    },
  }, async (request, reply) => {
    const user = authorize(request, 'case.start', { kind: 'system' });
    const { definitionKey, version, variables } = request.body;
    // An item's process runs only inside an approval case, with its clocks: POST /api/cases applies for it.
    if (await app.cases.items.find(definitionKey)) throw new ApiError('BUSINESS_RULE', `Expected a plain BPMN definition, but '${definitionKey}' is an approval item; apply with POST /api/cases`);
    const caseNo = request.body.caseNo ?? newCaseNo(app.runtime.clock.now());
    const result = await audited({ actorId: user.id, action: 'case.started', target: caseNo, caseNo, details: { definitionKey, version: version ?? null } }, () =>
      app.runtime.runner.execute(
        caseNo,
        { type: 'case.start', caseId: caseNo, actor: actorOf(user), ...(variables ? { variables } : {}) },
        { definition: { key: definitionKey, ...(version !== undefined ? { version } : {}) } },
      ));
    return reply.status(201).send(acceptedOrThrow(result));
  });

  app.get<{ Params: CaseParams }>('/api/process-cases/:caseNo', {
    schema: {
      tags: ['cases'],
      summary: 'A case with the tasks the caller may see',
      params: CaseParamsSchema,
      response: { 200: caseSchema, ...errors(401, 403, 404) },
    },
  }, async (request) => {
    const user = requireUser(request);
    const { caseNo } = request.params;
    const facts = await caseFacts(app.store.knex, caseNo);
    // A case the caller may not read is reported as absent: case numbers must not be probeable.
    if (!facts || !(await mayReadCase(app, user, facts))) throw notFound(`case '${caseNo}'`);
    const stored = (await app.store.cases.loadCase(caseNo))!;
    const tasks = await listTasks(app.store.knex, { caseNo });
    const owner = await caseOwner(app.store.knex, caseNo);
    return {
      caseNo,
      status: stored.summary.status,
      definitionKey: stored.itemKey,
      definitionVersion: stored.definitionVersion,
      // The former name, readable for one version (deprecated in the OpenAPI document).
      itemKey: stored.itemKey,
      stage: stored.summary.stage,
      applicant: facts.applicant,
      departments: facts.departments,
      version: stored.version,
      createdAt: stored.createdAt,
      updatedAt: stored.updatedAt,
      // An applicant sees where the case is; staff see the tasks they may read.
      tasks: facts.applicant === user.id ? tasks : tasks.filter((t) => can(user, 'task.read', taskResource(t, undefined, t.department === undefined ? owner : undefined)).allowed),
    };
  });
};
