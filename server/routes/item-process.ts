/**
 * Saving an item's process as a new item version, as the modeler does: the BPMN arrives raw
 * (`application/xml`, `text/xml`, `application/bpmn+xml`, decoded as the file declares) or as JSON `{ xml }`,
 * and replaces `process.bpmn` of the current version; the listing and the rule tables are kept. The package
 * must still load (process, listing and rule tables checked together); a refusal is a 422 whose findings name
 * the elements, and nothing is stored then.
 */
import { ItemDeployedSchema, ItemProcessBodySchema, ItemProcessQuerySchema, type ItemParams, type ItemProcessBody, type ItemProcessQuery } from '../../contracts/api/items.js';
import type { FastifyPluginAsync } from 'fastify';
import { decodeXml } from '../../definitions/parse/encoding.js';
import { withProcess } from '../cases/item-deployment.js';
import { itemParams } from '../http/case-schemas.js';
import { ApiError, notFound } from '../http/errors.js';
import { authorize, requireUser } from '../http/guard.js';
import { deployItemFiles, itemRefused } from '../http/item-deploys.js';
import { errors } from '../http/schemas.js';
import '../plugins/types.js';

const XML_TYPES = ['application/xml', 'text/xml', 'application/bpmn+xml'];

/** The body as text: JSON's string as it is, raw bytes decoded as their XML declaration says. */
function processText(body: Buffer | { xml: string; note?: string }): string {
  if (!Buffer.isBuffer(body)) return body.xml;
  if (body.length === 0) throw new ApiError('VALIDATION_FAILED', 'Expected a BPMN file in the body, but it is empty', { errors: [{ path: '/body', message: 'is empty', keyword: 'minLength' }] });
  const decoded = decodeXml(body);
  if (!decoded.ok) throw itemRefused([{ severity: 'error', code: 'encoding', file: 'process.bpmn', message: decoded.message }]);
  return decoded.text;
}

/** `PUT /api/items/:code/process`. */
export const itemProcessRoutes: FastifyPluginAsync = async (app) => {
  // Raw BPMN arrives as bytes so that its declared encoding is honoured.
  app.addContentTypeParser(XML_TYPES, { parseAs: 'buffer', bodyLimit: app.config.uploadLimit }, (_request, body, done) => done(null, body));

  app.put<{ Params: ItemParams; Body: Buffer | ItemProcessBody; Querystring: ItemProcessQuery }>('/api/items/:code/process', {
    bodyLimit: app.config.uploadLimit,
    // Per-media-type body schemas validate only the listed types; every other type is refused here.
    preValidation: async (request) => {
      const type = (request.headers['content-type'] ?? '').split(';')[0]!.trim().toLowerCase();
      if (type !== 'application/json' && !XML_TYPES.includes(type)) {
        throw new ApiError('UNSUPPORTED_MEDIA_TYPE', `Expected the process as ${XML_TYPES.join(', ')} or JSON, but the body is '${type || 'missing'}'`);
      }
    },
    schema: {
      tags: ['items'],
      summary: "Save an item's process as a new item version, keeping its listing and rule tables (refused with findings naming element ids)",
      params: itemParams,
      querystring: ItemProcessQuerySchema,
      body: {
        content: {
          'application/json': { schema: ItemProcessBodySchema },
          ...Object.fromEntries(XML_TYPES.map((t) => [t, { schema: { description: 'the BPMN 2.0 XML of the process' } }])),
        },
      },
      response: { 201: ItemDeployedSchema, ...errors(400, 401, 403, 404, 413, 415, 422) },
    },
  }, async (request, reply) => {
    const { code } = request.params;
    requireUser(request);
    // Items are public, so an unknown one is a 404 for everybody, before any permission question.
    const known = await app.cases.items.find(code);
    if (!known) throw notFound(`item '${code}'`);
    authorize(request, 'item.deploy', { kind: 'item', department: known.department });
    const current = await app.cases.items.get(code, known.latestVersion);
    if (!current) throw notFound(`version ${known.latestVersion} of item '${code}'`);
    const files = withProcess(current, processText(request.body));
    const note = Buffer.isBuffer(request.body) ? request.query.note : request.body.note ?? request.query.note;
    return reply.status(201).send(await deployItemFiles(app, request, code, files, undefined, note));
  });
};
