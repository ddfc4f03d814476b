/**
 * The intake records of a case detail: who applied and through whom, the materials required, attached and
 * uploaded, the correction notices, the acceptance or non-acceptance.
 */
import { Type, type Static } from '@sinclair/typebox';
import { StringEnum } from './enum.js';
import { Instant, LegalDate } from './time.js';

/** How the application came in. */
export const CHANNELS = ['online', 'window', 'agent'] as const;

/** The applicant (申请人); the ID number is shown as its last four characters only. */
export const ApplicantSchema = Type.Object({
  id: Type.String(),
  name: Type.String(),
  kind: Type.String({ description: 'NATURAL_PERSON, ENTERPRISE, INDIVIDUAL_BUSINESS, OTHER_ORG …' }),
  idType: Type.Optional(Type.String({ description: 'The ID document type (RESIDENT_ID, USCC …)' })),
  idSuffix: Type.Optional(Type.String({ description: 'The last four characters of the ID number' })),
  phone: Type.Optional(Type.String()),
  address: Type.Optional(Type.String()),
}, { additionalProperties: false, description: 'The applicant (申请人)' });

/** An agent (代理人) applying for the applicant. */
export const AgentSchema = Type.Object({
  id: Type.String(),
  name: Type.String(),
  idType: Type.Optional(Type.String()),
  idSuffix: Type.Optional(Type.String({ description: 'The last four characters of the ID number' })),
  mandate: Type.Optional(Type.String({ description: 'The material id of the power of attorney (授权委托书)' })),
}, { additionalProperties: false, description: 'The agent (代理人)' });

/** A material the materials table requires. */
export const RequiredMaterialSchema = Type.Object({
  material: Type.String(),
  name: Type.String(),
  form: Type.String({ description: 'original, copy, electronic … (原件/复印件/电子)' }),
  copies: Type.Integer(),
  deferrable: Type.Boolean({ description: 'May be supplied after acceptance (容缺后补)' }),
}, { additionalProperties: false, description: 'A material the application requires' });

/** A material on file: an uploaded file or a certificate of another department (never re-submitted). */
export const MaterialSchema = Type.Union([
  Type.Object({
    material: Type.String(), kind: StringEnum(['upload']), name: Type.String(),
    ref: Type.String({ description: '`sha256:<hex>`: the content address' }), sha256: Type.String(), size: Type.Integer(), contentType: Type.String(),
  }, { additionalProperties: false, description: 'An uploaded file' }),
  Type.Object({
    material: Type.String(), kind: StringEnum(['shared']),
    certificate: Type.Object({ type: Type.String(), number: Type.String(), issuer: Type.String() }, { additionalProperties: false }),
  }, { additionalProperties: false, description: 'A certificate from the certificate library' }),
], { description: 'A material on file' });

/** A file uploaded to the case, staged until a correction supply hands it over. */
export const UploadSchema = Type.Object({
  id: Type.String(),
  material: Type.String(),
  name: Type.String(),
  ref: Type.String(),
  sha256: Type.String(),
  size: Type.Integer(),
  contentType: Type.String(),
  uploadedBy: Type.String(),
  uploadedAt: Instant(),
  suppliedAt: Type.Optional(Instant('When a correction supply handed it to the case')),
}, { additionalProperties: false, description: 'An uploaded file' });

/** One line of a notice: what, why, and the legal basis. */
export const NoticeLineSchema = Type.Object({
  code: Type.String(),
  reason: Type.String(),
  basis: Type.Union([Type.String(), Type.Null()]),
}, { additionalProperties: false, description: 'One line of a correction notice or a non-acceptance decision' });

/** A correction notice (一次性补正告知书). */
export const CorrectionSchema = Type.Object({
  no: Type.Integer(),
  issuedAt: Instant(),
  issuedOn: LegalDate(),
  items: Type.Array(NoticeLineSchema),
  kind: StringEnum(['first', 'reminder', 'second']),
  by: Type.String(),
  suppliedAt: Type.Optional(Instant('When the corrections were supplied')),
}, { additionalProperties: false, description: 'A correction notice and when it was answered' });

/** The acceptance (受理), real or deemed by 第32条. */
export const AcceptanceSchema = Type.Object({
  acceptedAt: Instant(),
  acceptedOn: LegalDate(),
  deemed: Type.Boolean({ description: 'Deemed accepted: no correction notice within the window (第32条)' }),
  by: Type.String(),
  deferred: Type.Array(Type.String(), { description: 'Materials accepted for later supply (容缺后补)' }),
}, { additionalProperties: false, description: 'The acceptance' });

/** The non-acceptance (不予受理). */
export const RejectionSchema = Type.Object({
  at: Instant(),
  on: LegalDate(),
  by: Type.String(),
  reasons: Type.Array(NoticeLineSchema),
}, { additionalProperties: false, description: 'The non-acceptance decision (不予受理)' });

/** A 驳回 to the applicant during handling. */
export const HandlingCorrectionSchema = Type.Object({
  reason: Type.String(),
  requestedOn: LegalDate('The day the correction was asked for'),
  resubmittedOn: Type.Optional(LegalDate('The day the applicant resubmitted')),
}, { additionalProperties: false, description: '驳回 to the applicant during handling: what to correct, until it is supplied' });

/** A file uploaded to a case. */
export type UploadView = Static<typeof UploadSchema>;

/** One line of a correction notice or of a non-acceptance decision, as a department writes it. */
export const NoticeItemInputSchema = Type.Object({
  code: Type.String({ minLength: 1, maxLength: 64 }),
  reason: Type.String({ minLength: 1, maxLength: 2000 }),
  basis: Type.Optional(Type.Union([Type.String({ maxLength: 2000 }), Type.Null()])),
}, { additionalProperties: false });
export type NoticeItemInput = Static<typeof NoticeItemInputSchema>;

/** 一次性补正告知: the items (the pre-review's findings when absent) and a reason. */
export const CorrectionNoticeBodySchema = Type.Object({
  items: Type.Optional(Type.Array(NoticeItemInputSchema, { minItems: 1, maxItems: 100 })),
  reason: Type.Optional(Type.String({ maxLength: 2000 })),
}, { additionalProperties: false });
export type CorrectionNoticeBody = Static<typeof CorrectionNoticeBodySchema>;

/** A certificate of another department named instead of a file (共享证照). */
export const SharedCertificateInputSchema = Type.Object({
  type: Type.String({ minLength: 1, maxLength: 64 }),
  number: Type.String({ minLength: 1, maxLength: 64 }),
  issuer: Type.String({ minLength: 1, maxLength: 128 }),
}, { additionalProperties: false });

/** A material supplied: an upload already made, or a shared certificate (exactly one of them). */
export const SuppliedMaterialSchema = Type.Object({
  material: Type.String({ minLength: 1, maxLength: 64 }),
  upload: Type.Optional(Type.String({ pattern: '^[0-9]{1,18}$' })),
  shared: Type.Optional(SharedCertificateInputSchema),
}, { additionalProperties: false, minProperties: 2, maxProperties: 2 });
export type SuppliedMaterial = Static<typeof SuppliedMaterialSchema>;

/** 补正: the materials supplied (every pending upload when absent). */
export const CorrectionSupplyBodySchema = Type.Object({ materials: Type.Optional(Type.Array(SuppliedMaterialSchema, { maxItems: 50 })) }, { additionalProperties: false });
export type CorrectionSupplyBody = Static<typeof CorrectionSupplyBodySchema>;

/** 受理: the materials deferred (容缺后补). */
export const AcceptBodySchema = Type.Object({ deferred: Type.Optional(Type.Array(Type.String({ minLength: 1, maxLength: 64 }), { maxItems: 50 })) }, { additionalProperties: false });
export type AcceptBody = Static<typeof AcceptBodySchema>;

/** 不予受理: the reasons (the pre-review's when absent). */
export const RejectBodySchema = Type.Object({ reasons: Type.Optional(Type.Array(NoticeItemInputSchema, { minItems: 1, maxItems: 100 })) }, { additionalProperties: false });
export type RejectBody = Static<typeof RejectBodySchema>;

/** 撤回: the applicant's reason. */
export const WithdrawBodySchema = Type.Object({ reason: Type.String({ minLength: 1, maxLength: 2000 }) }, { additionalProperties: false });
export type WithdrawBody = Static<typeof WithdrawBodySchema>;
