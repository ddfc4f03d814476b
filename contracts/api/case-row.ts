/** A case in a list (`GET /api/cases`, the overdue cases of the lights overview). */
import { Type, type Static } from '@sinclair/typebox';
import { LightSchema } from './clocks.js';
import { StringEnum } from './enum.js';
import { LIGHTS } from '../vocabulary/lights.js';
import { Instant } from './time.js';

/** A case row: what it is, where it stands and its two deadlines' end instants. */
export const CaseRowSchema = Type.Object({
  caseNo: Type.String(),
  itemCode: Type.String(),
  itemName: Type.Optional(Type.String()),
  itemVersion: Type.Integer(),
  status: Type.Integer({ description: 'SPGL 办理状态' }),
  stage: Type.Optional(Type.String()),
  department: Type.String({ description: 'The lead (implementing) department' }),
  currentDepartment: Type.Optional(Type.String()),
  light: Type.Optional(LightSchema),
  channel: Type.String({ description: 'online, window, agent' }),
  applicant: Type.String({ description: 'The applicant\'s id' }),
  applicantName: Type.Optional(Type.String({ description: 'The name the applicant stated' })),
  receivedAt: Instant(),
  promisedDeadline: Type.Optional(Instant('The exclusive end of the promised limit')),
  statutoryDeadline: Type.Optional(Instant('The exclusive end of the statutory limit')),
  overdue: Type.Boolean({ description: 'In handling past the promised limit' }),
}, { additionalProperties: false, description: 'A case in a list' });

/** A case in a list. */
export type CaseRowView = Static<typeof CaseRowSchema>;

/** The caller's own queues: 已办 (acted on), 我发起的 (window applications registered), 抄送我的 (copied to). */
export const CASE_QUEUES = ['done', 'started', 'copied'] as const;

/** The filters of the case list (`GET /api/cases`), paged: 50 from the first unless asked otherwise. */
export const CaseListQuerySchema = Type.Object({
  item: Type.Optional(Type.String({ maxLength: 128 })),
  status: Type.Optional(Type.Integer({ minimum: 1, maximum: 15 })),
  light: Type.Optional(StringEnum(LIGHTS, { description: '红黄绿灯; the early warning is yellow (formerly blue)' })),
  department: Type.Optional(Type.String({ maxLength: 256 })),
  overdue: Type.Optional(Type.Boolean()),
  awaiting: Type.Optional(Type.Boolean()),
  caseNo: Type.Optional(Type.String({ minLength: 1, maxLength: 64 })),
  applicant: Type.Optional(Type.String({ minLength: 1, maxLength: 256 })),
  queue: Type.Optional(StringEnum(CASE_QUEUES)),
  limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 200, default: 50 })),
  offset: Type.Optional(Type.Integer({ minimum: 0, maximum: 1_000_000, default: 0 })),
}, { additionalProperties: false });
/** The case list's filters as sent; the server fills in `limit` and `offset`. */
export type CaseListQuery = Static<typeof CaseListQuerySchema>;
