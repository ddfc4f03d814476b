/**
 * The task inbox, claiming and completing. Every task is checked against the permission policy: a
 * department's staff see and work their department's tasks only, and nobody claims or completes a task
 * assigned to someone else. The actor of every command is the authenticated user, never a body field.
 * Claim and complete run through the task service (`app.runtime.tasks`), which checks the step's authority
 * again on the case the command loads: the case is read once per request.
 */
import type { FastifyInstance, FastifyPluginAsync, FastifyRequest } from 'fastify';
import type { Knex } from 'knex';
import type { TaskRecord } from '../../engine/runtime/ports.js';
import { emptyBodyAsObject, levelScope } from '../http/case-guard.js';
import { acceptedOrThrow } from '../http/command-result.js';
import { audited } from '../audit/audit-scope.js';
import { notFound } from '../http/errors.js';
import { actorOf, authorize, requireUser } from '../http/guard.js';
import { commandResultSchema, errors, idempotencyHeaders, taskSchema } from '../http/schemas.js';
import {
  TaskClaimBodySchema, TaskCompleteBodySchema, TaskInboxQuerySchema, TaskParamsSchema,
  type TaskClaimBody, type TaskCompleteBody, type TaskInboxQuery, type TaskParams,
} from '../../contracts/api/tasks.js';
import { can, type Resource } from '../identity/permissions.js';
import { hasRole } from '../identity/roles.js';
import { caseOwner, findTask, listTasks } from '../queries/tasks.js';
import { withTaskLights } from '../queries/task-lights.js';
import { withPersonNames } from '../queries/person-names.js';
import '../plugins/types.js';

/**
 * The policy's view of a task: its department (else `owner`, the definition's department), step role and
 * candidate groups, assignee. Claim and complete check the step's authority on it (`stepAuthority`).
 */
export function taskResource(task: TaskRecord, onBehalfOf?: string, owner?: string): Resource {
  return {
    kind: 'task', taskId: task.taskId, elementId: task.elementId, department: task.department, role: task.role, candidateGroups: task.candidateGroups, assignee: task.assignee,
    ...(task.candidates ? { candidates: task.candidates } : {}),
    ...(owner !== undefined ? { owner } : {}), ...(onBehalfOf ? { onBehalfOf } : {}),
  };
}

/** A task with the department that owns its step when the task names none (its definition's). */
export interface OwnedTask {
  task: TaskRecord;
  owner?: string;
}

/** The task with the department that owns its step: its own, else its definition's (for the policy). */
export async function ownedTask(knex: Knex, task: TaskRecord): Promise<OwnedTask> {
  if (task.department !== undefined) return { task };
  const owner = await caseOwner(knex, task.caseNo);
  return owner === undefined ? { task } : { task, owner };
}

/** Whether a task's department (else its definition's) lies in a centre's level scope; `scope` undefined: every task. */
function inLevel(scope: string[] | undefined, owned: { task: TaskRecord; owner?: string }): boolean {
  const department = owned.task.department ?? owned.owner;
  return scope === undefined || (department !== undefined && scope.includes(department));
}

/**
 * The task `id` with the department owning its step, when it exists, the caller may read it and it lies in
 * the caller's supervision level (分级监管); else 404, as for a task that does not exist. Every route that
 * names one task reads it through here.
 */
export async function readableTask(app: FastifyInstance, request: FastifyRequest, id: string): Promise<OwnedTask> {
  const user = requireUser(request);
  const found = await findTask(app.store.knex, id);
  const owned = found && (await ownedTask(app.store.knex, found));
  if (!owned || !can(user, 'task.read', taskResource(owned.task, undefined, owned.owner)).allowed || !inLevel(await levelScope(app, user), owned)) throw notFound(`task '${id}'`);
  return owned;
}

/** `GET /api/tasks`, `GET /api/tasks/:id`, `POST /api/tasks/:id/claim`, `POST /api/tasks/:id/complete`. */
export const taskRoutes: FastifyPluginAsync = async (app) => {

  app.get<{ Querystring: TaskInboxQuery }>('/api/tasks', {
    schema: { tags: ['tasks'], summary: 'Task inbox, filtered to what the caller may see', querystring: TaskInboxQuerySchema, response: { 200: { type: 'array', items: taskSchema }, ...errors(400, 401, 403) } },
  }, async (request) => {
    const user = authorize(request, 'task.list', { kind: 'system' });
    const seesAll = hasRole(user, 'reform-office-admin') || hasRole(user, 'auditor');
    const { limit, ...filter } = request.query;
    const rows = await listTasks(app.store.knex, filter, seesAll ? undefined : { userId: user.id, department: user.department });
    const visible: TaskRecord[] = [];
    const level = await levelScope(app, user);
    for (const row of rows) {
      if (limit !== undefined && visible.length >= limit) break;
      const { task, owner } = await ownedTask(app.store.knex, row);
      if (can(user, 'task.read', taskResource(task, undefined, owner)).allowed && inLevel(level, { task, ...(owner !== undefined ? { owner } : {}) })) visible.push(task);
    }
    return withPersonNames(app.identity.users, await withTaskLights(app.store.cases, app.runtime.calendar, app.runtime.clock.now().toISOString(), visible));
  });

  app.get<{ Params: TaskParams }>('/api/tasks/:id', {
    schema: { tags: ['tasks'], summary: 'One task', params: TaskParamsSchema, response: { 200: taskSchema, ...errors(401, 404) } },
  }, async (request) => (await withTaskLights(app.store.cases, app.runtime.calendar, app.runtime.clock.now().toISOString(), [(await readableTask(app, request, request.params.id)).task]))[0]);

  app.post<{ Params: TaskParams; Body: TaskClaimBody | undefined }>('/api/tasks/:id/claim', {
    preValidation: emptyBodyAsObject,
    schema: {
      tags: ['tasks'],
      summary: 'Claim a task for yourself',
      params: TaskParamsSchema,
      body: TaskClaimBodySchema,
      response: { 200: commandResultSchema, ...errors(400, 401, 403, 404, 409) },
    },
  }, async (request) => {
    const { task, owner } = await readableTask(app, request, request.params.id);
    const user = authorize(request, 'task.claim', taskResource(task, request.body?.assignee, owner));
    const result = await audited({ actorId: user.id, action: 'task.claimed', target: task.taskId, caseNo: task.caseNo, details: { caseNo: task.caseNo } }, () =>
      app.runtime.tasks.claim(task.caseNo, { taskId: task.taskId, assignee: user.id, actor: actorOf(user), worker: user, ...(owner !== undefined ? { owner } : {}) }));
    return acceptedOrThrow(result);
  });

  app.post<{ Params: TaskParams; Body: TaskCompleteBody | undefined }>('/api/tasks/:id/complete', {
    preValidation: emptyBodyAsObject,
    schema: {
      tags: ['tasks'],
      summary: 'Complete a task with an outcome, an opinion and variables',
      params: TaskParamsSchema,
      headers: idempotencyHeaders,
      body: TaskCompleteBodySchema,
      response: { 200: commandResultSchema, ...errors(400, 401, 403, 404, 409, 422) },
    },
  }, async (request) => {
    const { task, owner } = await readableTask(app, request, request.params.id);
    const user = authorize(request, 'task.complete', taskResource(task, undefined, owner));
    const { outcome, opinion, variables } = request.body ?? {};
    // A repeated request is answered by the Idempotency-Key mechanism (server/http/idempotency.ts), per task.
    const result = await audited({ actorId: user.id, action: 'task.completed', target: task.taskId, caseNo: task.caseNo, details: { caseNo: task.caseNo, outcome: outcome ?? null } }, () =>
      app.runtime.tasks.complete(task.caseNo, {
        taskId: task.taskId, actor: actorOf(user), worker: user, ...(owner !== undefined ? { owner } : {}),
        ...(outcome !== undefined ? { outcome } : {}), ...(opinion !== undefined ? { opinion } : {}), ...(variables ? { variables } : {}),
      }));
    return acceptedOrThrow(result);
  });
};
