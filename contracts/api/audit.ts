/** The audit log (`GET /api/audit`): the list's filters. */
import { Type, type Static } from '@sinclair/typebox';

/** Entries after `afterSeq`, at most `limit` (100 unless asked), of one actor. */
export const AuditListQuerySchema = Type.Object({
  afterSeq: Type.Optional(Type.Integer({ minimum: 0 })),
  limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 1000, default: 100 })),
  actorId: Type.Optional(Type.String({ maxLength: 64 })),
}, { additionalProperties: false });
export type AuditListQuery = Static<typeof AuditListQuerySchema>;
