/**
 * Account administration by the reform office (审改办): reset a user's password to a temporary one, which
 * the user must replace at their next login, and disable or enable an account. Each revokes the user's
 * sessions, so a reset or a disable takes effect at once and not when a token expires.
 */
import { PasswordResetBodySchema, UserParamsSchema, type PasswordResetBody, type UserParams } from '../../contracts/api/users.js';
import type { FastifyPluginAsync } from 'fastify';
import { ApiError, notFound } from '../http/errors.js';
import { authorize } from '../http/guard.js';
import { requireOrgReach } from '../http/org-reach.js';
import { requireStrongPassword } from '../http/password-guard.js';
import { errors, userSchema } from '../http/schemas.js';
import '../plugins/types.js';

type Params = { Params: UserParams };

/** `POST /api/users/:id/password`, `POST /api/users/:id/disable`, `POST /api/users/:id/enable`. */
export const userAccountRoutes: FastifyPluginAsync = async (app) => {
  const { users, sessions } = app.identity;

  app.post<Params & { Body: PasswordResetBody }>('/api/users/:id/password', {
    bodyLimit: 4 * 1024,
    schema: {
      tags: ['users'], summary: "Reset a user's password to a temporary one (reform office); their sessions are revoked",
      params: UserParamsSchema, body: PasswordResetBodySchema, response: { 204: { type: 'null' }, ...errors(400, 401, 403, 404, 422) },
    },
  }, async (request, reply) => {
    const actor = authorize(request, 'user.manage', { kind: 'system' });
    const { id } = request.params;
    if (!(await users.get(id))) throw notFound(`user '${id}'`);
    await requireOrgReach(app, actor, { user: id });
    requireStrongPassword(request.body.password, id);
    const passwordHash = await users.hash(request.body.password);
    // The new password, the revoked sessions and the audit entry commit together.
    await app.audit.transaction(async (trx) => {
      if (!(await users.setPassword(id, request.body.password, new Date().toISOString(), true, { trx, passwordHash }))) throw notFound(`user '${id}'`);
      const revoked = await sessions.revokeAllOf(id, undefined, trx);
      return { result: undefined, audit: { actorId: actor.id, action: 'user.password-reset', target: id, details: { revokedSessions: revoked } } };
    });
    return reply.status(204).send();
  });

  for (const disabled of [true, false]) {
    app.post<Params>(`/api/users/:id/${disabled ? 'disable' : 'enable'}`, {
      schema: {
        tags: ['users'], summary: disabled ? 'Disable an account (reform office): it cannot log in and its sessions are revoked' : 'Enable a disabled account again (reform office)',
        params: UserParamsSchema, response: { 200: userSchema, ...errors(400, 401, 403, 404, 422) },
      },
    }, async (request) => {
      const actor = authorize(request, 'user.manage', { kind: 'system' });
      const { id } = request.params;
      await requireOrgReach(app, actor, { user: id });
      // An administrator who disables their own account may leave the platform with nobody to enable it.
      if (disabled && id === actor.id) throw new ApiError('BUSINESS_RULE', `Expected another user's account, but '${id}' is your own; ask another administrator`);
      await app.audit.transaction(async (trx) => {
        if (!(await users.setDisabled(id, disabled, trx))) throw notFound(`user '${id}'`);
        const revoked = disabled ? await sessions.revokeAllOf(id, undefined, trx) : 0;
        return { result: undefined, audit: { actorId: actor.id, action: disabled ? 'user.disabled' : 'user.enabled', target: id, ...(disabled ? { details: { revokedSessions: revoked } } : {}) } };
      });
      // A disabled holder no longer takes new steps of their positions.
      app.identity.org.changed();
      return (await users.get(id))!;
    });
  }
};
