/**
 * The handling and outcome records of a case detail: co-departments, the hearing, the decision, the
 * certificate, delivery, fees, 好差评 and rectification, withdrawal and revocation.
 */
import { Type } from '@sinclair/typebox';
import { SEAL_ALGORITHMS } from '../vocabulary/seal-algorithms.js';
import { CompletionSchema, DeadlineSchema } from './clocks.js';
import { StringEnum } from './enum.js';
import { Instant, LegalDate } from './time.js';

/** The outcome of a decision; a joint approval with some refusals is partially refused (部分不予许可). */
export const OUTCOMES = ['approved', 'refused', 'partially-refused'] as const;

/** How a result reaches the applicant. */
export const DELIVERY_METHODS = ['pickup', 'express', 'online'] as const;

const Vote = StringEnum(['approved', 'refused']);

/** A co-department's branch of a joint approval (并联审批). */
export const CoDepartmentSchema = Type.Object({
  department: Type.String(),
  taskId: Type.String(),
  startedAt: Instant(),
  completedAt: Type.Optional(Instant()),
  outcome: Type.Optional(Vote),
  opinion: Type.Optional(Type.String()),
  votes: Type.Optional(Type.Array(Type.Object({ outcome: Vote, opinion: Type.Optional(Type.String()) }, { additionalProperties: false }), {
    description: 'The signers of the department\'s 会签 who signed before the last one did',
  })),
}, { additionalProperties: false, description: 'A co-department\'s branch of a joint approval' });

/** A hearing on request (行政许可法 第47条, 第48条). */
export const HearingSchema = Type.Object({
  notifiedAt: Instant(),
  notifiedOn: LegalDate(),
  by: Type.String(),
  reason: Type.String({ description: 'Why the decision may be subject to a hearing (重大利益关系)' }),
  basis: Type.String(),
  parties: Type.Array(Type.String(), { description: 'Interested parties (利害关系人) told of the right, by id' }),
  requestBy: DeadlineSchema,
  requestedAt: Type.Optional(Instant()),
  requestedBy: Type.Optional(Type.String()),
  holdBy: Type.Optional(DeadlineSchema),
  procedureId: Type.Optional(Type.String({ description: 'The HEARING special procedure keeping the hearing out of the limit' })),
  notices: Type.Array(Type.Object({
    noticeOn: LegalDate(), day: LegalDate('The hearing day'), time: Type.Optional(Type.String({ description: 'HH:mm, Beijing time' })), place: Type.String(), by: Type.String(),
  }, { additionalProperties: false }), { description: 'Notices of time and place, the last one in force (第48条)' }),
  heldAt: Type.Optional(Instant()),
  heldOn: Type.Optional(LegalDate()),
  record: Type.Optional(Type.String({ description: 'A summary of the hearing record (听证笔录)' })),
  onTime: Type.Optional(Type.Boolean()),
  waivedBy: Type.Optional(Type.Array(Type.String(), { description: 'Who waived the right (放弃听证)' })),
  endedOn: Type.Optional(LegalDate()),
  endReason: Type.Optional(Type.String()),
}, { additionalProperties: false, description: 'A hearing (听证)' });

/** The decision (决定). */
export const DecisionSchema = Type.Object({
  outcome: StringEnum(OUTCOMES),
  decidedAt: Instant(),
  decidedOn: LegalDate(),
  by: Type.String(),
  opinion: Type.Optional(Type.String()),
  promised: CompletionSchema,
  statutory: CompletionSchema,
}, { additionalProperties: false, description: 'The decision; timing stops here' });

/** The e-seal of a certificate, or why there is none. */
export const CertificateSealSchema = Type.Union([
  Type.Object({
    kind: StringEnum(['e-seal']), signedAt: Instant(), algorithm: StringEnum(SEAL_ALGORITHMS), signer: Type.String(),
    keyId: Type.String({ description: 'The first 16 hex digits of the SHA-256 of the public key' }), signature: Type.String({ description: 'base64' }),
  }, { additionalProperties: false }),
  Type.Object({ kind: StringEnum(['unsealed', 'e-seal-placeholder']), holder: Type.String() }, { additionalProperties: false }),
], { description: 'The issuer\'s e-seal over the certificate text; `unsealed` without a key service, `e-seal-placeholder` before sealing existed' });

/** An issued certificate. */
export const CertificateSchema = Type.Object({
  number: Type.String(),
  name: Type.String(),
  holder: Type.String(),
  issuer: Type.String(),
  issuedAt: Instant(),
  validFrom: LegalDate(),
  validUntil: Type.Optional(LegalDate()),
  seal: CertificateSealSchema,
}, { additionalProperties: false, description: 'The certificate (证照)' });

/** How the result reached the applicant. */
export const DeliverySchema = Type.Object({
  method: StringEnum(DELIVERY_METHODS),
  trackingNumber: Type.Optional(Type.String()),
  carrier: Type.Optional(Type.String()),
  at: Instant(),
  onTime: Type.Boolean({ description: 'Within the delivery limit (第44条)' }),
}, { additionalProperties: false, description: 'The delivery (送达)' });

/** Fees due and payments received. */
export const FeesSchema = Type.Object({
  total: Type.Number({ description: 'Yuan' }),
  items: Type.Array(Type.Object({ item: Type.String(), amount: Type.Number(), basis: Type.Union([Type.String(), Type.Null()]) }, { additionalProperties: false })),
  payments: Type.Array(Type.Object({ amount: Type.Number(), reference: Type.String(), at: Instant(), by: Type.String() }, { additionalProperties: false })),
}, { additionalProperties: false, description: 'Fees (收费) and payments' });

/** The invitation to evaluate (好差评), with the five grades. */
export const EvaluationRequestSchema = Type.Object({
  requestedAt: Instant(),
  grades: Type.Array(Type.Object({
    grade: Type.Integer({ minimum: 1, maximum: 5 }),
    name: StringEnum(['非常满意', '满意', '基本满意', '不满意', '非常不满意']),
    poor: Type.Boolean({ description: '差评: opens a rectification' }),
  }, { additionalProperties: false })),
}, { additionalProperties: false, description: 'The invitation to evaluate, sent at 办结' });

/** The applicant's evaluation. */
export const EvaluationSchema = Type.Object({
  grade: Type.Integer({ minimum: 1, maximum: 5 }),
  comment: Type.Optional(Type.String()),
  at: Instant(),
  by: Type.String(),
}, { additionalProperties: false, description: 'The evaluation (好差评)' });

/** The rectification (整改) a poor evaluation opens. */
export const RectificationSchema = Type.Object({
  openedAt: Instant(),
  due: DeadlineSchema,
  completedAt: Type.Optional(Instant()),
  note: Type.Optional(Type.String()),
}, { additionalProperties: false, description: 'The rectification after a poor evaluation' });

/** The withdrawal (撤回) by the applicant or the starter. */
export const WithdrawalSchema = Type.Object({ at: Instant(), by: Type.String(), reason: Type.String() }, { additionalProperties: false, description: 'The withdrawal (撤回)' });

/** The revocation (撤销) of an approval. */
export const RevocationSchema = Type.Object({ at: Instant(), by: Type.String(), reason: Type.String(), basis: Type.String() }, { additionalProperties: false, description: 'The revocation (撤销)' });
