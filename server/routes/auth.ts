/**
 * Login, logout and "who am I". Login is rate limited per client address: scrypt makes each guess slow,
 * the limit makes guessing at scale impossible.
 */
import type { FastifyPluginAsync } from 'fastify';
import { ApiError } from '../http/errors.js';
import { requireUser } from '../http/guard.js';
import { errors, userSchema } from '../http/schemas.js';
import '../plugins/types.js';

const loginBody = {
  type: 'object',
  required: ['username', 'password'],
  additionalProperties: false,
  properties: { username: { type: 'string', minLength: 1, maxLength: 64 }, password: { type: 'string', minLength: 1, maxLength: 256 } },
} as const;

const session = {
  type: 'object',
  required: ['token', 'expiresAt', 'user'],
  properties: { token: { type: 'string' }, expiresAt: { type: 'string' }, user: userSchema },
} as const;

/** `POST /api/auth/login`, `POST /api/auth/logout`, `GET /api/auth/me`. */
export const authRoutes: FastifyPluginAsync = async (app) => {
  app.post<{ Body: { username: string; password: string } }>('/api/auth/login', {
    config: { rateLimit: { max: app.config.loginRateLimit, timeWindow: 60_000 } },
    schema: { tags: ['auth'], summary: 'Log in with a user id and password; returns a bearer token', security: [], body: loginBody, response: { 200: session, ...errors(400, 401, 429) } },
  }, async (request) => {
    const { username, password } = request.body;
    const user = await app.identity.users.authenticate(username, password);
    if (!user) {
      await app.audit.append({ actorId: username, action: 'auth.login-refused', target: username, details: { ip: request.ip } });
      throw new ApiError('UNAUTHENTICATED', 'Expected a known user id and its password, but they do not match');
    }
    const issued = await app.identity.sessions.issue(user.id);
    await app.audit.append({ actorId: user.id, action: 'auth.logged-in', target: user.id, details: { ip: request.ip, expiresAt: issued.expiresAt } });
    return { ...issued, user };
  });

  app.post('/api/auth/logout', {
    schema: { tags: ['auth'], summary: 'Revoke the token used for this request', response: { 204: { type: 'null' }, ...errors(401) } },
  }, async (request, reply) => {
    const user = requireUser(request);
    const token = request.headers.authorization!.slice('Bearer '.length);
    await app.identity.sessions.revoke(token);
    await app.audit.append({ actorId: user.id, action: 'auth.logged-out', target: user.id });
    return reply.status(204).send();
  });

  app.get('/api/auth/me', {
    schema: { tags: ['auth'], summary: 'The authenticated user', response: { 200: userSchema, ...errors(401) } },
  }, async (request) => requireUser(request));
};
