/**
 * The bodies of the handling commands of an approval case (`POST /api/cases/:caseNo/<command>`): 退回, the
 * one extension, special procedures, the certificate, delivery, payments, the evaluation, the rectification
 * and the revocation. Every body is closed.
 */
import { Type, type Static } from '@sinclair/typebox';
import { DELIVERY_METHODS } from './case-outcome.js';
import { TimeUnitSchema } from './clocks.js';
import { StringEnum } from './enum.js';
import { SPECIAL_PROCEDURE_TYPES } from '../vocabulary/special-procedures.js';

const Text = (max: number) => Type.String({ minLength: 1, maxLength: max });
const Code = Type.String({ pattern: '^[A-Za-z0-9_-]{1,64}$' });

/** A limit asked for: 1 to 400 working days or calendar days. */
export const LimitInputSchema = Type.Object({ value: Type.Integer({ minimum: 1, maximum: 400 }), unit: TimeUnitSchema }, { additionalProperties: false });
export type LimitInput = Static<typeof LimitInputSchema>;

/** `:caseNo` and `:id`: one special procedure of a case. */
export const SpecialProcedureParamsSchema = Type.Object({ caseNo: Type.String({ minLength: 1, maxLength: 64 }), id: Type.String({ minLength: 1, maxLength: 64 }) });
export type SpecialProcedureParams = Static<typeof SpecialProcedureParamsSchema>;

/** 退回: the earlier step and the reason. */
export const CaseReturnBodySchema = Type.Object({ toElementId: Text(128), reason: Text(2000) }, { additionalProperties: false });
export type CaseReturnBody = Static<typeof CaseReturnBodySchema>;

/** 延长审批: the extension asked for and its reason. */
export const ExtensionBodySchema = Type.Object({ requested: LimitInputSchema, reason: Text(2000) }, { additionalProperties: false });
export type ExtensionBody = Static<typeof ExtensionBodySchema>;

/** 特别程序: its kind, reason, legal basis and expected duration; `id` chosen by the caller or numbered. */
export const SpecialProcedureStartBodySchema = Type.Object({
  id: Type.Optional(Code),
  procedure: StringEnum(SPECIAL_PROCEDURE_TYPES),
  reason: Text(2000),
  basis: Text(2000),
  expectedDuration: Type.Optional(LimitInputSchema),
}, { additionalProperties: false });
export type SpecialProcedureStartBody = Static<typeof SpecialProcedureStartBodySchema>;

/** The end of a special procedure, with its result. */
export const SpecialProcedureEndBodySchema = Type.Object({ result: Type.Optional(Text(2000)) }, { additionalProperties: false });
export type SpecialProcedureEndBody = Static<typeof SpecialProcedureEndBodySchema>;

/** 统一发证: the certificate number, generated when absent. */
export const CertificateIssueBodySchema = Type.Object({ number: Type.Optional(Code) }, { additionalProperties: false });
export type CertificateIssueBody = Static<typeof CertificateIssueBodySchema>;

/** 送达: how the result reached the applicant. */
export const DeliveryBodySchema = Type.Object({ method: StringEnum(DELIVERY_METHODS), trackingNumber: Type.Optional(Text(64)), carrier: Type.Optional(Text(64)) }, { additionalProperties: false });
export type DeliveryBody = Static<typeof DeliveryBodySchema>;

/** 缴费: the amount paid and the payment's reference. */
export const PaymentBodySchema = Type.Object({ amount: Type.Number({ exclusiveMinimum: 0, maximum: 100_000_000 }), reference: Text(128) }, { additionalProperties: false });
export type PaymentBody = Static<typeof PaymentBodySchema>;

/** 好差评: 1 非常满意 … 5 非常不满意, with a comment. */
export const EvaluationBodySchema = Type.Object({ grade: Type.Integer({ minimum: 1, maximum: 5 }), comment: Type.Optional(Text(2000)) }, { additionalProperties: false });
export type EvaluationBody = Static<typeof EvaluationBodySchema>;

/** 整改: what was done. */
export const RectificationBodySchema = Type.Object({ note: Text(2000) }, { additionalProperties: false });
export type RectificationBody = Static<typeof RectificationBodySchema>;

/** 撤销行政许可: the reason and the legal basis. */
export const RevocationBodySchema = Type.Object({ reason: Text(2000), basis: Text(500) }, { additionalProperties: false });
export type RevocationBody = Static<typeof RevocationBodySchema>;
