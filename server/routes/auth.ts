/**
 * Login, logout, "who am I" and changing one's own password. Login is limited twice: per client address
 * (the route's rate limit, before the body is read) and per account, counting attempts from any address
 * (`LoginThrottle`), both in the database so the limits hold across every node, so neither one client guessing many accounts nor many clients guessing one succeed,
 * and an office behind one NAT address is not locked out by one colleague's typos. scrypt makes each guess
 * slow on top.
 */
import { LoginBodySchema, PasswordChangeBodySchema, SessionSchema, type LoginBody, type PasswordChangeBody } from '../../contracts/api/auth.js';
import type { FastifyPluginAsync } from 'fastify';
import { ApiError } from '../http/errors.js';
import { requireStrongPassword } from '../http/password-guard.js';
import { requireUser } from '../http/guard.js';
import { errors, userSchema } from '../http/schemas.js';
import '../plugins/types.js';

/** Credentials are small: a body past this is refused before it is parsed. */
const AUTH_BODY_LIMIT = 4 * 1024;

/** `POST /api/auth/login`, `POST /api/auth/logout`, `GET /api/auth/me`, `POST /api/auth/password`. */
export const authRoutes: FastifyPluginAsync = async (app) => {
  const { users, sessions, throttle } = app.identity;

  function throttled(waitMs: number): ApiError {
    const retryAfter = Math.ceil(waitMs / 1000);
    return new ApiError('RATE_LIMITED', `Expected at most ${app.config.loginAccountLimit} failed logins of one account per window, but there were more; retry in ${retryAfter} s`, { retryAfter });
  }

  /** Counts an attempt on `account` (in the database, for every node); refuses it past the limit. */
  async function countAttempt(account: string): Promise<void> {
    const waitMs = await throttle.attempt(account, Date.now());
    if (waitMs > 0) throw throttled(waitMs);
  }

  app.post<{ Body: LoginBody }>('/api/auth/login', {
    bodyLimit: AUTH_BODY_LIMIT,
    config: { rateLimit: { max: app.config.loginRateLimit, timeWindow: 60_000 } },
    schema: { tags: ['auth'], summary: 'Log in with a user id and password; returns a bearer token', security: [], body: LoginBodySchema, response: { 200: SessionSchema, ...errors(400, 401, 429) } },
  }, async (request) => {
    const { username, password } = request.body;
    await countAttempt(username);
    const user = await users.authenticate(username, password);
    if (!user) {
      // Not a write (the attempt was counted above): the refusal is recorded in a transaction of its own.
      await app.audit.append({ actorId: username, action: 'auth.login-refused', target: username, details: { ip: request.ip } });
      throw new ApiError('UNAUTHENTICATED', 'Expected a known user id and its password, but they do not match');
    }
    // The session, the cleared attempts and the `auth.logged-in` entry commit together: no token is ever
    // issued without its entry.
    const issued = await app.audit.transaction(async (trx) => {
      await throttle.succeed(username, trx);
      const token = await sessions.issue(user.id, trx);
      return { result: token, audit: { actorId: user.id, action: 'auth.logged-in', target: user.id, details: { ip: request.ip, expiresAt: token.expiresAt } } };
    });
    return { ...issued, user };
  });

  app.post('/api/auth/logout', {
    schema: { tags: ['auth'], summary: 'Revoke the token used for this request', response: { 204: { type: 'null' }, ...errors(401) } },
  }, async (request, reply) => {
    const user = requireUser(request);
    const token = request.headers.authorization!.slice('Bearer '.length);
    await app.audit.transaction(async (trx) => {
      await sessions.revoke(token, trx);
      return { result: undefined, audit: { actorId: user.id, action: 'auth.logged-out', target: user.id } };
    });
    return reply.status(204).send();
  });

  app.get('/api/auth/me', {
    schema: { tags: ['auth'], summary: 'The authenticated user', response: { 200: userSchema, ...errors(401) } },
  }, async (request) => requireUser(request));

  app.post<{ Body: PasswordChangeBody }>('/api/auth/password', {
    bodyLimit: AUTH_BODY_LIMIT,
    schema: {
      tags: ['auth'], summary: "Change one's own password (the current one is required); every other session of the account is revoked",
      body: PasswordChangeBodySchema, response: { 204: { type: 'null' }, ...errors(400, 401, 403, 422, 429) },
    },
  }, async (request, reply) => {
    const user = requireUser(request);
    const { currentPassword, newPassword } = request.body;
    // A stolen token must not become a way to guess the password: wrong guesses count as failed logins.
    await countAttempt(user.id);
    if (!(await users.verify(user.id, currentPassword))) {
      await app.audit.append({ actorId: user.id, action: 'auth.password-change-refused', target: user.id, details: { ip: request.ip } });
      throw new ApiError('CURRENT_PASSWORD_WRONG', 'Expected the current password in /body/currentPassword, but it does not match');
    }
    await throttle.succeed(user.id);
    requireStrongPassword(newPassword, user.id, 'newPassword');
    if (newPassword === currentPassword) throw new ApiError('PASSWORD_TOO_WEAK', 'Expected a new password different from the current one (/body/newPassword)', { rule: 'reused', field: '/body/newPassword' });
    const passwordHash = await users.hash(newPassword);
    const token = request.headers.authorization!.slice('Bearer '.length);
    // The new password, the other sessions revoked and the entry commit together.
    await app.audit.transaction(async (trx) => {
      await users.setPassword(user.id, newPassword, new Date().toISOString(), false, { trx, passwordHash });
      const revoked = await sessions.revokeAllOf(user.id, token, trx);
      return { result: undefined, audit: { actorId: user.id, action: 'auth.password-changed', target: user.id, details: { revokedSessions: revoked } } };
    });
    return reply.status(204).send();
  });
};
