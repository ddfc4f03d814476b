/**
 * The applicant's notification centre (站内消息): `GET /api/notifications` lists the caller's own messages,
 * newest first, with the unread count; `GET /api/notifications/unread` is the count alone (the portal's
 * badge); `POST /api/notifications/:id/read` and `/read-all` set the read mark. Every row is the caller's:
 * the query filters by recipient, and a message of somebody else is answered as not found. The text is
 * rendered in the language the request asks for.
 */
import { Instant } from '../../contracts/api/time.js';
import type { FastifyPluginAsync } from 'fastify';
import { negotiateLanguage } from '../../contracts/messages/render.js';
import { notificationText, type NotificationKind, type NotificationParams } from '../../contracts/messages/notifications.js';
import { notFound } from '../http/errors.js';
import { authorize } from '../http/guard.js';
import { emptyBodyAsObject } from '../http/case-guard.js';
import { errors } from '../http/schemas.js';
import { instant, json } from '../store/rows.js';
import {
  NotificationIdParamsSchema, NotificationListQuerySchema, NotificationSchema,
  type NotificationIdParams, type NotificationListQuery, type NotificationParamsView,
} from '../../contracts/api/notifications.js';
import '../plugins/types.js';

const notificationSchema = NotificationSchema;

/** The contract describes every parameter the messages word: one added there must be described here too. */
type Same<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;
export const PARAMS_DESCRIBED: Same<NotificationParams, NotificationParamsView> = true;

/** `/api/notifications`. */
export const notificationRoutes: FastifyPluginAsync = async (app) => {
  const knex = app.store.knex;
  const unreadOf = async (recipient: string): Promise<number> => {
    const row = await knex('applicant_notifications').where({ recipient }).whereNull('read_at').count<{ n: number | string }[]>({ n: '*' }).first();
    return Number(row?.n ?? 0);
  };

  app.get<{ Querystring: NotificationListQuery & { limit: number; offset: number } }>('/api/notifications', {
    schema: {
      tags: ['notifications'], summary: '站内消息: my notifications, newest first, with the unread count', querystring: NotificationListQuerySchema,
      response: { 200: { type: 'object', required: ['total', 'unread', 'items'], properties: { total: { type: 'integer' }, unread: { type: 'integer' }, items: { type: 'array', items: notificationSchema } } }, ...errors(400, 401, 403) },
    },
  }, async (request) => {
    const user = authorize(request, 'notification.read', { kind: 'system' });
    const language = negotiateLanguage(request.headers['accept-language']);
    const { unread, caseNo, limit, offset } = request.query;
    const base = knex('applicant_notifications').where({ recipient: user.id });
    if (unread) base.whereNull('read_at');
    if (caseNo) base.where('case_no', caseNo);
    const counted = await base.clone().count<{ n: number | string }[]>({ n: '*' }).first();
    const rows = await base.orderBy([{ column: 'created_at', order: 'desc' }, { column: 'id', order: 'desc' }]).limit(limit).offset(offset)
      .select('id', 'case_no', 'kind', 'params', 'created_at', 'read_at');
    return {
      total: Number(counted?.n ?? 0),
      unread: await unreadOf(user.id),
      items: rows.map((r: Record<string, unknown>) => {
        const params = json(r.params) as unknown as NotificationParams;
        const readAt = instant(r.read_at);
        return {
          id: String(r.id), caseNo: String(r.case_no), kind: String(r.kind), ...notificationText(r.kind as NotificationKind, params, language),
          at: instant(r.created_at)!, read: readAt !== undefined, ...(readAt ? { readAt } : {}), params,
        };
      }),
    };
  });

  app.get('/api/notifications/unread', {
    schema: { tags: ['notifications'], summary: 'How many of my notifications are unread (the badge)', response: { 200: { type: 'object', properties: { unread: { type: 'integer' } } }, ...errors(401, 403) } },
  }, async (request) => {
    const user = authorize(request, 'notification.read', { kind: 'system' });
    return { unread: await unreadOf(user.id) };
  });

  app.post<{ Params: NotificationIdParams }>('/api/notifications/:id/read', {
    preValidation: emptyBodyAsObject,
    schema: { tags: ['notifications'], summary: 'Mark one of my notifications read', params: NotificationIdParamsSchema, response: { 200: { type: 'object', properties: { unread: { type: 'integer' } } }, ...errors(401, 403, 404) } },
  }, async (request) => {
    const user = authorize(request, 'notification.read', { kind: 'system' });
    const row = await knex('applicant_notifications').where({ id: request.params.id, recipient: user.id }).first('id', 'read_at');
    if (!row) throw notFound(`notification '${request.params.id}'`);
    if (row.read_at === null || row.read_at === undefined) {
      await knex('applicant_notifications').where({ id: request.params.id, recipient: user.id }).whereNull('read_at').update({ read_at: app.runtime.clock.now().toISOString() });
    }
    return { unread: await unreadOf(user.id) };
  });

  app.post('/api/notifications/read-all', {
    preValidation: emptyBodyAsObject,
    schema: { tags: ['notifications'], summary: 'Mark all my notifications read', response: { 200: { type: 'object', properties: { unread: { type: 'integer' } } }, ...errors(401, 403) } },
  }, async (request) => {
    const user = authorize(request, 'notification.read', { kind: 'system' });
    await knex('applicant_notifications').where({ recipient: user.id }).whereNull('read_at').update({ read_at: app.runtime.clock.now().toISOString() });
    return { unread: 0 };
  });
};
