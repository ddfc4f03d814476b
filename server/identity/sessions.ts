/**
 * Login sessions as opaque bearer tokens. Only the token's SHA-256 is stored, so reading the database does
 * not yield a usable token, and a token is revoked by a row update (no signing key to rotate). Expiry uses
 * the wall clock, never the business clock: a training session that pins the case clock to 2026 must not
 * make every token expire or live forever.
 */
import { createHash, randomBytes } from 'node:crypto';
import type { Knex } from 'knex';
import { hotReads } from '../store/hot-reads.js';
import { toRecord, type UserDirectory, type UserRecord } from './users.js';

/** The session of a token hash with its user's row (no user when it was deleted). */
const SESSION_OF_TOKEN = `SELECT users.*, sessions.revoked_at AS session_revoked_at, sessions.expires_at AS session_expires_at
  FROM sessions LEFT JOIN users ON users.id = sessions.user_id WHERE sessions.token_hash = ? LIMIT 1`;

/** An issued token; the plain token is shown once, to the client that logged in. */
export interface IssuedToken {
  token: string;
  expiresAt: string;
}

/** Why a presented token does not authenticate. */
export type TokenProblem = 'unknown' | 'expired' | 'revoked' | 'disabled';

/** The SHA-256 of a token, as stored. */
export function tokenHash(token: string): string {
  return createHash('sha256').update(token).digest('hex');
}

/** Sessions in a knex database (table `sessions`). */
export class SessionStore {
  constructor(
    private readonly knex: Knex,
    private readonly users: UserDirectory,
    private readonly ttlMs: number,
    private readonly now: () => Date = () => new Date(),
  ) {}

  /** Issues a new token for `userId`, valid for the configured time (in `trx`, if given). */
  async issue(userId: string, trx?: Knex.Transaction): Promise<IssuedToken> {
    const token = `sp_${randomBytes(32).toString('base64url')}`;
    const now = this.now();
    const expiresAt = new Date(now.getTime() + this.ttlMs).toISOString();
    await (trx ?? this.knex)('sessions').insert({ token_hash: tokenHash(token), user_id: userId, created_at: now.toISOString(), expires_at: expiresAt });
    return { token, expiresAt };
  }

  /** The user a token belongs to, or why it does not authenticate. */
  async resolve(token: string): Promise<{ user: UserRecord } | { problem: TokenProblem }> {
    // One statement per authenticated request: the session with its user's row (none when it was deleted).
    // A hot read (prepared, no query building): every authenticated request runs it.
    const row = await hotReads(this.knex).first(SESSION_OF_TOKEN, [tokenHash(token)]);
    if (!row) return { problem: 'unknown' };
    if (row.session_revoked_at) return { problem: 'revoked' };
    const expires = row.session_expires_at instanceof Date ? row.session_expires_at.getTime() : Date.parse(String(row.session_expires_at));
    if (expires <= this.now().getTime()) return { problem: 'expired' };
    if (row.id === null || row.id === undefined) return { problem: 'disabled' };
    const user = toRecord(row);
    if (user.disabled) return { problem: 'disabled' };
    return { user };
  }

  /** Revokes every active session of `userId` but the one of `exceptToken` (in `trx`, if given); the number revoked. */
  async revokeAllOf(userId: string, exceptToken?: string, trx?: Knex.Transaction): Promise<number> {
    const query = (trx ?? this.knex)('sessions').where({ user_id: userId }).whereNull('revoked_at');
    if (exceptToken !== undefined) query.whereNot({ token_hash: tokenHash(exceptToken) });
    return query.update({ revoked_at: this.now().toISOString() });
  }

  /** Revokes a token (logout; in `trx`, if given); true when it was active. */
  async revoke(token: string, trx?: Knex.Transaction): Promise<boolean> {
    const changed = await (trx ?? this.knex)('sessions').where({ token_hash: tokenHash(token) }).whereNull('revoked_at').update({ revoked_at: this.now().toISOString() });
    return changed > 0;
  }
}
