/**
 * 转办, 委派 and 加签/减签 over HTTP: `POST /api/tasks/:id/transfer`, `/delegate`, `/resolve`, `/signers`,
 * `/signers/remove`. Only the one holding a task operates it; a transfer or delegation goes only to a
 * colleague who may hold the step (step authority); the engine decides the rest. Each is audited with who,
 * what, why and on whose behalf.
 */
import type { FastifyPluginAsync, FastifyRequest } from 'fastify';
import type { TaskOperation } from '../../engine/core/types.js';
import type { TaskRecord } from '../../engine/runtime/ports.js';
import { audited } from '../audit/audit-scope.js';
import { acceptedOrThrow } from '../http/command-result.js';
import { ApiError } from '../http/errors.js';
import { actorOf, authorize } from '../http/guard.js';
import { commandResultSchema, errors } from '../http/schemas.js';
import type { Action } from '../identity/permissions.js';
import { stepAuthority } from '../identity/step-authority.js';
import { readableTask, taskResource, type OwnedTask } from './tasks.js';
import {
  TaskAddSignersBodySchema, TaskHandOverBodySchema, TaskRemoveSignersBodySchema, TaskResolveBodySchema,
  type TaskAddSignersBody, type TaskHandOverBody, type TaskRemoveSignersBody, type TaskResolveBody,
} from '../../contracts/api/task-operations.js';
import { TaskParamsSchema, type TaskParams } from '../../contracts/api/tasks.js';
import '../plugins/types.js';

/** The operations' bodies, by route. */
export const OPERATION_BODIES = {
  transfer: TaskHandOverBodySchema,
  delegate: TaskHandOverBodySchema,
  resolve: TaskResolveBodySchema,
  signers: TaskAddSignersBodySchema,
  removeSigners: TaskRemoveSignersBodySchema,
} as const;

/**
 * Loads a task the caller may read within their supervision level (404 otherwise), authorises `action` on it,
 * runs the operation through the task service and audits it.
 */
export async function operate(
  request: FastifyRequest, id: string, action: Action, audit: string,
  command: (task: TaskRecord) => Record<string, unknown>, check?: (owned: OwnedTask) => Promise<void>,
): Promise<unknown> {
  const app = request.server;
  const owned = await readableTask(app, request, id);
  const { task } = owned;
  const user = authorize(request, action, taskResource(task));
  await check?.(owned);
  const fields = command(task);
  const { type: _type, ...details } = fields;
  // The entry is written by the store in the operation's own commit (server/audit/audit-scope.ts).
  const result = await audited({ actorId: user.id, action: audit, target: task.taskId, caseNo: task.caseNo, details: { caseNo: task.caseNo, ...(details as Record<string, never>) } }, () =>
    app.runtime.tasks.operate(task.caseNo, { ...fields, taskId: task.taskId, actor: actorOf(user) } as TaskOperation));
  return acceptedOrThrow(result);
}

/** The step may go to `to` only when they could work it themselves (行政许可法 第23条: within their competence). */
function mayHold(request: FastifyRequest, to: string): (owned: OwnedTask) => Promise<void> {
  return async ({ task, owner }) => {
    const target = await request.server.identity.users.get(to);
    if (!target || target.disabled) throw new ApiError('VALIDATION_FAILED', `Expected '${to}' to be an active user to hand task '${task.taskId}' to, but there is none`, { to });
    // A step that names no department belongs to its definition's (as for claim and complete), read with the task.
    const refused = stepAuthority(target, { taskId: task.taskId, elementId: task.elementId, department: task.department, owner, role: task.role, candidateGroups: task.candidateGroups, ...(task.candidates ? { candidates: task.candidates } : {}) });
    if (refused) throw new ApiError(refused.code, `'${to}' may not hold this step: ${refused.message}`, refused.details);
  };
}

const schema = (summary: string, body: object) => ({ tags: ['tasks'], summary, params: TaskParamsSchema, body, response: { 200: commandResultSchema, ...errors(400, 401, 403, 404, 409, 422) } });

type P<B> = { Params: TaskParams; Body: B };

export const taskOperationRoutes: FastifyPluginAsync = async (app) => {
  app.post<P<TaskHandOverBody>>('/api/tasks/:id/transfer', { schema: schema('转办: hand the task to a colleague who may hold the step', OPERATION_BODIES.transfer) }, async (request) =>
    operate(request, request.params.id, 'task.operate', 'task.transferred', () => ({ type: 'task.transfer', to: request.body.to, reason: request.body.reason }), mayHold(request, request.body.to)));

  app.post<P<TaskHandOverBody>>('/api/tasks/:id/delegate', { schema: schema('委派: a colleague works the task, then resolves it back', OPERATION_BODIES.delegate) }, async (request) =>
    operate(request, request.params.id, 'task.operate', 'task.delegated', () => ({ type: 'task.delegate', to: request.body.to, reason: request.body.reason }), mayHold(request, request.body.to)));

  app.post<P<TaskResolveBody>>('/api/tasks/:id/resolve', { schema: schema('The delegate hands the task back to its owner', OPERATION_BODIES.resolve) }, async (request) =>
    operate(request, request.params.id, 'task.resolve', 'task.resolved', () => ({ type: 'task.resolve', ...(request.body?.opinion ? { opinion: request.body.opinion } : {}) })));

  app.post<P<TaskAddSignersBody>>('/api/tasks/:id/signers', { schema: schema('加签: before, after, or parallel in a multi-instance step', OPERATION_BODIES.signers) }, async (request) =>
    operate(request, request.params.id, 'task.operate', 'task.signers-added', () => ({ type: 'task.add-signers', signers: request.body.signers, mode: request.body.mode, reason: request.body.reason }),
      async (owned) => { for (const s of request.body.signers) await mayHold(request, s)(owned); }));

  app.post<P<TaskRemoveSignersBody>>('/api/tasks/:id/signers/remove', { schema: schema('减签: signers added by 加签 who have not signed', OPERATION_BODIES.removeSigners) }, async (request) =>
    operate(request, request.params.id, 'task.operate', 'task.signers-removed', () => ({ type: 'task.remove-signers', signers: request.body.signers, reason: request.body.reason })));
};
