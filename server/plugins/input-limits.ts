/**
 * The HTTP boundary, one mechanism for every route:
 *
 * - a JSON parser in place of fastify's (which it still uses, so `__proto__` poisoning stays refused) that
 *   refuses bodies nested deeper than `config.jsonDepth` and keys or strings with NUL or a lone surrogate;
 * - a `preValidation` hook refusing the same characters in path parameters, query strings and headers;
 * - an `onRequest` guard on every `/api/` route that the OpenAPI document does not mark public
 *   (`security: []`): an anonymous call answers 401 before its body is even parsed, so a caller without a
 *   token learns nothing about what the route would accept.
 *
 * Every refusal is a 400 `VALIDATION_FAILED` whose `details.errors` names the field, like a schema error.
 */
import type { FastifyRequest, onRequestHookHandler } from 'fastify';
import { ApiError } from '../http/errors.js';
import { requireUser } from '../http/guard.js';
import { inputRefused, jsonProblem, partProblem } from '../http/input-limits.js';
import { sharedPlugin } from './plugin.js';
import './types.js';

/** True when the route's schema declares it public (`security: []`, as its OpenAPI entry shows). */
function isPublic(schema: unknown): boolean {
  const security = (schema as { security?: unknown } | undefined)?.security;
  return Array.isArray(security) && security.length === 0;
}

/** What a session whose password was reset by an admin may still do: see who it is, change it, log out. */
const WHILE_PASSWORD_RESET = new Set(['/api/auth/me', '/api/auth/password', '/api/auth/logout']);

const authenticate: onRequestHookHandler = async (request: FastifyRequest) => {
  const user = requireUser(request);
  if ((user as { mustChangePassword?: boolean }).mustChangePassword && !WHILE_PASSWORD_RESET.has(request.routeOptions.url ?? '')) {
    throw new ApiError('PASSWORD_CHANGE_REQUIRED', 'Expected a password of your own, but the current one was set by an administrator; change it with POST /api/auth/password first');
  }
};

/** Installs the parser, the text check and the authentication guard (register before the routes). */
export const inputLimitsPlugin = sharedPlugin('shenpi-input-limits', async (app) => {
  const maxDepth = app.config.jsonDepth;
  const parse = app.getDefaultJsonParser('error', 'error');
  app.removeContentTypeParser('application/json');
  app.addContentTypeParser('application/json', { parseAs: 'string' }, (request, body, done) => {
    parse(request, String(body), (error, value) => {
      if (error) return done(error, undefined);
      const problem = jsonProblem(value, maxDepth);
      return problem ? done(inputRefused(problem), undefined) : done(null, value);
    });
  });

  app.addHook('preValidation', async (request) => {
    const problem = partProblem('params', request.params) ?? partProblem('querystring', request.query) ?? partProblem('headers', request.headers);
    if (problem) throw inputRefused(problem);
  });

  app.addHook('onRoute', (route) => {
    if (!route.url.startsWith('/api/') || isPublic(route.schema)) return;
    const own = route.onRequest;
    route.onRequest = own === undefined ? [authenticate] : [...(Array.isArray(own) ? own : [own]), authenticate];
  });
});
