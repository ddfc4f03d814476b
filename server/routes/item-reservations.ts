/**
 * Item codes reserved by the reform office (审改办): `POST /api/items/reservations` reserves a code for the
 * department that will implement the item; a department admin then deploys the item's versions under it,
 * and no department deploys a new code on its own. `GET /api/items/reservations` lists them (a department
 * admin sees its own department's).
 */
import { Instant } from '../../contracts/api/time.js';
import { ItemReservationBodySchema, type ItemReservationBody } from '../../contracts/api/items.js';
import type { FastifyPluginAsync } from 'fastify';
import { listReservations, reserveItemCode } from '../cases/item-reservations.js';
import { ApiError } from '../http/errors.js';
import { authorize } from '../http/guard.js';
import { errors } from '../http/schemas.js';
import { hasRole } from '../identity/roles.js';
import '../plugins/types.js';

const reservationSchema = {
  type: 'object',
  required: ['code', 'department', 'reservedBy', 'reservedAt'],
  properties: { code: { type: 'string' }, department: { type: 'string' }, name: { type: 'string' }, reservedBy: { type: 'string' }, reservedAt: Instant() },
} as const;

/** `POST /api/items/reservations`, `GET /api/items/reservations`. */
export const itemReservationRoutes: FastifyPluginAsync = async (app) => {
  app.post<{ Body: ItemReservationBody }>('/api/items/reservations', {
    schema: {
      tags: ['items'], summary: 'Reserve an item code for the department that will implement it (reform office)', body: ItemReservationBodySchema,
      response: { 200: reservationSchema, 201: reservationSchema, ...errors(400, 401, 403, 409) },
    },
  }, async (request, reply) => {
    const user = authorize(request, 'item.reserve', { kind: 'system' });
    const { code, department, name } = request.body;
    // The reservation and its `item.reserved` entry commit together (the reservation runs in a savepoint).
    const result = await app.audit.transaction(async (trx) => {
      const reserved = await reserveItemCode(trx, { code, department, ...(name ? { name } : {}), by: user.id, at: new Date().toISOString() });
      return { result: reserved, ...(reserved.ok && reserved.created ? { audit: { actorId: user.id, action: 'item.reserved', target: code, details: { department } } } : {}) };
    });
    if (!result.ok) throw new ApiError('CONFLICT', result.conflict.message, { reason: result.conflict.code, ...result.conflict.details });
    return reply.status(result.created ? 201 : 200).send(result.reservation);
  });

  app.get('/api/items/reservations', {
    schema: { tags: ['items'], summary: 'Reserved item codes (a department admin sees its own)', response: { 200: { type: 'array', items: reservationSchema }, ...errors(401, 403) } },
  }, async (request) => {
    const user = authorize(request, 'item.reservations', { kind: 'system' });
    const all = hasRole(user, 'reform-office-admin') || hasRole(user, 'auditor');
    return listReservations(app.store.knex, all ? undefined : user.department ?? '');
  });
};
