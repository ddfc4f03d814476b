/**
 * The organisation (组织机构): the reform office keeps the regions with their service centres, the
 * departments under each region and the positions within each department, and says who holds which
 * position. Staff read it to choose departments, positions and colleagues (the modeler's pickers, a
 * transfer). Each write and its audit entry commit in one transaction. Accounts themselves are created,
 * reset and disabled by the user routes (`/api/users`, `/api/users/:id/password|disable|enable`). A reform
 * office placed at a county or township writes only in its region and below (server/http/org-reach.ts).
 */
import { Type } from '@sinclair/typebox';
import type { FastifyPluginAsync } from 'fastify';
import { StringEnum } from '../../contracts/api/enum.js';
import { ApiError, notFound } from '../http/errors.js';
import { authorize } from '../http/guard.js';
import { requireOrgReach, type OrgTarget } from '../http/org-reach.js';
import { errors } from '../http/schemas.js';
import type { NewDepartment, NewPosition, NewRegion } from '../organisation/directory.js';
import { POSITION_TITLES } from '../organisation/model.js';
import {
  DepartmentBodySchema, DepartmentViewSchema, ORG_ID_PATTERN, OrganisationSchema, OrgIdParamsSchema, OrgNameSchema, PositionHolderBodySchema, PositionLeaderBodySchema,
  PositionViewSchema, RegionBodySchema, RegionViewSchema,
  type OrgIdParams, type PositionHolderBody, type PositionLeaderBody,
} from '../../contracts/api/organisation.js';
import { POSITION_KINDS } from '../../engine/core/organisation.js';
import '../plugins/types.js';

/** A new position: its kinds are the engine core's list (the core imports nothing from contracts/). */
const positionBody = Type.Object({
  id: Type.String({ pattern: ORG_ID_PATTERN }),
  department: OrgNameSchema,
  kind: StringEnum(POSITION_KINDS),
  name: Type.Optional(OrgNameSchema),
  leader: Type.Optional(Type.String({ pattern: ORG_ID_PATTERN })),
}, { additionalProperties: false });


type Params = { Params: OrgIdParams };
const now = () => new Date().toISOString();

/** `GET /api/org` and the reform office's writes under `/api/org/…`. */
export const organisationRoutes: FastifyPluginAsync = async (app) => {
  const { org, users } = app.identity;
  const write = <T>(action: string, target: string, work: (trx: Parameters<Parameters<typeof app.audit.transaction>[0]>[0]) => Promise<T>, details?: (r: T) => Record<string, unknown>) =>
    (actorId: string) => app.audit.transaction(async (trx) => {
      const result = await work(trx);
      // Nothing found, nothing changed: no entry.
      if (result === false) return { result };
      return { result, audit: { actorId, action, target, ...(details ? { details: details(result) as never } : {}) } };
    });

  app.get('/api/org', {
    schema: {
      tags: ['organisation'], summary: 'The organisation: regions with their service centres, departments, positions and their holders',
      response: { 200: OrganisationSchema, ...errors(401, 403) },
    },
  }, async (request) => {
    authorize(request, 'org.read', { kind: 'system' });
    // Whole at every level: a county's steps, copies and co-departments may name a city department, so the
    // modeler's pickers and deploy check read them all, and the lights filter draws the reader's regions from
    // it. Who may change what is the writes' check; the accounts themselves are read by reach (/api/users).
    return org.list();
  });

  app.post<{ Body: NewRegion }>('/api/org/regions', {
    schema: { tags: ['organisation'], summary: 'Create a region (city, county or township) with its service centre', body: RegionBodySchema, response: { 201: RegionViewSchema, ...errors(400, 401, 403, 409, 422) } },
  }, async (request, reply) => {
    const actor = authorize(request, 'org.manage', { kind: 'system' });
    const r = request.body;
    await requireOrgReach(app, actor, r.parent !== undefined ? { region: r.parent } : { top: true });
    const created = await write('org.region-created', `region:${r.code}`, (trx) => org.createRegion(trx, r, now(), actor.id), (x) => ({ name: x.name, level: x.level, parent: x.parent ?? null, centre: x.centre }))(actor.id);
    return reply.status(201).send(created);
  });

  app.post<{ Body: NewDepartment }>('/api/org/departments', {
    schema: { tags: ['organisation'], summary: 'Create a department under a region', body: DepartmentBodySchema, response: { 201: DepartmentViewSchema, ...errors(400, 401, 403, 409, 422) } },
  }, async (request, reply) => {
    const actor = authorize(request, 'org.manage', { kind: 'system' });
    const d = request.body;
    await requireOrgReach(app, actor, { region: d.region });
    const created = await write('org.department-created', `department:${d.id}`, (trx) => org.createDepartment(trx, d, now(), actor.id), (x) => ({ name: x.name, region: x.region }))(actor.id);
    return reply.status(201).send(created);
  });

  app.post<{ Body: Omit<NewPosition, 'name'> & { name?: string } }>('/api/org/positions', {
    schema: { tags: ['organisation'], summary: 'Create a position (科员, 科长, 分管领导, 负责人) in a department, with the position it reports to', body: positionBody, response: { 201: PositionViewSchema, ...errors(400, 401, 403, 409, 422) } },
  }, async (request, reply) => {
    const actor = authorize(request, 'org.manage', { kind: 'system' });
    const p = { ...request.body, name: request.body.name ?? POSITION_TITLES[request.body.kind] };
    await requireOrgReach(app, actor, { department: p.department });
    const created = await write('org.position-created', `position:${p.id}`, (trx) => org.createPosition(trx, p, now(), actor.id), (x) => ({ department: x.department, kind: x.kind, leader: x.leader ?? null }))(actor.id);
    return reply.status(201).send(created);
  });

  app.post<Params & { Body: PositionLeaderBody }>('/api/org/positions/:id/leader', {
    schema: {
      tags: ['organisation'], summary: 'Set the position a position reports to (none: the top of the chain)', params: OrgIdParamsSchema,
      body: PositionLeaderBodySchema, response: { 200: PositionViewSchema, ...errors(400, 401, 403, 404, 422) },
    },
  }, async (request) => {
    const actor = authorize(request, 'org.manage', { kind: 'system' });
    const { id } = request.params;
    await requireOrgReach(app, actor, { position: id });
    return write('org.position-leader-set', `position:${id}`, (trx) => org.setLeader(trx, id, request.body.leader), (x) => ({ leader: x.leader ?? null }))(actor.id);
  });

  for (const what of ['region', 'department', 'position'] as const) {
    for (const disabled of [true, false]) {
      app.post<Params>(`/api/org/${what}s/:id/${disabled ? 'disable' : 'enable'}`, {
        schema: {
          tags: ['organisation'], params: OrgIdParamsSchema, response: { 204: { type: 'null' }, ...errors(400, 401, 403, 404) },
          summary: disabled ? `Disable a ${what}: it takes no new records or steps; what it did stays` : `Enable a disabled ${what} again`,
        },
      }, async (request, reply) => {
        const actor = authorize(request, 'org.manage', { kind: 'system' });
        const { id } = request.params;
        await requireOrgReach(app, actor, { [what]: id } as OrgTarget);
        const found = await write(`org.${what}-${disabled ? 'disabled' : 'enabled'}`, `${what}:${id}`, (trx) => org.setDisabled(trx, what, id, disabled))(actor.id);
        if (!found) throw notFound(`${what} '${id}'`);
        return reply.status(204).send();
      });
    }
  }

  app.post<Params & { Body: PositionHolderBody }>('/api/org/positions/:id/holders', {
    schema: { tags: ['organisation'], summary: 'A user of the department holds the position from now on', params: OrgIdParamsSchema, body: PositionHolderBodySchema, response: { 200: PositionViewSchema, ...errors(400, 401, 403, 404, 422) } },
  }, async (request) => {
    const actor = authorize(request, 'org.manage', { kind: 'system' });
    const { id } = request.params;
    await requireOrgReach(app, actor, { position: id });
    const user = await users.get(request.body.user);
    if (!user) throw new ApiError('ORG_REFERENCE_UNKNOWN', `Expected user to name an existing account, but there is no user '${request.body.user}'`, { field: 'user', user: request.body.user });
    if (user.disabled) throw new ApiError('BUSINESS_RULE', `Expected an account in use, but '${user.id}' is disabled`, { field: 'user' });
    return write('org.position-held', `position:${id}`, (trx) => org.addHolder(trx, id, user, now()), () => ({ user: user.id }))(actor.id);
  });

  app.post<Params & { Body: PositionHolderBody }>('/api/org/positions/:id/holders/remove', {
    schema: { tags: ['organisation'], summary: 'A user no longer holds the position (their open tasks stay with them)', params: OrgIdParamsSchema, body: PositionHolderBodySchema, response: { 204: { type: 'null' }, ...errors(400, 401, 403, 404) } },
  }, async (request, reply) => {
    const actor = authorize(request, 'org.manage', { kind: 'system' });
    const { id } = request.params;
    await requireOrgReach(app, actor, { position: id });
    const removed = await write('org.position-left', `position:${id}`, (trx) => org.removeHolder(trx, id, request.body.user), () => ({ user: request.body.user }))(actor.id);
    if (!removed) throw notFound(`holder '${request.body.user}' of position '${id}'`);
    return reply.status(204).send();
  });
};
