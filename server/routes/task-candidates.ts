/**
 * `GET /api/tasks/:id/candidates`: the colleagues who may hold a step (转办, 委派 and 加签 go only to them),
 * so a page can offer a list instead of asking for a user id. The same rule as the operations' check
 * (`stepAuthority`: the step's department, role or candidate groups), on the active users of the step's
 * department. Anyone who may read the task may ask; the answer names users, never their ID numbers.
 */
import type { FastifyPluginAsync } from 'fastify';
import { notFound } from '../http/errors.js';
import { requireUser } from '../http/guard.js';
import { errors } from '../http/schemas.js';
import { can } from '../identity/permissions.js';
import { stepAuthority, stepDepartment } from '../identity/step-authority.js';
import { findTask } from '../queries/tasks.js';
import { ownedTask, taskResource } from './tasks.js';
import '../plugins/types.js';

const params = { type: 'object', required: ['id'], properties: { id: { type: 'string', minLength: 3, maxLength: 200 } } } as const;

/** One colleague who may hold the step. */
export interface Candidate {
  id: string;
  name: string;
  department?: string;
}

const candidateSchema = {
  type: 'object', required: ['id', 'name'],
  properties: { id: { type: 'string' }, name: { type: 'string' }, department: { type: 'string' } },
} as const;

export const taskCandidateRoutes: FastifyPluginAsync = async (app) => {
  app.get<{ Params: { id: string } }>('/api/tasks/:id/candidates', {
    schema: {
      tags: ['tasks'], summary: 'The active users who may hold this step (for 转办, 委派, 加签)', params,
      response: { 200: { type: 'array', items: candidateSchema }, ...errors(401, 404) },
    },
  }, async (request) => {
    const user = requireUser(request);
    const found = await findTask(app.store.knex, request.params.id);
    const owned = found && (await ownedTask(app.store.knex, found));
    if (!owned || !can(user, 'task.read', taskResource(owned.task, undefined, owned.owner)).allowed) throw notFound(`task '${request.params.id}'`);
    const { task, owner } = owned;
    const department = stepDepartment({ department: task.department, owner });
    if (department === undefined) return [];
    const step = { taskId: task.taskId, elementId: task.elementId, department: task.department, owner, role: task.role, candidateGroups: task.candidateGroups };
    const users = await app.identity.users.list({ department });
    return users
      .filter((u) => !u.disabled && stepAuthority(u, step) === undefined)
      .map((u): Candidate => ({ id: u.id, name: u.name, ...(u.department ? { department: u.department } : {}) }));
  });
};
