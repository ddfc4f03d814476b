/**
 * Edits of the organisation by the reform office: a region's name and service centre, a department's or a
 * position's name, and a user's name and department. Ids and division codes never change, since cases,
 * steps and the audit chain name them. Each edit commits with its audit entry. A reform office placed at a
 * county or township edits only its region and those below it (server/http/org-reach.ts).
 */
import type { FastifyPluginAsync } from 'fastify';
import { ApiError, notFound } from '../http/errors.js';
import { authorize } from '../http/guard.js';
import { requireOrgReach, type OrgTarget } from '../http/org-reach.js';
import { errors, userSchema } from '../http/schemas.js';
import {
  OrgIdParamsSchema, RegionRenameBodySchema, RenameBodySchema, UserChangeBodySchema, type OrgIdParams, type UserChangeBody,
} from '../../contracts/api/organisation.js';
import '../plugins/types.js';

const BODIES = { region: RegionRenameBodySchema, department: RenameBodySchema, position: RenameBodySchema, user: UserChangeBodySchema } as const;

type Params = { Params: OrgIdParams };
type Changes = { name?: string; centre?: string };

/** `PATCH /api/org/regions/:id`, `…/departments/:id`, `…/positions/:id` and `PATCH /api/users/:id`. */
export const organisationEditRoutes: FastifyPluginAsync = async (app) => {
  const { org, users } = app.identity;

  for (const what of ['region', 'department', 'position'] as const) {
    app.patch<Params & { Body: Changes }>(`/api/org/${what}s/:id`, {
      schema: {
        tags: ['organisation'], summary: what === 'region' ? "Rename a region or its service centre (the code stays)" : `Rename a ${what} (its id stays)`,
        params: OrgIdParamsSchema, body: BODIES[what], response: { 204: { type: 'null' }, ...errors(400, 401, 403, 404) },
      },
    }, async (request, reply) => {
      const actor = authorize(request, 'org.manage', { kind: 'system' });
      const { id } = request.params;
      await requireOrgReach(app, actor, { [what]: id } as OrgTarget);
      const found = await app.audit.transaction(async (trx) => {
        const renamed = await org.rename(trx, what, id, request.body);
        return renamed ? { result: true, audit: { actorId: actor.id, action: `org.${what}-renamed`, target: `${what}:${id}`, details: { ...request.body } } } : { result: false };
      });
      if (!found) throw notFound(`${what} '${id}'`);
      return reply.status(204).send();
    });
  }

  app.patch<Params & { Body: UserChangeBody }>('/api/users/:id', {
    schema: {
      tags: ['users'], summary: "Change a user's name or department (reform office); a holder of positions leaves them first",
      params: OrgIdParamsSchema, body: BODIES.user, response: { 200: userSchema, ...errors(400, 401, 403, 404, 422) },
    },
  }, async (request) => {
    const actor = authorize(request, 'user.manage', { kind: 'system' });
    const { id } = request.params;
    const user = await users.get(id);
    if (!user) throw notFound(`user '${id}'`);
    const department = request.body.department;
    // Both ends of a move: the user's department now and the one they go to.
    await requireOrgReach(app, actor, { user: id }, ...(department !== undefined ? [{ department }] : []));
    if (department !== undefined && department !== user.department) {
      const target = await org.department(department);
      if (!target) throw new ApiError('ORG_REFERENCE_UNKNOWN', `Expected department to name an existing department, but there is no department '${department}'`, { field: 'department', department });
      if (target.disabled) throw new ApiError('BUSINESS_RULE', `Expected department '${department}' to be in use, but it is disabled`, { field: 'department' });
      // A position belongs to its department: moving its holder would leave a holder of another department.
      const held = await org.positionsOf(id);
      if (held.length) throw new ApiError('BUSINESS_RULE', `Expected '${id}' to hold no position before changing department, but they hold '${held.join("', '")}'`, { field: 'department', positions: held });
    }
    await app.audit.transaction(async (trx) => {
      await users.update(id, request.body, trx);
      return { result: undefined, audit: { actorId: actor.id, action: 'user.updated', target: id, details: { ...request.body } } };
    });
    org.changed();
    return (await users.get(id))!;
  });
};
