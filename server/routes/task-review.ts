/**
 * 驳回, 拿回, 催办 and 抄送 over HTTP: `POST /api/tasks/:id/reject`, `/reclaim`, `/urge`, `/copies`, and the
 * "抄送我的" list `GET /api/copies`. Reject and copy are the holder's; reclaim is the previous approver's (the
 * one who completed the task); urge is open to the departments of the case and to supervision. Copies
 * are read-only: they give nobody the right to work a task.
 */
import { Type } from '@sinclair/typebox';
import type { FastifyPluginAsync } from 'fastify';
import { CopyRowSchema } from '../../contracts/api/copies.js';
import { commandResultSchema, errors } from '../http/schemas.js';
import { authorize } from '../http/guard.js';
import { copiesFor, markCopiesRead, type CopyRow } from '../queries/copies.js';
import { findTask } from '../queries/tasks.js';
import { operate } from './task-operations.js';
import {
  CopiesReadBodySchema, TaskCopiesBodySchema, TaskReclaimBodySchema, TaskRejectBodySchema, TaskUrgeBodySchema,
  type CopiesReadBody, type TaskCopiesBody, type TaskReclaimBody, type TaskRejectBody, type TaskUrgeBody,
} from '../../contracts/api/task-operations.js';
import { TaskParamsSchema, type TaskParams } from '../../contracts/api/tasks.js';
import '../plugins/types.js';

const BODIES = {
  reject: TaskRejectBodySchema,
  reclaim: TaskReclaimBodySchema,
  urge: TaskUrgeBodySchema,
  copies: TaskCopiesBodySchema,
} as const;

const schema = (summary: string, body: object) => ({ tags: ['tasks'], summary, params: TaskParamsSchema, body, response: { 200: commandResultSchema, ...errors(400, 401, 403, 404, 409, 422, 429) } });

type P<B> = { Params: TaskParams; Body: B };

export const taskReviewRoutes: FastifyPluginAsync = async (app) => {
  app.post<P<TaskRejectBody>>('/api/tasks/:id/reject', { schema: schema('驳回 to the previous step or a passed step', BODIES.reject) }, async (request) =>
    operate(request, request.params.id, 'task.operate', 'task.rejected', () => ({ type: 'task.reject', to: request.body.to, resume: request.body.resume, reason: request.body.reason })));

  app.post<P<TaskReclaimBody>>('/api/tasks/:id/reclaim', { schema: schema('拿回: take back the step you completed while the next is untouched', BODIES.reclaim) }, async (request) =>
    operate(request, request.params.id, 'task.reclaim', 'task.reclaimed', () => ({ type: 'task.reclaim', reason: request.body.reason })));

  app.post<P<TaskUrgeBody>>('/api/tasks/:id/urge', { schema: schema('催办: a recorded reminder to whoever holds the task', BODIES.urge) }, async (request) =>
    operate(request, request.params.id, 'task.urge', 'task.urged', () => ({ type: 'task.urge', ...(request.body?.note ? { note: request.body.note } : {}) })));

  app.post<P<TaskCopiesBody>>('/api/tasks/:id/copies', { schema: schema('抄送: read-only copies to users or departments', BODIES.copies) }, async (request) =>
    operate(request, request.params.id, 'task.operate', 'task.copied', () => ({
      type: 'task.copy', users: request.body?.users ?? [], departments: request.body?.departments ?? [], ...(request.body?.note ? { note: request.body.note } : {}),
    })));

  app.get('/api/copies', { schema: { tags: ['tasks'], summary: '抄送我的: the copies given to me or my department (from a task or by a 抄送 step), newest first, each with its read mark', response: { 200: Type.Array(CopyRowSchema), ...errors(401, 403) } } }, async (request) => {
    const user = authorize(request, 'copy.list', { kind: 'system' });
    const rows: Array<CopyRow & { byName?: string }> = await copiesFor(app.store.knex, user);
    // The page shows people and steps by name: the copier's real name and the step's name, when known.
    const names = new Map<string, string | undefined>();
    for (const r of rows) {
      if (!names.has(r.by)) names.set(r.by, (await app.identity.users.get(r.by))?.name);
      const byName = names.get(r.by);
      const taskName = r.taskName ?? (r.byStep ? undefined : (await findTask(app.store.knex, r.taskId))?.name);
      Object.assign(r, byName ? { byName } : {}, taskName ? { taskName } : {});
    }
    return rows;
  });

  app.post<{ Body: CopiesReadBody }>('/api/copies/read', {
    schema: {
      tags: ['tasks'], summary: '抄送我的: I opened the case; my copies of it are read',
      body: CopiesReadBodySchema,
      response: { 200: { type: 'object', properties: { read: { type: 'integer' } } }, ...errors(400, 401, 403) },
    },
  }, async (request) => {
    const user = authorize(request, 'copy.list', { kind: 'system' });
    // A read mark is the reader's own note, not an act on the case: no audit entry.
    return { read: await markCopiesRead(app.store.knex, user, request.body.caseNo, new Date().toISOString()) };
  });
};
