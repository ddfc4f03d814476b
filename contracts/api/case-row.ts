/** A case in a list (`GET /api/cases`, the overdue cases of the lights overview). */
import { Type, type Static } from '@sinclair/typebox';
import { LightSchema } from './clocks.js';
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
