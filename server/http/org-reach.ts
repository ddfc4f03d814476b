/**
 * How far a reform office's edits of the organisation reach (分级管理): a county reform office keeps its
 * county and its townships, a township's its own; the city's, and the platform's own `admin`, everything.
 * Each write route names what it changes — a region, a department, a position, a user — and is refused
 * before it touches anything when that lies outside the editor's reach, so a refusal leaves no trace.
 * Reading the accounts follows the same reach (`usersInReach`): a county centre lists the staff it manages.
 */
import type { FastifyInstance } from 'fastify';
import type { AuthUser } from '../identity/roles.js';
import { editableRegions } from '../organisation/scope.js';
import { ApiError } from './errors.js';
import '../plugins/types.js';

/** What an edit changes, to be placed in a region. */
export type OrgTarget =
  | { region: string }
  | { department: string }
  | { position: string }
  | { user: string }
  /** A new top-level region (a city): only an editor at the top reaches it. */
  | { top: true };

/**
 * The region `target` lies in; null when it exists but is placed in no region (an applicant's account, a
 * new city), undefined when it does not exist (the route answers that itself, as not found or unknown).
 */
async function regionOf(app: FastifyInstance, target: OrgTarget): Promise<string | null | undefined> {
  const { org, users } = app.identity;
  if ('top' in target) return null;
  if ('region' in target) return (await org.region(target.region))?.code;
  if ('department' in target) return (await org.department(target.department))?.region;
  if ('position' in target) {
    const position = await org.position(target.position);
    return position ? (await org.department(position.department))?.region ?? null : undefined;
  }
  const user = await users.get(target.user);
  if (!user) return undefined;
  // A department member lies where their department does; a centre account where it is placed.
  const department = user.department !== undefined ? await org.department(user.department) : undefined;
  return department?.region ?? user.region ?? null;
}

function describe(target: OrgTarget): { field: string; value?: string } {
  if ('region' in target) return { field: 'region', value: target.region };
  if ('department' in target) return { field: 'department', value: target.department };
  if ('position' in target) return { field: 'position', value: target.position };
  if ('user' in target) return { field: 'user', value: target.user };
  return { field: 'parent' };
}

/**
 * Throws ORG_OUTSIDE_REGION (403) unless `actor` may change every one of `targets`. An editor at the top
 * passes at once; below it, a target placed nowhere (an applicant's account, a new city) is out of reach;
 * one that does not exist is left to the route, which answers it as not found.
 */
export async function requireOrgReach(app: FastifyInstance, actor: AuthUser, ...targets: OrgTarget[]): Promise<void> {
  if (actor.region === undefined) return;
  const reach = editableRegions(await app.identity.org.list(), actor.region);
  if (reach === undefined) return;
  for (const target of targets) {
    const region = await regionOf(app, target);
    if (region === undefined || (region !== null && reach.includes(region))) continue;
    const { field, value } = describe(target);
    const what = value === undefined ? 'a new top-level region' : `${field} '${value}'`;
    throw new ApiError('ORG_OUTSIDE_REGION', `Expected ${what} to lie in region '${actor.region}' or below it, where '${actor.id}' administers the organisation, but it ${region === null ? 'is placed in no region' : `lies in region '${region}'`}`, {
      field, ...(value !== undefined ? { target: value } : {}), region: actor.region, ...(region !== null ? { lies: region } : {}),
    });
  }
}

/**
 * The rows of `users` that `actor` reaches: all of them for an actor at the top or placed nowhere; below it,
 * those whose department lies in the actor's region or below (a department member lies where their
 * department does, as for an edit), or who are placed at a centre there. An account placed nowhere (an
 * applicant, the platform's own `admin`) lies outside every reach below the top, as for an edit.
 */
export async function usersInReach<U extends { department?: string; region?: string }>(app: FastifyInstance, actor: AuthUser, users: readonly U[]): Promise<U[]> {
  if (actor.region === undefined) return [...users];
  const org = await app.identity.org.list();
  const reach = editableRegions(org, actor.region);
  if (reach === undefined) return [...users];
  const regionOf = new Map(org.departments.map((d) => [d.id, d.region]));
  return users.filter((u) => {
    const region = (u.department !== undefined ? regionOf.get(u.department) : undefined) ?? u.region;
    return region !== undefined && reach.includes(region);
  });
}
