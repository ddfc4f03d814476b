/**
 * The item catalogue: published items and their disclosures are public (两清单一图表); versions and their
 * BPMN are shown to every logged-in user; the implementing department's admin or the reform office
 * disables and enables an item (running cases go on with their version).
 */
import { Type } from '@sinclair/typebox';
import type { FastifyPluginAsync, FastifyRequest } from 'fastify';
import { renderDisclosureHtml } from '../../definitions/items/index.js';
import { KnexItemRepository } from '../cases/knex-item-repository.js';
import { DisclosureSchema, type DisclosureView } from '../../contracts/api/disclosure.js';
import {
  ItemDisclosureQuerySchema, ItemListQuerySchema, ItemRowSchema, ItemVersionParamsSchema, ItemVersionSchema,
  type ItemDisclosureQuery, type ItemListQuery, type ItemParams, type ItemRowView, type ItemVersionParams, type ItemVersionView,
} from '../../contracts/api/items.js';
import { itemParams } from '../http/case-schemas.js';
import { notFound } from '../http/errors.js';
import { notesOf } from '../queries/version-notes.js';
import { authorize, requireUser } from '../http/guard.js';
import { errors } from '../http/schemas.js';
import { hasRole } from '../identity/roles.js';
import '../plugins/types.js';

/** True when the caller may see disabled items: staff of the platform, not the public or applicants. */
function seesDisabled(request: FastifyRequest): boolean {
  const user = request.user;
  return !!user && (['reform-office-admin', 'department-admin', 'department-staff', 'auditor'] as const).some((r) => hasRole(user, r));
}

/** `GET /api/items`, `GET /api/items/:code`, versions, BPMN, disable and enable. */
export const itemRoutes: FastifyPluginAsync = async (app) => {
  const items = () => app.cases.items;

  async function visibleItem(request: FastifyRequest, code: string) {
    const item = await items().find(code);
    if (!item || (!item.enabled && !seesDisabled(request))) throw notFound(`item '${code}'`);
    return item;
  }

  app.get<{ Querystring: ItemListQuery }>('/api/items', {
    schema: {
      tags: ['items'], summary: 'Published items (disabled ones too for staff)', security: [],
      querystring: ItemListQuerySchema,
      response: { 200: Type.Array(ItemRowSchema), ...errors(400) },
    },
  }, async (request) => {
    const all = await items().list();
    const shown = all.filter((i) => (i.enabled || seesDisabled(request)) && (request.query.department === undefined || i.department === request.query.department));
    return Promise.all(shown.map(async (i): Promise<ItemRowView> => ({ ...i, versions: (await items().versions(i.code)).map((v) => v.version) })));
  });

  app.get<{ Params: ItemParams; Querystring: ItemDisclosureQuery }>('/api/items/:code', {
    schema: {
      tags: ['items'], summary: "An item's disclosure: JSON, or HTML with Accept: text/html", security: [], params: itemParams,
      querystring: ItemDisclosureQuerySchema,
      response: { 200: { ...DisclosureSchema, description: 'the disclosure (两清单一图表); text/html when asked for' }, ...errors(400, 404) },
    },
  }, async (request, reply) => {
    const item = await visibleItem(request, request.params.code);
    const disclosure = await items().disclosure(item.code, request.query.version);
    if (!disclosure) throw notFound(`version ${request.query.version} of item '${item.code}'`);
    if (reply.request.headers.accept?.includes('text/html')) return reply.type('text/html; charset=utf-8').send(renderDisclosureHtml(disclosure));
    const answer: DisclosureView = disclosure;
    return answer;
  });

  app.get<{ Params: ItemParams }>('/api/items/:code/versions', {
    schema: { tags: ['items'], summary: "An item's deployed versions", params: itemParams, response: { 200: Type.Array(ItemVersionSchema), ...errors(401, 403, 404) } },
  }, async (request) => {
    authorize(request, 'item.read', { kind: 'system' });
    const item = await visibleItem(request, request.params.code);
    const notes = await notesOf(app.store.knex, 'item', item.code);
    return (await items().versions(item.code)).map((v): ItemVersionView => {
      const note = notes.get(`${v.code}@${v.version}`);
      return note ? { ...v, note } : v;
    });
  });

  app.get<{ Params: ItemVersionParams }>('/api/items/:code/versions/:v/bpmn', {
    schema: {
      tags: ['items'], summary: 'The BPMN 2.0 XML of a version (application/xml)',
      params: ItemVersionParamsSchema,
      response: { 200: { type: 'string', description: 'application/xml' }, ...errors(400, 401, 403, 404) },
    },
  }, async (request, reply) => {
    authorize(request, 'item.read', { kind: 'system' });
    const item = await visibleItem(request, request.params.code);
    const row = await app.store.knex('definition_versions').where({ key: item.code, version: request.params.v }).first('source_xml');
    if (!row) throw notFound(`version ${request.params.v} of item '${item.code}'`);
    return reply.type('application/xml; charset=utf-8').send(String(row.source_xml));
  });

  for (const enabled of [false, true]) {
    app.post<{ Params: ItemParams }>(`/api/items/:code/${enabled ? 'enable' : 'disable'}`, {
      schema: {
        tags: ['items'], summary: enabled ? 'Enable an item: new cases may start again' : 'Disable an item: no new case; running cases go on',
        params: itemParams, response: { 200: ItemRowSchema, ...errors(401, 403, 404) },
      },
    }, async (request) => {
      requireUser(request);
      const found = await items().find(request.params.code);
      if (!found) throw notFound(`item '${request.params.code}'`);
      const user = authorize(request, 'item.deploy', { kind: 'item', department: found.department });
      await app.audit.transaction(async (trx) => {
        await new KnexItemRepository(trx).setEnabled(found.code, enabled, new Date().toISOString());
        return { result: undefined, audit: { actorId: user.id, action: enabled ? 'item.enabled' : 'item.disabled', target: found.code } };
      });
      const item = (await items().find(found.code))!;
      const answer: ItemRowView = { ...item, versions: (await items().versions(item.code)).map((v) => v.version) };
      return answer;
    });
  }
};
