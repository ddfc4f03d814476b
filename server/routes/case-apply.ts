/**
 * `POST /api/cases`: an application (申报). JSON, or multipart with the application as the JSON field
 * `application` and one file part per material (field name = material id). Online, the caller is the
 * applicant, named by the account's real-name record; as an agent (代理人) the caller applies for the
 * principal identified in the body, with the power of attorney; at a window a clerk of the item's
 * department enters it. Nobody applies online in another's name (see `server/cases/applicant-identity.ts`).
 */
import type { FastifyPluginAsync, FastifyRequest } from 'fastify';
import { Ajv } from 'ajv';
import type { Json } from '../../engine/core/types.js';
import type { MaterialInput } from '../cases/service-types.js';
import { applicationIdentities } from '../cases/applicant-identity.js';
import { caseCommandSchema } from '../http/case-schemas.js';
import { auditedCase, caseActor, servedOrThrow } from '../http/case-guard.js';
import { ApiError, notFound } from '../http/errors.js';
import { authorize, requireUser } from '../http/guard.js';
import { inputRefused, jsonProblem } from '../http/input-limits.js';
import { isMultipart, readMultipart } from '../http/multipart.js';
import { errors } from '../http/schemas.js';
import { acceptUpload } from '../http/uploads.js';
import { ApplicationBodySchema, type ApplicationBody } from '../../contracts/api/case-apply.js';
import '../plugins/types.js';

type ApplyBody = ApplicationBody;
const applyBody = ApplicationBodySchema;

// The multipart form's `application` field is checked against the same schema as a JSON body.
const validApplication = new Ajv({ strict: false }).compile<ApplyBody>(applyBody);

/** `POST /api/cases`. */
export const caseApplyRoutes: FastifyPluginAsync = async (app) => {
  async function readApplication(request: FastifyRequest): Promise<{ body: ApplyBody; files: MaterialInput[] }> {
    if (!isMultipart(request)) return { body: request.body as ApplyBody, files: [] };
    requireUser(request);
    const { files, fields } = await readMultipart(request);
    let body: unknown;
    try {
      body = JSON.parse(fields.application ?? '');
    } catch {
      throw new ApiError('VALIDATION_FAILED', 'Expected the application as JSON in the form field `application`', { errors: [{ path: '/body/application', message: 'must be JSON', keyword: 'type' }] });
    }
    // The form field escapes the JSON parser's checks: apply them here (depth, NUL, lone surrogates).
    const problem = jsonProblem(body, app.config.jsonDepth, '/body/application');
    if (problem) throw inputRefused(problem);
    if (!validApplication(body)) {
      const first = validApplication.errors?.[0];
      throw new ApiError('VALIDATION_FAILED', `Expected a valid application, but /body/application${first?.instancePath ?? ''} ${first?.message ?? 'is invalid'}`, { errors: validApplication.errors ?? [] });
    }
    return { body, files: files.map((f) => ({ material: f.field, file: acceptUpload(f) })) };
  }

  app.post('/api/cases', {
    bodyLimit: app.config.uploadLimit,
    schema: {
      tags: ['cases'],
      summary: 'Apply: item, facts, applicant and channel; the case number, required materials and fees come back',
      body: { content: { 'application/json': { schema: applyBody }, 'multipart/form-data': { schema: { description: 'field `application` (the JSON body) and one file part per material id' } } } },
      response: { 201: caseCommandSchema, ...errors(400, 401, 403, 404, 413, 415, 422) },
    },
  }, async (request, reply) => {
    const user = requireUser(request);
    const { body, files } = await readApplication(request);
    const item = await app.cases.items.find(body.itemCode);
    if (!item) throw notFound(`item '${body.itemCode}'`);
    const given = body.applicant ?? {};
    authorize(request, 'case.apply', { kind: 'case', departments: [item.department], lead: item.department, channel: body.channel, ...(given.id ? { onBehalfOf: given.id } : {}) });
    if (body.channel === 'agent' && given.id === user.id) throw new ApiError('BUSINESS_RULE', 'Expected an agent to apply for somebody else, but the applicant is the caller; apply online');
    const current = await app.cases.items.current(body.itemCode);
    const listing = current?.listing;
    // Known but disabled (or with no version on offer): the case service's own refusal, not a 404.
    if (!listing) throw new ApiError('ITEM_NOT_AVAILABLE', `Expected item '${body.itemCode}' to be deployed and enabled, but it is not`);
    // Identities come from real-name records and the channel, never from the form alone.
    const identities = applicationIdentities({
      channel: body.channel, caller: user, facts: body.facts, listing,
      ...(body.applicant ? { applicant: body.applicant } : {}), ...(body.agent ? { agent: body.agent } : {}),
      callerRecord: await app.identity.users.realNameOf(user.id),
      ...(given.id ? { principalRecord: await app.identity.users.realNameOf(given.id) } : {}),
      brought: [...(body.materials ?? []).map((m) => m.material), ...files.map((f) => f.material)],
    });
    if (!identities.ok) throw new ApiError(identities.code, identities.message, identities.details);
    const { applicant, agent } = identities;
    const details = { itemCode: body.itemCode, channel: body.channel, applicant: applicant.id };
    const result = await auditedCase(user, 'case.applied', undefined, details, () => app.cases.service.apply({
      itemCode: body.itemCode, channel: body.channel, applicant, facts: identities.facts as Record<string, Json>,
      ...(agent ? { agent } : {}),
      materials: [...(body.materials ?? []), ...files], actor: caseActor(user), ...(current ? { item: current } : {}),
    }));
    const served = servedOrThrow(result);
    return reply.status(201).send(served);
  });
};
