/**
 * The organisation directory over knex: regions, departments, positions and their holders. Every write takes
 * the transaction it runs in (`db`), so a route writes the record and its audit entry together. Plain code,
 * no fastify: routes, the first-start seeding and the task commands' snapshot all use it the same way.
 */
import type { Knex } from 'knex';
import { isPositionKind, type OrgSnapshot, type PositionKind } from '../../engine/core/organisation.js';
import { ApiError } from '../http/errors.js';
import { divisionCodeProblem, levelOfCode, type RegionLevel } from './division-codes.js';
import type { Department, Organisation, Position, Region } from './model.js';

/** What creating a region needs. */
export interface NewRegion {
  code: string;
  name: string;
  parent?: string;
  centre: string;
}

/** What creating a department needs. */
export interface NewDepartment {
  id: string;
  name: string;
  region: string;
}

/** What creating a position needs. */
export interface NewPosition {
  id: string;
  department: string;
  kind: PositionKind;
  name: string;
  leader?: string;
}

type Db = Knex | Knex.Transaction;

const isTrue = (value: unknown) => value === true || value === 1 || value === '1';

function unknownRef(field: string, what: string, id: string): ApiError {
  return new ApiError('ORG_REFERENCE_UNKNOWN', `Expected ${field} to name an existing ${what}, but there is no ${what} '${id}'`, { field, [what]: id });
}

function taken(what: string, id: string): ApiError {
  return new ApiError('ID_TAKEN', `Expected ${what} '${id}' to be free, but it exists`, { field: what === 'region' ? 'code' : 'id', taken: id, [what]: id });
}

/** The organisation in a knex database. */
export class OrgDirectory {
  /** The snapshot the task commands resolve candidates over, reloaded after a write of this node or `ttlMs`. */
  private cached: Promise<OrgSnapshot> | undefined;
  private loadedAt = 0;

  /** `ttlMs` bounds how long a write made by another node goes unseen here. */
  constructor(
    private readonly knex: Knex,
    private readonly ttlMs = 5_000,
  ) {}

  /** Forgets the cached snapshot (after a write, also of users and their roles). */
  changed(): void {
    this.cached = undefined;
  }

  async region(code: string, db: Db = this.knex): Promise<Region | undefined> {
    const row = await db('regions').where({ code }).first();
    return row ? toRegion(row) : undefined;
  }

  async department(id: string, db: Db = this.knex): Promise<Department | undefined> {
    const row = await db('departments').where({ id }).first();
    return row ? toDepartment(row) : undefined;
  }

  async position(id: string, db: Db = this.knex): Promise<Position | undefined> {
    const row = await db('positions').where({ id }).first();
    if (!row) return undefined;
    const holders = (await db('position_holders').where({ position_id: id }).orderBy('user_id').select('user_id')).map((r) => String(r.user_id));
    return toPosition(row, holders);
  }

  /** Everything, ordered by code and id. */
  async list(db: Db = this.knex): Promise<Organisation> {
    const [regions, departments, positions, holders] = await Promise.all([
      db('regions').orderBy('code'),
      db('departments').orderBy('id'),
      db('positions').orderBy('id'),
      db('position_holders').orderBy(['position_id', 'user_id']),
    ]);
    const held = new Map<string, string[]>();
    for (const h of holders) held.set(String(h.position_id), [...(held.get(String(h.position_id)) ?? []), String(h.user_id)]);
    return {
      regions: regions.map(toRegion),
      departments: departments.map(toDepartment),
      positions: positions.map((p) => toPosition(p, held.get(String(p.id)) ?? [])),
    };
  }

  async createRegion(db: Db, input: NewRegion, at: string, by: string): Promise<Region> {
    const parent = input.parent === undefined ? undefined : await this.region(input.parent, db);
    if (input.parent !== undefined && !parent) throw unknownRef('parent', 'region', input.parent);
    const problem = divisionCodeProblem(input.code, parent);
    if (problem) throw new ApiError('DIVISION_CODE_INVALID', problem, { field: 'code', code: input.code });
    if (parent?.disabled) throw new ApiError('BUSINESS_RULE', `Expected parent region '${parent.code}' to be in use, but it is disabled`, { field: 'parent' });
    if (await this.region(input.code, db)) throw taken('region', input.code);
    const level = levelOfCode(input.code) as RegionLevel;
    await db('regions').insert({ code: input.code, name: input.name, level, parent_code: input.parent ?? null, centre: input.centre, disabled: false, created_at: at, created_by: by });
    this.changed();
    return (await this.region(input.code, db))!;
  }

  async createDepartment(db: Db, input: NewDepartment, at: string, by: string): Promise<Department> {
    const region = await this.region(input.region, db);
    if (!region) throw unknownRef('region', 'region', input.region);
    if (region.disabled) throw new ApiError('BUSINESS_RULE', `Expected region '${region.code}' to be in use, but it is disabled`, { field: 'region' });
    if (await this.department(input.id, db)) throw taken('department', input.id);
    await db('departments').insert({ id: input.id, name: input.name, region_code: input.region, disabled: false, created_at: at, created_by: by });
    this.changed();
    return (await this.department(input.id, db))!;
  }

  async createPosition(db: Db, input: NewPosition, at: string, by: string): Promise<Position> {
    if (!isPositionKind(input.kind)) throw new ApiError('BUSINESS_RULE', `Expected a position kind, but got '${String(input.kind)}'`, { field: 'kind' });
    const department = await this.department(input.department, db);
    if (!department) throw unknownRef('department', 'department', input.department);
    if (department.disabled) throw new ApiError('BUSINESS_RULE', `Expected department '${department.id}' to be in use, but it is disabled`, { field: 'department' });
    if (input.leader !== undefined && !(await this.position(input.leader, db))) throw unknownRef('leader', 'position', input.leader);
    if (await this.position(input.id, db)) throw taken('position', input.id);
    await db('positions').insert({ id: input.id, department: input.department, kind: input.kind, name: input.name, leader: input.leader ?? null, disabled: false, created_at: at, created_by: by });
    this.changed();
    return (await this.position(input.id, db))!;
  }

  /** Sets the position `id` reports to (none: the top of the chain); a loop is refused. */
  async setLeader(db: Db, id: string, leader: string | undefined): Promise<Position> {
    if (!(await this.position(id, db))) throw new ApiError('NOT_FOUND', `Expected position '${id}' to exist, but there is none`);
    if (leader !== undefined) {
      if (!(await this.position(leader, db))) throw unknownRef('leader', 'position', leader);
      for (let at: string | undefined = leader; at !== undefined; at = (await this.position(at, db))?.leader) {
        if (at === id) throw new ApiError('BUSINESS_RULE', `Expected the leader chain of '${id}' to end, but '${leader}' reports back to '${id}'`, { field: 'leader' });
      }
    }
    await db('positions').where({ id }).update({ leader: leader ?? null });
    this.changed();
    return (await this.position(id, db))!;
  }

  /**
   * Renames a region (and its centre), a department or a position; false when there is none with that id.
   * Ids and codes stay: cases, steps and audit entries name them.
   */
  async rename(db: Db, what: 'region' | 'department' | 'position', id: string, changes: { name?: string; centre?: string }): Promise<boolean> {
    const [table, key] = what === 'region' ? ['regions', 'code'] : what === 'department' ? ['departments', 'id'] : ['positions', 'id'];
    const row = { ...(changes.name !== undefined ? { name: changes.name } : {}), ...(what === 'region' && changes.centre !== undefined ? { centre: changes.centre } : {}) };
    const n = Object.keys(row).length ? await db(table).where({ [key]: id }).update(row) : (await db(table).where({ [key]: id }).first(key)) ? 1 : 0;
    this.changed();
    return n > 0;
  }

  /** The ids of the positions `user` holds, ordered. */
  async positionsOf(user: string, db: Db = this.knex): Promise<string[]> {
    return (await db('position_holders').where({ user_id: user }).orderBy('position_id').select('position_id')).map((r) => String(r.position_id));
  }

  /** Disables or enables a region, department or position; false when there is none with that id. */
  async setDisabled(db: Db, what: 'region' | 'department' | 'position', id: string, disabled: boolean): Promise<boolean> {
    const [table, key] = what === 'region' ? ['regions', 'code'] : what === 'department' ? ['departments', 'id'] : ['positions', 'id'];
    const n = await db(table).where({ [key]: id }).update({ disabled });
    this.changed();
    return n > 0;
  }

  /** `user` holds position `id` from `at`; the user must belong to the position's department. */
  async addHolder(db: Db, id: string, user: { id: string; department?: string }, at: string): Promise<Position> {
    const position = await this.position(id, db);
    if (!position) throw new ApiError('NOT_FOUND', `Expected position '${id}' to exist, but there is none`);
    if (position.disabled) throw new ApiError('BUSINESS_RULE', `Expected position '${id}' to be in use, but it is disabled`, { field: 'position' });
    if (user.department !== position.department) {
      throw new ApiError('BUSINESS_RULE', `Expected '${user.id}' to belong to department '${position.department}' of position '${id}', but they are ${user.department ? `of '${user.department}'` : 'of no department'}`, { field: 'user' });
    }
    if (position.holders.includes(user.id)) return position;
    await db('position_holders').insert({ position_id: id, user_id: user.id, since: at });
    this.changed();
    return (await this.position(id, db))!;
  }

  /** `user` no longer holds position `id`; false when they did not. */
  async removeHolder(db: Db, id: string, user: string): Promise<boolean> {
    const n = await db('position_holders').where({ position_id: id, user_id: user }).delete();
    this.changed();
    return n > 0;
  }

  /** The ids of the regions at and below `code`, `code` first. */
  async subtree(code: string, db: Db = this.knex): Promise<string[]> {
    const regions = (await db('regions').select('code', 'parent_code')).map((r) => ({ code: String(r.code), parent: r.parent_code ? String(r.parent_code) : undefined }));
    return regionSubtree(regions, code);
  }

  /**
   * What the engine resolves candidates over: enabled departments with their enabled admins, enabled
   * positions with their enabled holders. Cached until the next write through this directory.
   */
  snapshot(): Promise<OrgSnapshot> {
    if (this.cached && Date.now() - this.loadedAt > this.ttlMs) this.cached = undefined;
    if (!this.cached) this.loadedAt = Date.now();
    this.cached ??= loadSnapshot(this.knex).catch((error: unknown) => {
      this.cached = undefined;
      throw error;
    });
    return this.cached;
  }
}

/** The regions at and below `code`, `code` first, then breadth first. */
export function regionSubtree(regions: ReadonlyArray<{ code: string; parent?: string }>, code: string): string[] {
  const found = [code];
  for (let i = 0; i < found.length; i++) for (const r of regions) if (r.parent === found[i] && !found.includes(r.code)) found.push(r.code);
  return regions.some((r) => r.code === code) ? found : [];
}

async function loadSnapshot(knex: Knex): Promise<OrgSnapshot> {
  const [departments, positions, holders, users] = await Promise.all([
    knex('departments').where({ disabled: false }).orderBy('id'),
    knex('positions').where({ disabled: false }).orderBy('id'),
    knex('position_holders').orderBy(['position_id', 'user_id']),
    knex('users').where({ disabled: false }).select('id', 'department', 'roles'),
  ]);
  const enabled = new Set(users.map((u) => String(u.id)));
  const snapshot: { departments: OrgSnapshot['departments']; positions: OrgSnapshot['positions'] } = { departments: {}, positions: {} };
  const admins = new Map<string, string[]>();
  for (const u of users) {
    const roles: unknown = typeof u.roles === 'string' ? JSON.parse(u.roles) : u.roles;
    if (u.department && Array.isArray(roles) && roles.includes('department-admin')) admins.set(String(u.department), [...(admins.get(String(u.department)) ?? []), String(u.id)].sort());
  }
  for (const d of departments) (snapshot.departments as Record<string, unknown>)[String(d.id)] = { region: String(d.region_code), admins: admins.get(String(d.id)) ?? [] };
  for (const p of positions) {
    (snapshot.positions as Record<string, unknown>)[String(p.id)] = {
      department: String(p.department),
      kind: String(p.kind),
      ...(p.leader ? { leader: String(p.leader) } : {}),
      holders: holders.filter((h) => String(h.position_id) === String(p.id) && enabled.has(String(h.user_id))).map((h) => String(h.user_id)),
    };
  }
  return snapshot;
}

function toRegion(row: Record<string, unknown>): Region {
  return {
    code: String(row.code),
    name: String(row.name),
    level: String(row.level) as RegionLevel,
    ...(row.parent_code ? { parent: String(row.parent_code) } : {}),
    centre: String(row.centre),
    disabled: isTrue(row.disabled),
  };
}

function toDepartment(row: Record<string, unknown>): Department {
  return { id: String(row.id), name: String(row.name), region: String(row.region_code), disabled: isTrue(row.disabled) };
}

function toPosition(row: Record<string, unknown>, holders: string[]): Position {
  return {
    id: String(row.id),
    department: String(row.department),
    kind: String(row.kind) as PositionKind,
    name: String(row.name),
    ...(row.leader ? { leader: String(row.leader) } : {}),
    holders,
    disabled: isTrue(row.disabled),
  };
}
