/** A case's printable documents (`GET /api/cases/:caseNo/documents/:kind`) and the public progress query. */
import { Type, type Static } from '@sinclair/typebox';
import { DOCUMENT_KINDS } from './case-detail.js';
import { StringEnum } from './enum.js';

/** `:caseNo` and `:kind`: one document of a case. */
export const CaseDocumentParamsSchema = Type.Object({ caseNo: Type.String({ minLength: 1, maxLength: 64 }), kind: StringEnum(DOCUMENT_KINDS) });
export type CaseDocumentParams = Static<typeof CaseDocumentParamsSchema>;

/** The public progress query: the case number and the last four characters of the applicant's ID number. */
export const ProgressQuerySchema = Type.Object({
  caseNo: Type.String({ minLength: 1, maxLength: 64 }),
  idSuffix: Type.String({ pattern: '^[0-9A-Za-z]{4}$' }),
}, { additionalProperties: false });
export type ProgressQuery = Static<typeof ProgressQuerySchema>;
