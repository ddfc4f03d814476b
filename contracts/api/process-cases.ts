/**
 * Plain BPMN cases (`/api/process-cases`) and the messages correlated to any case (`POST /api/messages`):
 * the start and message bodies and a case number in the path.
 */
import { Type, type Static } from '@sinclair/typebox';
import { VariablesSchema } from './tasks.js';

/** `:caseNo` in the path of a case route. */
export const CaseParamsSchema = Type.Object({ caseNo: Type.String({ minLength: 1, maxLength: 64 }) });
export type CaseParams = Static<typeof CaseParamsSchema>;

/** Starting a case of a deployed plain definition: its key, a pinned version, a chosen case number, variables. */
export const ProcessCaseStartBodySchema = Type.Object({
  definitionKey: Type.String({ minLength: 1, maxLength: 128 }),
  version: Type.Optional(Type.Integer({ minimum: 1 })),
  caseNo: Type.Optional(Type.String({ pattern: '^[A-Za-z0-9][A-Za-z0-9_-]{2,47}$' })),
  variables: Type.Optional(VariablesSchema),
}, { additionalProperties: false });
export type ProcessCaseStartBody = Static<typeof ProcessCaseStartBodySchema>;

/** A message for the case of `caseNo`, by its name, with variables. */
export const MessageBodySchema = Type.Object({
  caseNo: Type.String({ minLength: 1, maxLength: 64 }),
  name: Type.String({ minLength: 1, maxLength: 128 }),
  variables: Type.Optional(VariablesSchema),
}, { additionalProperties: false });
export type MessageBody = Static<typeof MessageBodySchema>;
