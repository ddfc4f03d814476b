/**
 * Authentication and permission checks for route handlers: plain functions over the request, so the rule
 * itself stays in the pure policy (`server/identity/permissions.ts`) and a route reads top to bottom.
 */
import type { FastifyRequest } from 'fastify';
import type { Actor } from '../../engine/core/types.js';
import { can, type Action, type Resource } from '../identity/permissions.js';
import type { AuthUser } from '../identity/roles.js';
import { ApiError } from './errors.js';
import '../plugins/types.js';

/** The calling user; 401 when nobody or a bad token is calling. */
export function requireUser(request: FastifyRequest): AuthUser {
  if (request.user) return request.user;
  if (request.authProblem) {
    throw new ApiError('TOKEN_INVALID', `Expected a valid bearer token, but the one sent is ${request.authProblem}; log in again`);
  }
  throw new ApiError('UNAUTHENTICATED', 'Expected a bearer token from POST /api/auth/login, but none was sent');
}

/** The calling user, when the policy lets them do `action` on `resource`; 401 or 403 otherwise. */
export function authorize(request: FastifyRequest, action: Action, resource: Resource): AuthUser {
  const user = requireUser(request);
  const decision = can(user, action, resource);
  if (!decision.allowed) throw new ApiError(decision.code ?? 'FORBIDDEN', decision.reason, { action, ...decision.details });
  return user;
}

/** The actor recorded on engine commands: always the authenticated user, never a name from the body. */
export function actorOf(user: AuthUser): Actor {
  return { id: user.id, name: user.name, ...(user.department ? { department: user.department } : {}), roles: [...user.roles] };
}
