/**
 * What the pages offer in the operations on a step, so that nobody types an id:
 * - `GET /api/tasks/:id/candidates`: the colleagues who may hold the step (转办, 委派 and 加签 go only to
 *   them), by the same rule as the operations' check (`stepAuthority`: the step's department, role or
 *   candidate groups) on the active users of the step's department; names, never ID numbers.
 * - `GET /api/tasks/:id/reject-targets`: the steps of the case done before this one (驳回 goes back to one
 *   of them), even those of another department: the official rejecting names the step, not its papers.
 * Anyone who may read the task, within their supervision level (分级监管), may ask.
 */
import { Type } from '@sinclair/typebox';
import type { FastifyPluginAsync } from 'fastify';
import { errors } from '../http/schemas.js';
import { stepAuthority, stepDepartment } from '../identity/step-authority.js';
import { listTasks } from '../queries/tasks.js';
import { readableTask } from './tasks.js';
import { CandidateSchema, RejectTargetSchema, type CandidateView, type RejectTargetView } from '../../contracts/api/task-operations.js';
import { TaskParamsSchema, type TaskParams } from '../../contracts/api/tasks.js';
import '../plugins/types.js';

/** `GET /api/tasks/:id/reject-targets` and `GET /api/tasks/:id/candidates`. */
export const taskCandidateRoutes: FastifyPluginAsync = async (app) => {
  app.get<{ Params: TaskParams }>('/api/tasks/:id/reject-targets', {
    schema: {
      tags: ['tasks'], summary: 'The steps done before this one, in the order they were done (for 驳回)', params: TaskParamsSchema,
      response: { 200: Type.Array(RejectTargetSchema), ...errors(401, 404) },
    },
  }, async (request) => {
    const { task } = await readableTask(app, request, request.params.id);
    const done = await listTasks(app.store.knex, { caseNo: task.caseNo, status: 'completed' });
    const seen = new Map<string, RejectTargetView>();
    for (const d of done) if (d.elementId !== task.elementId && !seen.has(d.elementId)) seen.set(d.elementId, { elementId: d.elementId, ...(d.name ? { name: d.name } : {}) });
    return [...seen.values()];
  });

  app.get<{ Params: TaskParams }>('/api/tasks/:id/candidates', {
    schema: {
      tags: ['tasks'], summary: 'The active users who may hold this step (for 转办, 委派, 加签)', params: TaskParamsSchema,
      response: { 200: Type.Array(CandidateSchema), ...errors(401, 404) },
    },
  }, async (request) => {
    const { task, owner } = await readableTask(app, request, request.params.id);
    const department = stepDepartment({ department: task.department, owner });
    if (department === undefined) return [];
    const step = { taskId: task.taskId, elementId: task.elementId, department: task.department, owner, role: task.role, candidateGroups: task.candidateGroups, ...(task.candidates ? { candidates: task.candidates } : {}) };
    // A step with a candidate rule offers the users it resolved to, whatever their department.
    const users = task.candidates ? (await app.identity.users.list()).filter((u) => task.candidates!.includes(u.id)) : await app.identity.users.list({ department });
    return users
      .filter((u) => !u.disabled && stepAuthority(u, step) === undefined)
      .map((u): CandidateView => ({ id: u.id, name: u.name, ...(u.department ? { department: u.department } : {}) }));
  });
};
