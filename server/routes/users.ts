/**
 * Users: reform-office admins create anyone; a department admin creates staff and admins of their own
 * department (the policy says so, `server/identity/permissions.ts`). A reform office or supervision account
 * placed at a county or township centre creates and lists only the accounts of its region and below
 * (server/http/org-reach.ts). Only the ID number's last four characters are kept.
 */
import type { FastifyPluginAsync } from 'fastify';
import { ApiError } from '../http/errors.js';
import { authorize } from '../http/guard.js';
import { requireOrgReach, usersInReach, type OrgTarget } from '../http/org-reach.js';
import { requireStrongPassword } from '../http/password-guard.js';
import { errors, userSchema } from '../http/schemas.js';
import { IdentityError, type NewUser } from '../identity/users.js';
import { NewUserBodySchema, UserListQuerySchema, type UserListQuery } from '../../contracts/api/users.js';
import '../plugins/types.js';

/** `POST /api/users`, `GET /api/users`. */
export const userRoutes: FastifyPluginAsync = async (app) => {
  app.post<{ Body: NewUser & { position?: string } }>('/api/users', {
    schema: { tags: ['users'], summary: 'Create a real-name user', body: NewUserBodySchema, response: { 201: userSchema, ...errors(400, 401, 403, 409, 422) } },
  }, async (request, reply) => {
    const { position, ...body } = request.body;
    const department = body.department ?? request.user?.department;
    const actor = authorize(request, 'user.create', { kind: 'user', department, roles: body.roles });
    requireStrongPassword(body.password, body.id);
    // A county reform office staffs its own level: an account of a city department, or one placed at the
    // city (or nowhere, with more than an applicant's role), would reach beyond it.
    const placed: OrgTarget[] = [...(department !== undefined ? [{ department }] : []), ...(body.region !== undefined ? [{ region: body.region }] : [])];
    await requireOrgReach(app, actor, ...(placed.length || body.roles.every((r) => r === 'applicant') ? placed : [{ top: true as const }]));
    if (body.region !== undefined && !(await app.identity.org.region(body.region))) {
      throw new ApiError('ORG_REFERENCE_UNKNOWN', `Expected region to name an existing region, but there is no region '${body.region}'`, { field: 'region', region: body.region });
    }
    const { users } = app.identity;
    const passwordHash = await users.hash(body.password);
    // The account and its audit entry commit together: no user exists without its `user.created`.
    const created = await app.audit.transaction(async (trx) => {
      const at = new Date().toISOString();
      const user = await users.create({ ...body, department }, at, actor.id, { trx, passwordHash }).catch((e: unknown) => {
        throw e instanceof IdentityError && e.code === 'CONFLICT' ? new ApiError('ID_TAKEN', e.message, { field: 'id', taken: body.id }) : e;
      });
      // The position is checked like any holder's (it exists, is in use, is of the user's department).
      if (position !== undefined) await app.identity.org.addHolder(trx, position, user, at).catch((e: unknown) => { throw e instanceof ApiError && e.code === 'NOT_FOUND' ? new ApiError('ORG_REFERENCE_UNKNOWN', e.message, { field: 'position', position }) : e; });
      return { result: user, audit: { actorId: actor.id, action: 'user.created', target: user.id, details: { roles: user.roles, department: user.department ?? null, ...(user.region ? { region: user.region } : {}), ...(position ? { position } : {}) } } };
    });
    app.identity.org.changed();
    return reply.status(201).send(created);
  });

  app.get<{ Querystring: UserListQuery }>('/api/users', {
    schema: {
      tags: ['users'],
      summary: 'List users (a department admin sees their own department; a reform office or supervision account at a county or township centre the accounts of its region and below)',
      querystring: UserListQuerySchema,
      response: { 200: { type: 'array', items: userSchema }, ...errors(400, 401, 403) },
    },
  }, async (request) => {
    const isDeptAdminOnly = request.user && !request.user.roles.some((r) => r === 'reform-office-admin' || r === 'auditor');
    const department = request.query.department ?? (isDeptAdminOnly ? request.user?.department : undefined);
    const actor = authorize(request, 'user.list', { kind: 'user', department });
    // 分级管理: below the city a centre reads the accounts it manages; another level's department, asked by
    // name, has none of them (an empty list, as for a department without staff).
    return usersInReach(app, actor, await app.identity.users.list(department === undefined ? {} : { department }));
  });
};
