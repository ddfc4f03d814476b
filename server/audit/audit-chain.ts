/**
 * The audit chain's pure part: how an entry's text is normalised, how it is hashed, and how a run of stored
 * rows is checked. Shared by the knex append (`audit-log.ts`), the SQLite group commit
 * (`server/store/sqlite-audit.ts`) and `verifyAuditChain`, so that all three agree on the bytes.
 *
 * Text is normalised BEFORE it is hashed and stored, and the hash is over exactly what is stored: a lone
 * UTF-16 surrogate (which SQLite would store as the bytes ED A0 80 and PostgreSQL as U+FFFD) and NUL (which
 * PostgreSQL refuses in text) both become U+FFFD, and the top-level fields are cut to their column's length
 * (in code points, as PostgreSQL counts). What the database reads back is then the string that was hashed,
 * on SQLite and PostgreSQL alike.
 */
import { createHash } from 'node:crypto';

/** The `prev_hash` of the first entry. */
export const GENESIS_HASH = '0'.repeat(64);

/** What a caller records. */
export interface AuditInput {
  actorId: string;
  /** Dotted, past tense: `user.created`, `definition.deployed`, `task.completed`. */
  action: string;
  /** What was acted on: a user id, `key@version`, a case number, a task id. */
  target: string;
  details?: Record<string, unknown>;
}

/** A stored entry. */
export interface AuditEntry extends Required<AuditInput> {
  seq: number;
  at: string;
  prevHash: string;
  hash: string;
}

/** An `audit_log` row as written. */
export interface AuditRow {
  seq: number;
  at: string;
  actor_id: string;
  action: string;
  target: string;
  details: string;
  prev_hash: string;
  hash: string;
}

/** Column lengths of `audit_log` (migration 0003): longer text is cut, never refused. */
const LIMITS = { actorId: 64, action: 64, target: 256 } as const;

/** NUL, and any surrogate not part of a pair. */
const UNSTORABLE = /\u0000|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g;

/** `text` with lone surrogates and NUL replaced by U+FFFD: a string both databases store and return unchanged. */
export function normalizeText(text: string): string {
  return text.replace(UNSTORABLE, '\ufffd');
}

/** `normalizeText`, then at most `max` code points. */
function field(text: string, max: number): string {
  const normal = normalizeText(String(text));
  if (normal.length <= max) return normal;
  return Array.from(normal).slice(0, max).join('');
}

/** A JSON value with every string (keys too) normalised. */
function normalizeValue(value: unknown): unknown {
  if (typeof value === 'string') return normalizeText(value);
  if (Array.isArray(value)) return value.map(normalizeValue);
  if (value && typeof value === 'object') {
    return Object.fromEntries(Object.entries(value as Record<string, unknown>).map(([k, v]) => [normalizeText(k), normalizeValue(v)]));
  }
  return value;
}

/** JSON with object keys sorted at every level, so the same details always hash the same. */
export function canonicalJson(value: unknown): string {
  return JSON.stringify(value, (_key, v: unknown) =>
    v && typeof v === 'object' && !Array.isArray(v)
      ? Object.fromEntries(Object.entries(v as Record<string, unknown>).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)))
      : v,
  );
}

/** The hash of an entry: SHA-256 over its fields and the previous hash, in a fixed order. */
export function entryHash(e: { seq: number; at: string; actorId: string; action: string; target: string; detailsText: string; prevHash: string }): string {
  return createHash('sha256').update(JSON.stringify([e.seq, e.at, e.actorId, e.action, e.target, e.detailsText, e.prevHash])).digest('hex');
}

/** The row and the entry of `input` appended after `head` at `at`: normalised, then hashed over what is stored. */
export function sealEntry(input: AuditInput, head: { seq: number; hash: string } | undefined, at: string): { row: AuditRow; entry: AuditEntry } {
  const seq = (head?.seq ?? 0) + 1;
  const prevHash = head?.hash ?? GENESIS_HASH;
  const actorId = field(input.actorId, LIMITS.actorId);
  const action = field(input.action, LIMITS.action);
  const target = field(input.target, LIMITS.target);
  const details = normalizeValue(input.details ?? {}) as Record<string, unknown>;
  const detailsText = canonicalJson(details);
  const hash = entryHash({ seq, at, actorId, action, target, detailsText, prevHash });
  return {
    row: { seq, at, actor_id: actorId, action, target, details: detailsText, prev_hash: prevHash, hash },
    entry: { seq, at, actorId, action, target, details: JSON.parse(detailsText) as Record<string, unknown>, prevHash, hash },
  };
}

/** One place where the chain does not hold. */
export interface ChainBreak {
  seq: number;
  /** `gap`: entries before it were deleted; `link`: it does not link to the entry before it; `hash`: its content was changed. */
  kind: 'gap' | 'link' | 'hash';
  reason: string;
}

/**
 * The result of checking the chain: every break, in order (at most `MAX_REPORTED_BREAKS` of them listed,
 * `breakCount` counts them all). `brokenAt` and `reason` repeat the first break.
 */
export interface ChainReport {
  ok: boolean;
  /** Entries read. */
  count: number;
  /** The last entry's stored hash (keep it elsewhere to detect entries cut off the end). */
  head: string;
  breaks: ChainBreak[];
  breakCount: number;
  brokenAt?: number;
  reason?: string;
}

/** A report lists this many breaks at most; a log rewritten wholesale would otherwise fill memory. */
export const MAX_REPORTED_BREAKS = 10_000;

/** Checks rows fed in `seq` order; each row is checked on its own, so one break does not hide the next. */
export class ChainChecker {
  private expectedSeq = 1;
  private prevHash = GENESIS_HASH;
  private count = 0;
  private breakCount = 0;
  private readonly breaks: ChainBreak[] = [];

  /** Checks one stored row (as read back: `at` may be a `Date`). */
  check(row: Record<string, unknown>): void {
    const seq = Number(row.seq);
    this.count++;
    if (seq !== this.expectedSeq) {
      // Named by the first missing entry; the entry found next also fails its link.
      this.add({ seq: this.expectedSeq, kind: 'gap', reason: `Expected entry ${this.expectedSeq} next, but found ${seq}: entries ${this.expectedSeq}..${seq - 1} were deleted` });
    }
    if (String(row.prev_hash) !== this.prevHash) {
      this.add({ seq, kind: 'link', reason: `Expected entry ${seq} to link to the previous entry's hash, but it links elsewhere` });
    }
    const at = row.at instanceof Date ? row.at.toISOString() : String(row.at);
    const hash = entryHash({ seq, at, actorId: String(row.actor_id), action: String(row.action), target: String(row.target), detailsText: String(row.details), prevHash: String(row.prev_hash) });
    if (hash !== String(row.hash)) this.add({ seq, kind: 'hash', reason: `Expected entry ${seq} to match its hash, but its content was changed` });
    // The next entry is checked against what is stored here, so each break is reported once, where it is.
    this.prevHash = String(row.hash);
    this.expectedSeq = seq + 1;
  }

  /** The report over the rows checked so far. */
  report(): ChainReport {
    const first = this.breaks[0];
    return {
      ok: this.breakCount === 0, count: this.count, head: this.prevHash, breaks: [...this.breaks], breakCount: this.breakCount,
      ...(first ? { brokenAt: first.seq, reason: first.reason } : {}),
    };
  }

  private add(found: ChainBreak): void {
    this.breakCount++;
    if (this.breaks.length < MAX_REPORTED_BREAKS) this.breaks.push(found);
  }
}
