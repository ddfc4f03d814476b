/** 抄送我的 (`GET /api/copies`): the read-only copies of cases given to me or my department. */
import { Type, type Static } from '@sinclair/typebox';
import { Instant } from './time.js';

/** One copy, with who made it and whether I read it. */
export const CopyRowSchema = Type.Object({
  id: Type.String({ description: '`<case number>:<event seq>`' }),
  caseNo: Type.String(),
  taskId: Type.String({ description: 'The task copied from, or the 抄送 step\'s element instance' }),
  step: Type.String({ description: 'The step\'s element id' }),
  taskName: Type.Optional(Type.String({ description: 'The step\'s name' })),
  by: Type.String({ description: 'Who copied (the user id)' }),
  byName: Type.Optional(Type.String({ description: 'Their real name' })),
  at: Instant(),
  users: Type.Array(Type.String()),
  departments: Type.Array(Type.String()),
  note: Type.Optional(Type.String()),
  byStep: Type.Optional(Type.Boolean({ description: 'Made by a 抄送 step of the process, not by a person' })),
  read: Type.Boolean(),
  readAt: Type.Optional(Instant()),
}, { additionalProperties: false, description: 'A copy (抄送) of a case' });
export type CopyRowView = Static<typeof CopyRowSchema>;
