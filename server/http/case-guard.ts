/**
 * Loading an approval case for a route: 404 when it does not exist or the caller may not even read it (case
 * numbers must not be probeable), 403 when they may read it but not do `action`. And turning a case
 * service result into the response body, or into the catalogue error of its refusal.
 */
import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { Actor } from '../../engine/core/types.js';
import type { ServiceResult } from '../cases/service-types.js';
import { audited } from '../audit/audit-scope.js';
import { can, type Action } from '../identity/permissions.js';
import { hasRole, type AuthUser } from '../identity/roles.js';
import { centreScope } from '../organisation/scope.js';
import { caseFacts, caseResource, type CaseFacts } from '../queries/cases.js';
import { fromRefusal, notFound } from './errors.js';
import { authorize, requireUser } from './guard.js';
import '../plugins/types.js';

/**
 * The departments a reform-office or supervision account placed at a county or township centre reads
 * (分级监管: its region's and those below); undefined for everyone else — the city centre, an account placed
 * nowhere, and department members, whom the permission policy keeps to their own department.
 */
export async function levelScope(app: FastifyInstance, user: AuthUser): Promise<string[] | undefined> {
  const centre = hasRole(user, 'reform-office-admin') || hasRole(user, 'auditor');
  if (!centre || user.region === undefined) return undefined;
  const scope = centreScope(await app.identity.org.list(), user.region, {});
  return Array.isArray(scope) ? scope : undefined;
}

/**
 * Whether `user` may read the case of `facts`: the permission policy, and for a reform-office or supervision
 * account placed at a county or township centre the level's scope (分级监管) as the case list applies it: a
 * case none of whose departments lies in the centre's region or below is not theirs to open. The city
 * centre, and an account placed nowhere, read every case; a department member keeps their own cases.
 */
export async function mayReadCase(app: FastifyInstance, user: AuthUser, facts: CaseFacts): Promise<boolean> {
  if (!can(user, 'case.read', caseResource(facts)).allowed) return false;
  if (user.department !== undefined && facts.departments.includes(user.department)) return true;
  if ([facts.applicant, facts.agent].includes(user.id)) return true;
  const scope = await levelScope(app, user);
  return scope === undefined || facts.departments.some((d) => scope.includes(d));
}

/** The caller and the case, when the caller may read it and, if given, do `action` on it. */
export async function caseFor(app: FastifyInstance, request: FastifyRequest, caseNo: string, action?: Action): Promise<{ user: AuthUser; facts: CaseFacts }> {
  const user = requireUser(request);
  const facts = await caseFacts(app.store.knex, caseNo);
  // Outside the reader's level is answered as absent too: a county must not learn which city cases exist.
  if (!facts?.approval || !(await mayReadCase(app, user, facts))) throw notFound(`case '${caseNo}'`);
  if (action) authorize(request, action, caseResource(facts));
  return { user, facts };
}

/** The actor of a case command; with the user's step roles (agency-head …), which an extension's approver needs. */
export function caseActor(user: AuthUser): Actor {
  return { id: user.id, name: user.name, ...(user.department ? { department: user.department } : {}), roles: [...new Set([...user.roles, ...user.groups])] };
}

/** The body of an accepted case command (extras such as `fees` kept, the document as its URL); throws a refusal. */
export function servedOrThrow(result: ServiceResult<object>, document?: string): Record<string, unknown> {
  if (!result.ok) throw fromRefusal(result.refusal);
  const { ok: _ok, events, document: _html, ...rest } = result as typeof result & { document?: string };
  return {
    ...rest,
    events: events.map((e) => ({ seq: e.seq, type: e.type })),
    ...(document ? { document: `/api/cases/${encodeURIComponent(result.caseNo)}/documents/${document}` } : {}),
  };
}

/**
 * Runs `work` (one case command through the case service) with its audit entry: the store writes the entry
 * in the command's own transaction (server/audit/audit-scope.ts), so a refused command has none and a
 * committed one always has one. Without `caseNo` (an application, whose number the service draws) the entry
 * names the case the command created.
 */
export function auditedCase<T>(user: AuthUser, action: string, caseNo: string | undefined, details: Record<string, unknown>, work: () => Promise<T>): Promise<T> {
  return audited({ actorId: user.id, action, ...(caseNo !== undefined ? { target: caseNo, caseNo } : {}), details }, work);
}

/** A POST without any body (no content type) means "no fields"; any body that was sent is validated as sent. */
export async function emptyBodyAsObject(request: FastifyRequest): Promise<void> {
  if (request.body === undefined && request.headers['content-type'] === undefined) request.body = {};
}
