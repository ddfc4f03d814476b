/** The materials check (`POST /api/items/:code/materials/check`): what the stated facts require, and why. */
import { Type, type Static } from '@sinclair/typebox';
import { RequiredMaterialSchema } from './case-intake.js';
import { VariablesSchema } from './tasks.js';

/** A material the facts require (a line of the materials table, as a case lists it), with the rule rows that required it. */
export const NeededMaterialSchema = Type.Object({
  ...RequiredMaterialSchema.properties,
  because: Type.Array(Type.Object({ row: Type.String({ description: 'The rule row id' }), basis: Type.Union([Type.String(), Type.Null()], { description: 'Its legal basis' }) }, { additionalProperties: false }), {
    description: 'The rows of the materials table that required it',
  }),
  source: Type.String({ description: '`applicant` (uploaded) or `shared` (from the certificate library)' }),
  sharedCertificate: Type.Optional(Type.String({ description: 'For a shared material: the kind of certificate (营业执照 …)' })),
}, { additionalProperties: false, description: 'A required material and why' });
/** A material the facts require, as the check answers it. */
export type NeededMaterialView = Static<typeof NeededMaterialSchema>;

/** The answer of a materials check. */
export const MaterialsCheckSchema = Type.Object({
  code: Type.String(),
  version: Type.Integer({ description: 'The item version checked against' }),
  materials: Type.Array(NeededMaterialSchema),
}, { additionalProperties: false, description: 'The materials the stated facts require' });
export type MaterialsCheck = Static<typeof MaterialsCheckSchema>;

/** `:caseNo` and `:material`: one material on file of a case. */
export const CaseMaterialParamsSchema = Type.Object({ caseNo: Type.String({ minLength: 1, maxLength: 64 }), material: Type.String({ pattern: '^[A-Za-z0-9_-]{1,64}$' }) });
export type CaseMaterialParams = Static<typeof CaseMaterialParamsSchema>;

/** `download`: answered as an attachment rather than shown inline. */
export const CaseMaterialQuerySchema = Type.Object({ download: Type.Optional(Type.Boolean()) }, { additionalProperties: false });
export type CaseMaterialQuery = Static<typeof CaseMaterialQuerySchema>;

/** The facts an applicant states, for the materials they require. */
export const MaterialsCheckBodySchema = Type.Object({ facts: VariablesSchema }, { additionalProperties: false });
export type MaterialsCheckBody = Static<typeof MaterialsCheckBodySchema>;
