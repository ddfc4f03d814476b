/**
 * The user directory: real-name accounts with scrypt password hashes. Plain code over knex, no fastify:
 * routes, the CLI and the first-start seeding all use it the same way.
 */
import type { Knex } from 'knex';
import { DEFAULT_SCRYPT, hashPassword, needsRehash, verifyPassword, type ScryptParams } from './passwords.js';
import { idNumberProblem, isIdType, normalIdNumber, type IdType, type RealName } from './real-name.js';
import { DEPARTMENT_ROLES, isRole, type AuthUser, type Role } from './roles.js';

/** An expected refusal of a directory operation; `code` is a catalogue code of `server/http/errors.ts`. */
export class IdentityError extends Error {
  constructor(
    readonly code: 'CONFLICT' | 'BUSINESS_RULE',
    message: string,
  ) {
    super(message);
    this.name = 'IdentityError';
  }
}

/** What creating a user needs. */
export interface NewUser {
  id: string;
  name: string;
  /** The ID number of the real-name record (with `idType`, 居民身份证 by default). */
  idNumber?: string;
  idType?: IdType;
  department?: string;
  /** The region (division code) of a service centre's staff. */
  region?: string;
  roles: Role[];
  groups?: string[];
  password: string;
}

/** A user as listed (never with the hash). */
export interface UserRecord extends AuthUser {
  idSuffix?: string;
  /** The ID type of the real-name record; the number itself is read with `realNameOf`, never listed. */
  idType?: IdType;
  disabled: boolean;
  createdAt: string;
  createdBy?: string;
  /** Set after an admin reset: the user must choose a new password before doing anything else. */
  mustChangePassword?: boolean;
}

/** Checks the combination of roles and department; returns the reason it is refused, if it is. */
export function userRuleViolation(user: Pick<NewUser, 'roles' | 'department' | 'idNumber' | 'idType'>): string | undefined {
  if (user.roles.length === 0) return 'Expected at least one role, but none was given';
  const unknown = user.roles.find((r) => !isRole(r));
  if (unknown) return `Expected a known role, but got '${unknown}'`;
  const needs = user.roles.find((r) => DEPARTMENT_ROLES.has(r));
  if (needs && !user.department) return `Expected a department for role '${needs}', but none was given`;
  if (user.idNumber !== undefined) return idNumberProblem(user.idType ?? 'RESIDENT_ID', user.idNumber);
  return undefined;
}

/**
 * Where a directory write goes: the caller's transaction (the audited one of the route, so the write and
 * its audit entry commit together), with the password hash computed beforehand (`UserDirectory.hash`), so
 * the slow scrypt never holds a transaction, or SQLite's one connection, open.
 */
export interface InTransaction {
  trx?: Knex.Transaction;
  passwordHash?: string;
}

/** Users in a knex database (table `users`). */
export class UserDirectory {
  /** Verified against when the user does not exist, so a wrong name costs as long as a wrong password. */
  private decoy: Promise<string> | undefined;

  constructor(
    private readonly knex: Knex,
    private readonly scrypt: ScryptParams = DEFAULT_SCRYPT,
  ) {}

  /**
   * Creates a user; `IdentityError` CONFLICT when the id exists, BUSINESS_RULE when roles and department do
   * not fit. With `within.trx`, the row is written in that transaction (the caller's audited one).
   */
  async create(user: NewUser, at: string, createdBy?: string, within: InTransaction = {}): Promise<UserRecord> {
    const violation = userRuleViolation(user);
    if (violation) throw new IdentityError('BUSINESS_RULE', violation);
    const db = within.trx ?? this.knex;
    if (await db('users').where({ id: user.id }).first('id')) {
      throw new IdentityError('CONFLICT', `Expected user id '${user.id}' to be free, but it is taken`);
    }
    const passwordHash = within.passwordHash ?? (await this.hash(user.password));
    const row = {
      id: user.id,
      name: user.name,
      id_suffix: user.idNumber ? user.idNumber.slice(-4).toUpperCase() : null,
      id_type: user.idNumber ? (user.idType ?? 'RESIDENT_ID') : null,
      id_number: user.idNumber ? normalIdNumber(user.idNumber) : null,
      department: user.department ?? null,
      region_code: user.region ?? null,
      roles: JSON.stringify([...new Set(user.roles)]),
      groups: JSON.stringify([...new Set(user.groups ?? [])]),
      password_hash: passwordHash,
      disabled: false,
      created_at: at,
      created_by: createdBy ?? null,
    };
    // A concurrent create of the same id may win the race on the primary key: the insert then does nothing
    // (no failed statement, which would abort the caller's PostgreSQL transaction).
    const inserted = await db('users').insert(row).onConflict('id').ignore().returning('id');
    if (inserted.length === 0) {
      throw new IdentityError('CONFLICT', `Expected user id '${user.id}' to be free, but it is taken`);
    }
    return toRecord(row);
  }

  async get(id: string): Promise<UserRecord | undefined> {
    const row = await this.knex('users').where({ id }).first();
    return row ? toRecord(row) : undefined;
  }

  /** The display names of the accounts among `ids` that exist, in one query. */
  async namesOf(ids: Iterable<string>): Promise<Map<string, string>> {
    const wanted = [...new Set(ids)];
    if (!wanted.length) return new Map();
    const rows = await this.knex('users').whereIn('id', wanted).select('id', 'name');
    return new Map(rows.filter((r: { name: unknown }) => typeof r.name === 'string' && r.name !== '').map((r: { id: string; name: string }) => [String(r.id), r.name]));
  }

  /** The account's real-name record (name, ID type, ID number), or undefined when it has none. */
  async realNameOf(id: string): Promise<RealName | undefined> {
    const row = await this.knex('users').where({ id }).first('name', 'id_type', 'id_number');
    if (!row || !isIdType(row.id_type) || !row.id_number) return undefined;
    return { name: String(row.name), idType: row.id_type, idNumber: String(row.id_number) };
  }

  /** Users ordered by id, optionally of one department. */
  async list(filter: { department?: string } = {}): Promise<UserRecord[]> {
    const query = this.knex('users').orderBy('id');
    if (filter.department !== undefined) query.where({ department: filter.department });
    return (await query).map(toRecord);
  }

  async count(): Promise<number> {
    const row = await this.knex('users').count<{ n: number | string }[]>({ n: '*' }).first();
    return Number(row?.n ?? 0);
  }

  /** The stored form of `password` (scrypt at this directory's parameters), to pass as `passwordHash`. */
  hash(password: string): Promise<string> {
    return hashPassword(password, this.scrypt);
  }

  /** The user when the password matches and the account is enabled; undefined otherwise, in similar time. */
  async authenticate(id: string, password: string): Promise<UserRecord | undefined> {
    const row = await this.knex('users').where({ id }).first();
    if (!row) {
      this.decoy ??= hashPassword('decoy', this.scrypt);
      await verifyPassword(password, await this.decoy);
      return undefined;
    }
    const stored = String(row.password_hash);
    const ok = await verifyPassword(password, stored);
    if (!ok || isTrue(row.disabled)) return undefined;
    // A hash made with older (cheaper) parameters is replaced while the password is at hand.
    if (needsRehash(stored, this.scrypt)) {
      await this.knex('users').where({ id, password_hash: stored }).update({ password_hash: await hashPassword(password, this.scrypt) });
    }
    return toRecord(row);
  }

  /** True when `password` is the user's current one (the account may be disabled). */
  async verify(id: string, password: string): Promise<boolean> {
    const row = await this.knex('users').where({ id }).first('password_hash');
    return !!row && (await verifyPassword(password, String(row.password_hash)));
  }

  /**
   * Sets a new password; `mustChange` marks it temporary (an admin reset), so the next session must replace
   * it. False when the user does not exist. With `within.trx`, written in that transaction.
   */
  async setPassword(id: string, password: string, at: string, mustChange = false, within: InTransaction = {}): Promise<boolean> {
    const hash = within.passwordHash ?? (await this.hash(password));
    return (await (within.trx ?? this.knex)('users').where({ id }).update({ password_hash: hash, must_change_password: mustChange, password_changed_at: at })) > 0;
  }

  /** Changes a user's name or department (in `trx`, if given); false when the user does not exist. */
  async update(id: string, changes: { name?: string; department?: string }, trx?: Knex.Transaction): Promise<boolean> {
    const row = { ...(changes.name !== undefined ? { name: changes.name } : {}), ...(changes.department !== undefined ? { department: changes.department } : {}) };
    const db = trx ?? this.knex;
    if (!Object.keys(row).length) return !!(await db('users').where({ id }).first('id'));
    return (await db('users').where({ id }).update(row)) > 0;
  }

  /** Disables or enables an account (in `trx`, if given); false when the user does not exist. */
  async setDisabled(id: string, disabled: boolean, trx?: Knex.Transaction): Promise<boolean> {
    return (await (trx ?? this.knex)('users').where({ id }).update({ disabled })) > 0;
  }
}

function isTrue(value: unknown): boolean {
  return value === true || value === 1 || value === '1';
}

function parseList(value: unknown): string[] {
  const parsed: unknown = typeof value === 'string' ? JSON.parse(value) : value;
  return Array.isArray(parsed) ? parsed.map(String) : [];
}

/** A row of the `users` table as a `UserRecord` (also read joined to its session, see `SessionStore.resolve`). */
export function toRecord(row: Record<string, unknown>): UserRecord {
  const instantText = (v: unknown) => (v instanceof Date ? v.toISOString() : String(v));
  return {
    id: String(row.id),
    name: String(row.name),
    ...(row.id_suffix ? { idSuffix: String(row.id_suffix) } : {}),
    ...(isIdType(row.id_type) ? { idType: row.id_type } : {}),
    ...(row.department ? { department: String(row.department) } : {}),
    ...(row.region_code ? { region: String(row.region_code) } : {}),
    roles: parseList(row.roles).filter(isRole),
    groups: parseList(row.groups),
    disabled: isTrue(row.disabled),
    createdAt: instantText(row.created_at),
    ...(row.created_by ? { createdBy: String(row.created_by) } : {}),
    ...(isTrue(row.must_change_password) ? { mustChangePassword: true } : {}),
  };
}
