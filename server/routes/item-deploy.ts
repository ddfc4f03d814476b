/**
 * Deploying item versions: a whole package (multipart, one file per part named by its path in the folder,
 * or JSON `{ files: { "item.json": "…", "rules/materials.yaml": "…" } }`), or one rule table saved as a new
 * version (YAML body, or JSON `{ yaml }` as the modeler sends it). The package is linted, its rule tables'
 * own tests run, and a refusal is a 422 naming file, element or row; nothing is stored then. Also the public
 * materials check: the facts an applicant states give the materials required, each with its reasons.
 */
import type { FastifyPluginAsync, FastifyRequest } from 'fastify';
import type { ItemPackageFiles } from '../../definitions/items/index.js';
import { withRuleTable } from '../cases/item-deployment.js';
import { patchedPaths, withListingPatch } from '../cases/listing-patch.js';
import { explainMaterials } from '../cases/item-rules.js';
import { checkFacts } from '../cases/facts.js';
import { MaterialsCheckBodySchema, MaterialsCheckSchema, type MaterialsCheck } from '../../contracts/api/materials.js';
import {
  ItemDeployedSchema, ItemListingPatchSchema, ItemListingPatchedSchema, ItemPackageBodySchema, ItemRuleTableBodySchema, ItemRuleTableParamsSchema,
  type ItemListingPatched, type ItemPackageBody, type ItemParams, type ItemRuleTableBody, type ItemRuleTableParams,
} from '../../contracts/api/items.js';
import { itemParams } from '../http/case-schemas.js';
import { ApiError, notFound } from '../http/errors.js';
import { authorize, requireUser } from '../http/guard.js';
import { deployItemFiles } from '../http/item-deploys.js';
import { isMultipart, readMultipart } from '../http/multipart.js';
import { errors } from '../http/schemas.js';
import { VERSION_NOTE_MAX_LENGTH } from '../../contracts/api/definitions.js';
import '../plugins/types.js';

const YAML_TYPES = ['application/yaml', 'application/x-yaml', 'text/yaml', 'text/x-yaml'];
const PACKAGE_PATH = /(^|\/)(item\.json|process\.bpmn|rules\/[^/]+)$/;

/** The path of an uploaded part inside the package: from its field name or file name, without a leading folder. */
function packagePath(field: string, filename: string): string | undefined {
  for (const candidate of [filename, field]) {
    const m = PACKAGE_PATH.exec(candidate.replace(/\\/g, '/'));
    if (m && !candidate.includes('..')) return m[2];
  }
  return undefined;
}

/** The change note of a multipart package: its `note` field, checked as the JSON body's is. */
function changeNote(value: string | undefined): string | undefined {
  if (value === undefined || value === '') return undefined;
  if (value.length > VERSION_NOTE_MAX_LENGTH) throw new ApiError('VALIDATION_FAILED', `Expected the change note (field note) in at most ${VERSION_NOTE_MAX_LENGTH} characters, but it has ${value.length}`, { errors: [{ path: '/note', message: `must NOT have more than ${VERSION_NOTE_MAX_LENGTH} characters`, keyword: 'maxLength' }] });
  return value;
}

/** `POST /api/items/:code/versions`, `PUT /api/items/:code/rules/:tableId`, `PATCH /api/items/:code/listing`, `POST /api/items/:code/materials/check`. */
export const itemDeployRoutes: FastifyPluginAsync = async (app) => {
  app.addContentTypeParser(YAML_TYPES, { parseAs: 'string', bodyLimit: app.config.uploadLimit }, (_request, body, done) => done(null, body));

  const deploy = (request: FastifyRequest, code: string, files: ItemPackageFiles, tableId?: string, note?: string) => deployItemFiles(app, request, code, files, tableId, note);

  app.post<{ Params: ItemParams; Body: ItemPackageBody | undefined }>('/api/items/:code/versions', {
    bodyLimit: app.config.uploadLimit,
    preValidation: async (request) => {
      const type = (request.headers['content-type'] ?? '').split(';')[0]!.trim().toLowerCase();
      if (type !== 'application/json' && type !== 'multipart/form-data') throw new ApiError('UNSUPPORTED_MEDIA_TYPE', `Expected the package as multipart/form-data or JSON, but the body is '${type || 'missing'}'`);
    },
    schema: {
      tags: ['items'], summary: 'Deploy an item package as the next version (refused with findings naming file, element and row)', params: itemParams,
      body: {
        content: {
          'application/json': { schema: ItemPackageBodySchema },
          'multipart/form-data': { schema: { description: 'one file part per package file, named by its path (item.json, process.bpmn, rules/materials.yaml …), and an optional field `note`: the change note' } },
        },
      },
      response: { 201: ItemDeployedSchema, ...errors(400, 401, 403, 409, 413, 415, 422) },
    },
  }, async (request, reply) => {
    let files: Record<string, string | Uint8Array>;
    let note: string | undefined;
    if (isMultipart(request)) {
      requireUser(request);
      files = {};
      const form = await readMultipart(request);
      note = changeNote(form.fields.note);
      for (const part of form.files) {
        const name = packagePath(part.field, part.filename);
        if (!name) throw new ApiError('BAD_REQUEST', `Expected package files (item.json, process.bpmn, rules/*), but got '${part.filename || part.field}'`);
        files[name] = part.bytes;
      }
    } else {
      files = Object.fromEntries(Object.entries(request.body!.files).filter(([name]) => packagePath(name, name) !== undefined).map(([name, text]) => [packagePath(name, name)!, text]));
      note = request.body!.note;
    }
    return reply.status(201).send(await deploy(request, request.params.code, files, undefined, note));
  });

  app.put<{ Params: ItemRuleTableParams; Body: string | ItemRuleTableBody }>('/api/items/:code/rules/:tableId', {
    bodyLimit: app.config.uploadLimit,
    schema: {
      tags: ['items'], summary: 'Save one rule table as a new item version (its lint and tests must pass)',
      params: ItemRuleTableParamsSchema,
      body: {
        content: {
          'application/json': { schema: ItemRuleTableBodySchema },
          ...Object.fromEntries(YAML_TYPES.map((t) => [t, { schema: { type: 'string', minLength: 1, description: 'the rule table (YAML)' } }])),
        },
      },
      response: { 201: ItemDeployedSchema, ...errors(400, 401, 403, 404, 413, 415, 422) },
    },
  }, async (request, reply) => {
    const { code, tableId } = request.params;
    requireUser(request);
    // Items are public, so an unknown one is a 404 for everybody (the modeler reads 404 as "no such route").
    const known = await app.cases.items.find(code);
    if (!known) throw notFound(`item '${code}'`);
    authorize(request, 'item.deploy', { kind: 'item', department: known.department });
    const current = await app.cases.items.get(code, known.latestVersion);
    const yaml = typeof request.body === 'string' ? request.body : request.body.yaml;
    const files = current && withRuleTable(current, tableId, yaml);
    if (!files) throw notFound(`rule table '${tableId}' in item '${code}'`);
    return reply.status(201).send(await deploy(request, code, files, tableId, typeof request.body === 'string' ? undefined : request.body.note));
  });

  app.addContentTypeParser('application/merge-patch+json', { parseAs: 'string' }, (_request, body, done) => {
    try {
      done(null, JSON.parse(String(body)));
    } catch (error) {
      done(new ApiError('MALFORMED_JSON', `Expected a JSON merge patch, but the body is not JSON: ${(error as Error).message}`), undefined);
    }
  });

  app.patch<{ Params: ItemParams; Body: Record<string, never> }>('/api/items/:code/listing', {
    schema: {
      tags: ['items'],
      summary: 'Change item.json fields (a JSON Merge Patch, RFC 7396: null removes a field) as the next version, with the stored process and rule tables; open cases keep theirs',
      params: itemParams,
      body: ItemListingPatchSchema,
      response: { 201: ItemListingPatchedSchema, ...errors(400, 401, 403, 404, 409, 415, 422) },
    },
  }, async (request, reply) => {
    const { code } = request.params;
    requireUser(request);
    const known = await app.cases.items.find(code);
    if (!known) throw notFound(`item '${code}'`);
    authorize(request, 'item.deploy', { kind: 'item', department: known.department });
    const current = await app.cases.items.get(code, known.latestVersion);
    if (!current) throw notFound(`item '${code}' version ${known.latestVersion}`);
    // A changed code or implementing body is refused by the deploy's own findings (code-mismatch, department-changed).
    const deployed = await deploy(request, code, withListingPatch(current, request.body), undefined, `item.json: ${patchedPaths(request.body).join(', ')}`.slice(0, VERSION_NOTE_MAX_LENGTH));
    request.log.info({ item: code, version: deployed.version, fields: patchedPaths(request.body) }, 'item listing patched');
    const patched: ItemListingPatched = { ...deployed, changed: patchedPaths(request.body) };
    return reply.status(201).send(patched);
  });

  app.post<{ Params: ItemParams; Body: { facts: Record<string, never> } }>('/api/items/:code/materials/check', {
    schema: {
      tags: ['items'], summary: 'The materials an applicant must provide for the stated facts, with the rule rows and legal basis', security: [], params: itemParams,
      body: MaterialsCheckBodySchema,
      response: { 200: MaterialsCheckSchema, ...errors(400, 404, 422) },
    },
  }, async (request) => {
    const item = await app.cases.items.current(request.params.code);
    if (!item) throw notFound(`item '${request.params.code}'`);
    const problems = checkFacts(item.listing.facts, request.body.facts);
    if (problems.length) throw new ApiError('FACTS_INVALID', problems.map((p) => p.message).join('; '), { problems: problems.map((p) => ({ ...p })) });
    const answer: MaterialsCheck = { code: item.code, version: item.version, materials: await explainMaterials(item, request.body.facts) };
    return answer;
  });
};
