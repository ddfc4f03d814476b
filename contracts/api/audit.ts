/** The audit log (`GET /api/audit`): the list's filters, an entry, and the hash chain's verification. */
import { Type, type Static } from '@sinclair/typebox';
import { Instant } from './time.js';

/** Entries after `afterSeq`, at most `limit` (100 unless asked), of one actor. */
export const AuditListQuerySchema = Type.Object({
  afterSeq: Type.Optional(Type.Integer({ minimum: 0 })),
  limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 1000, default: 100 })),
  actorId: Type.Optional(Type.String({ maxLength: 64 })),
}, { additionalProperties: false });
export type AuditListQuery = Static<typeof AuditListQuerySchema>;

/** One entry of the hash-chained audit log (`GET /api/audit`). */
export const AuditEntrySchema = Type.Object({
  seq: Type.Integer(),
  at: Instant(),
  actorId: Type.String(),
  action: Type.String(),
  target: Type.String(),
  /** Each audited action records its own details (docs/audit.md). */
  details: Type.Optional(Type.Unsafe<Record<string, unknown>>({ type: 'object', additionalProperties: true })),
  prevHash: Type.String(),
  hash: Type.String(),
}, { additionalProperties: false });
export type AuditEntryView = Static<typeof AuditEntrySchema>;

/** The hash chain recomputed (`GET /api/audit/verify`): every broken entry, the first repeated as `brokenAt` and `reason`. */
export const AuditChainReportSchema = Type.Object({
  ok: Type.Boolean(),
  count: Type.Integer(),
  head: Type.Optional(Type.String()),
  brokenAt: Type.Optional(Type.Integer()),
  reason: Type.Optional(Type.String()),
  breakCount: Type.Optional(Type.Integer()),
  breaks: Type.Optional(Type.Array(Type.Object({
    seq: Type.Optional(Type.Integer()),
    kind: Type.Optional(Type.String()),
    reason: Type.Optional(Type.String()),
  }, { additionalProperties: false }))),
}, { additionalProperties: false });
export type AuditChainReport = Static<typeof AuditChainReportSchema>;
