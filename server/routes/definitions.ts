/**
 * Deploying plain BPMN definitions: raw XML (`application/xml`, `text/xml`, `application/bpmn+xml`, options
 * in the query) or JSON (`{ xml, key, version, department, processId }`). A refused file answers 422 with
 * every finding and its element id, and nothing is stored; the deployment and the key's owning department
 * are written in one transaction. A version's source is read back as XML.
 */
import { Type } from '@sinclair/typebox';
import {
  DefinitionDeployBodySchema, DefinitionDeployedSchema, DefinitionDeployOptionsSchema, DefinitionListQuerySchema, DefinitionRowSchema, DefinitionVersionParamsSchema,
  type DefinitionDeployBody, type DefinitionDeployed, type DefinitionDeployOptions, type DefinitionListQuery, type DefinitionRowView, type DefinitionVersionParams,
} from '../../contracts/api/definitions.js';
import type { FastifyPluginAsync } from 'fastify';
import { loadDefinition } from '../../definitions/load-definition.js';
import { decodeXml } from '../../definitions/parse/encoding.js';
import { ApiError, definitionRefused, notFound } from '../http/errors.js';
import { authorize, requireUser } from '../http/guard.js';
import { errors } from '../http/schemas.js';
import { deployOwned, listOwned, ownerOf, sourceOf } from '../queries/definitions.js';
import { reservationOf } from '../cases/item-reservations.js';
import { deployBoundary, foreignSteps, soleStepDepartment } from '../identity/deploy-boundary.js';
import { orgReferenceFindings, unknownUserFindings, unlistedDepartmentFindings } from '../organisation/deploy-check.js';
import { accountsInUse } from '../http/item-deploys.js';
import { negotiateLanguage } from '../../contracts/messages/index.js';
import { definitionDeployers, notesOf, recordNote } from '../queries/version-notes.js';
import '../plugins/types.js';

const XML_TYPES = ['application/xml', 'text/xml', 'application/bpmn+xml'];

/** `POST /api/definitions`, `GET /api/definitions`, `GET /api/definitions/:key/versions/:v/bpmn`. */
export const definitionRoutes: FastifyPluginAsync = async (app) => {
  // Raw BPMN arrives as bytes so that `loadDefinition` honours the encoding the file declares.
  app.addContentTypeParser(XML_TYPES, { parseAs: 'buffer', bodyLimit: app.config.uploadLimit }, (_request, body, done) => done(null, body));

  app.post<{ Body: Buffer | (DefinitionDeployBody); Querystring: DefinitionDeployOptions }>('/api/definitions', {
    bodyLimit: app.config.uploadLimit,
    // Per-media-type body schemas validate only the listed types; every other type is refused here.
    preValidation: async (request) => {
      const type = (request.headers['content-type'] ?? '').split(';')[0]!.trim().toLowerCase();
      if (type !== 'application/json' && !XML_TYPES.includes(type)) {
        throw new ApiError('UNSUPPORTED_MEDIA_TYPE', `Expected a BPMN file as ${XML_TYPES.join(', ')} or JSON, but the body is '${type || 'missing'}'`);
      }
    },
    schema: {
      tags: ['definitions'],
      summary: 'Deploy a BPMN 2.0 definition (refused with findings naming element ids)',
      querystring: DefinitionDeployOptionsSchema,
      body: {
        content: {
          'application/json': {
            schema: DefinitionDeployBodySchema,
          },
          ...Object.fromEntries(XML_TYPES.map((t) => [t, { schema: { description: 'The BPMN 2.0 XML file' } }])),
        },
      },
      response: { 201: DefinitionDeployedSchema, ...errors(400, 401, 403, 409, 413, 415, 422) },
    },
  }, async (request, reply) => {
    const user = requireUser(request);
    const raw = Buffer.isBuffer(request.body);
    const { xml, ...fromBody } = raw ? { xml: request.body as Buffer } : (request.body as DefinitionDeployBody);
    const opts: DefinitionDeployOptions = raw ? request.query : { ...request.query, ...fromBody };
    if (raw && (xml as Buffer).length === 0) throw new ApiError('VALIDATION_FAILED', 'Expected a BPMN file in the body, but it is empty', { errors: [{ path: '/body', message: 'is empty', keyword: 'minLength' }] });
    const named = opts.department ?? user.department;
    // Asked before parsing, so somebody who may not deploy learns nothing about the file.
    authorize(request, 'definition.deploy', { kind: 'definition', department: named });
    const loaded = await loadDefinition(xml, { ...(opts.key ? { key: opts.key } : {}), ...(opts.processId ? { processId: opts.processId } : {}) });
    if (!loaded.ok) throw definitionRefused(loaded.findings);
    const key = loaded.definition.key;
    // The reform office has no department of its own: a new version keeps the key's owner, and a diagram whose
    // steps all name one department is implemented by it; otherwise the caller must say which.
    const department = named ?? (await ownerOf(app.store.knex, key)) ?? soleStepDepartment(loaded.definition);
    if (department === undefined) {
      const departments = [...new Set(foreignSteps(loaded.definition, '').map((s) => s.department))].sort();
      throw new ApiError('DEPARTMENT_REQUIRED', `Expected the implementing department of '${key}' (field department), since its steps name ${departments.length ? departments.join(', ') : 'no department'}`, { key, departments, named: departments.join('、') });
    }
    const boundary = deployBoundary(user, loaded.definition, department);
    if (boundary) throw new ApiError(boundary.code, boundary.message, boundary.details);
    // Candidate rules name the organisation: the department and position must exist.
    const org = await app.identity.org.snapshot();
    const unknown = orgReferenceFindings(loaded.definition, org);
    if (unknown.length) throw definitionRefused(unknown);
    // An item code reserved for another department is not squatted by a plain definition of that key.
    const reserved = await reservationOf(app.store.knex, key);
    if (reserved && reserved.department !== department) {
      throw new ApiError('ITEM_CODE_RESERVED_ELSEWHERE', `Key '${key}' is the item code reserved for department '${reserved.department}'; '${department}' may not deploy under it`, { key, department: reserved.department });
    }
    const owner = await ownerOf(app.store.knex, key);
    if (owner !== undefined && owner !== department) {
      throw new ApiError('FORBIDDEN', `Definition '${key}' belongs to department '${owner}'; only it (or the reform office on its behalf) deploys new versions`, { action: 'definition.deploy' });
    }
    const deployed = await app.audit.transaction(async (trx) => {
      const stored = await deployOwned(trx, { loaded: loaded.definition, version: opts.version, department, sourceXml: sourceText(xml), at: new Date().toISOString() });
      if (opts.note) await recordNote(trx, { kind: 'definition', key: stored.key, version: stored.version, note: opts.note });
      return { result: { ...stored, ...(opts.note ? { note: opts.note } : {}) }, audit: { actorId: user.id, action: 'definition.deployed', target: `${stored.key}@${stored.version}`, details: { department, processId: stored.processId, ...(opts.note ? { note: opts.note } : {}) } } };
    });
    const language = negotiateLanguage(request.headers['accept-language']);
    const told = [...unlistedDepartmentFindings(loaded.definition, org, language), ...unknownUserFindings(loaded.definition, await accountsInUse(app), language)];
    const answer: DefinitionDeployed = { ...deployed, department, warnings: [...loaded.warnings, ...told] };
    return reply.status(201).send(answer);
  });

  app.get<{ Querystring: DefinitionListQuery }>('/api/definitions', {
    schema: {
      tags: ['definitions'],
      summary: 'Deployed definition versions with their departments',
      querystring: DefinitionListQuerySchema,
      response: { 200: Type.Array(DefinitionRowSchema), ...errors(400, 401, 403) },
    },
  }, async (request) => {
    authorize(request, 'definition.list', { kind: 'system' });
    const notes = await notesOf(app.store.knex, 'definition', request.query.key);
    const listed = await listOwned(app.store.knex, request.query.key);
    const deployers = await definitionDeployers(app.store.knex, listed.map((d) => `${d.key}@${d.version}`));
    return listed.map((d): DefinitionRowView => {
      const note = notes.get(`${d.key}@${d.version}`);
      const by = deployers.get(`${d.key}@${d.version}`);
      return { ...d, ...(note ? { note } : {}), ...(by ? { deployedBy: by } : {}) };
    });
  });

  app.get<{ Params: DefinitionVersionParams }>('/api/definitions/:key/versions/:v/bpmn', {
    schema: {
      tags: ['definitions'], summary: 'The BPMN 2.0 XML a definition version was deployed from (application/xml)',
      params: DefinitionVersionParamsSchema,
      response: { 200: { type: 'string', description: 'application/xml' }, ...errors(400, 401, 403, 404) },
    },
  }, async (request, reply) => {
    authorize(request, 'definition.list', { kind: 'system' });
    const source = await sourceOf(app.store.knex, request.params.key, request.params.v);
    if (source === undefined) throw notFound(`version ${request.params.v} of definition '${request.params.key}'`);
    return reply.type('application/xml; charset=utf-8').send(source);
  });
};

/** The source as text; a raw file was decoded as it declares (it parsed, so decoding succeeds). */
function sourceText(xml: Buffer | string): string {
  if (typeof xml === 'string') return xml;
  const decoded = decodeXml(xml);
  return decoded.ok ? decoded.text : xml.toString('utf8');
}
