/**
 * `Idempotency-Key` on every mutating route, designed once for all of them: a request sent again with the
 * same key gets the first answer (status and body) and changes nothing; the same key with another body is
 * refused (422 `IDEMPOTENCY_KEY_REUSED`). A key is scoped to the caller, the route and the resource (the
 * path parameters): the same key on task B is a different request than on task A. Only authenticated
 * requests are remembered, so one anonymous caller can never be answered with another's result.
 *
 * The handler of each POST/PUT/PATCH/DELETE route is wrapped when it is registered: the key is reserved
 * before the handler runs, bound to the command's own transaction by the audit append, and the answer is
 * stored when it is sent (see `server/store/request-keys.ts` for why that never runs a command twice).
 * A 5xx, a 409 or a 429 that committed nothing releases the key, so the client's retry runs afresh.
 */
import { createHash } from 'node:crypto';
import type { FastifyInstance, FastifyReply, FastifyRequest, RouteHandlerMethod } from 'fastify';
import { canonicalJson } from '../audit/audit-chain.js';
import { holdingKey, RequestKeys, type HeldKey } from '../store/request-keys.js';
import { ApiError } from './errors.js';
import '../plugins/types.js';

const MUTATING = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

/** Visible ASCII, as a UUID or any client-made token is. */
const KEY_PATTERN = /^[\x21-\x7e]{8,200}$/;

/** Answers that say "try again" and are not remembered unless the request's command committed. */
const RETRYABLE = new Set([409, 429]);

const sha256 = (text: string) => createHash('sha256').update(text).digest('hex');

/** Installs the mechanism on `app`, for the routes registered after it. */
export function installIdempotency(app: FastifyInstance, keys: RequestKeys): void {
  const holding = new WeakMap<FastifyRequest, HeldKey>();

  app.addHook('onRoute', (route) => {
    const methods = [route.method].flat().map((m) => String(m).toUpperCase());
    if (!methods.some((m) => MUTATING.has(m))) return;
    const handler = route.handler as RouteHandlerMethod;
    route.handler = async function idempotent(this: FastifyInstance, request: FastifyRequest, reply: FastifyReply) {
      const header = request.headers['idempotency-key'];
      if (header === undefined || !request.user) return handler.call(this, request, reply);
      if (typeof header !== 'string' || !KEY_PATTERN.test(header)) {
        throw new ApiError('VALIDATION_FAILED', 'Expected the Idempotency-Key header once, as 8 to 200 visible ASCII characters', {
          errors: [{ path: '/headers/idempotency-key', message: 'must be 8 to 200 visible ASCII characters', keyword: 'pattern' }],
        });
      }
      const routeName = `${request.method} ${request.routeOptions.url ?? request.url}`;
      const found = await keys.reserve({
        scopeHash: sha256(canonicalJson([request.user.id, routeName, request.params ?? {}])),
        key: header,
        userId: request.user.id,
        route: routeName.slice(0, 256),
        bodyHash: sha256(bodyText(request)),
      });
      switch (found.kind) {
        case 'mismatch':
          throw new ApiError('IDEMPOTENCY_KEY_REUSED', `Expected Idempotency-Key '${header}' to come with the same body as when it was first used on ${routeName}, but the body differs; use a new key for a new request`);
        case 'in-progress':
          throw new ApiError('IDEMPOTENCY_KEY_IN_PROGRESS', `Expected the first request with Idempotency-Key '${header}' to have finished, but it is still running; ask again in a moment`);
        case 'answer-lost':
          throw new ApiError('IDEMPOTENCY_ANSWER_LOST', `The request with Idempotency-Key '${header}' was carried out, but its answer was lost; read the resource to see its result`);
        case 'replay':
          reply.code(found.status).header('idempotent-replayed', 'true');
          if (found.contentType) reply.type(found.contentType);
          return reply.send(found.response);
        case 'reserved':
          holding.set(request, found.held);
          return holdingKey(found.held, () => handler.call(this, request, reply));
      }
    };
  });

  app.addHook('onSend', async (request, reply, payload) => {
    const held = holding.get(request);
    if (!held) return payload;
    holding.delete(request);
    const status = reply.statusCode;
    const response = typeof payload === 'string' ? payload : Buffer.isBuffer(payload) ? payload.toString('utf8') : undefined;
    try {
      const retryable = status >= 500 || RETRYABLE.has(status) || response === undefined;
      // A released key is free again; one whose command committed keeps whatever it answered.
      if (retryable && (await keys.release(held))) return payload;
      const type = reply.getHeader('content-type');
      await keys.answer(held, { status, contentType: typeof type === 'string' ? type : undefined, response: response ?? '' });
    } catch (error) {
      // The answer goes out regardless; a replay then says the answer was lost rather than running twice.
      request.log.error({ err: error }, 'could not store the answer of an idempotent request');
    }
    return payload;
  });
}

/**
 * What the body hash covers: the parsed body. A multipart upload is read later, by the handler, so only its
 * media type (without the boundary, which every client draws afresh) and its length are compared.
 */
function bodyText(request: FastifyRequest): string {
  if (request.body !== undefined) return canonicalJson(request.body);
  const mediaType = (request.headers['content-type'] ?? '').split(';')[0]!.trim().toLowerCase();
  return canonicalJson({ mediaType, length: request.headers['content-length'] ?? null });
}
