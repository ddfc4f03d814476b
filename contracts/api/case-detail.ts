/**
 * The answer of `GET /api/cases/:caseNo`: one schema from which the route's response schema, the OpenAPI
 * document, the server's return type and the console's type are all derived. Closed: every field is here.
 */
import { Type, type Static } from '@sinclair/typebox';
import { DeadlineSchema, ExtensionSchema, LightReadingSchema, LightSchema, ClockLightSchema, LimitSchema, SuspensionSchema } from './clocks.js';
import { StringEnum } from './enum.js';
import { AcceptanceSchema, AgentSchema, ApplicantSchema, CHANNELS, CorrectionSchema, HandlingCorrectionSchema, MaterialSchema, RejectionSchema, RequiredMaterialSchema, UploadSchema } from './case-intake.js';
import {
  CertificateSchema, CoDepartmentSchema, DecisionSchema, DELIVERY_METHODS, DeliverySchema, EvaluationRequestSchema, EvaluationSchema, FeesSchema, HearingSchema,
  RectificationSchema, RevocationSchema, WithdrawalSchema,
} from './case-outcome.js';
import { OpenTaskSchema } from './case-tasks.js';
import { SupervisionRecordSchema } from './supervision.js';
import { Instant, LegalDate } from './time.js';

/** Where a case's lifecycle stands. */
export const PHASES = ['received', 'correcting', 'handling', 'concluded', 'rejected', 'withdrawn', 'revoked'] as const;

/** The printable documents a case may have. */
export const DOCUMENT_KINDS = ['correction-notice', 'acceptance-notice', 'non-acceptance', 'extension-notice', 'special-procedure-notice', 'hearing-right-notice', 'hearing-notice'] as const;

/** The clocks of a case: its deadlines, the pre-acceptance window, the special procedures and the extension. */
export const CaseClocksSchema = Type.Object({
  preAcceptanceWindow: Type.Optional({ ...DeadlineSchema, description: 'While received: the end of the pre-acceptance window (行政许可法 第32条)' }),
  statutory: Type.Optional({ ...DeadlineSchema, description: 'The statutory limit (法定时限, 行政许可法 第42条), with any extension' }),
  promised: Type.Optional({ ...DeadlineSchema, description: 'The promised limit (承诺时限)' }),
  departments: Type.Optional(Type.Record(Type.String(), DeadlineSchema, { description: 'Joint approval: each co-department\'s deadline, by department' })),
  delivery: Type.Optional({ ...DeadlineSchema, description: 'Issue and deliver by (行政许可法 第44条), from the decision' }),
  suspensions: Type.Array(SuspensionSchema, { description: 'The special procedures (suspension ledger), oldest first' }),
  extension: Type.Union([ExtensionSchema, Type.Null()], { description: 'The granted extension, or null' }),
  reading: Type.Optional({ ...LightReadingSchema, description: 'The case light: the promised clock\'s reading' }),
}, { additionalProperties: false, description: 'The case\'s clocks: statutory (法定) and promised (承诺) deadlines, co-departments\', delivery, window, suspensions, extension and the promised light' });

/** A case in detail. */
export const CaseDetailSchema = Type.Object({
  caseNo: Type.String(),
  itemCode: Type.String({ description: 'The item\'s implementation code' }),
  itemVersion: Type.Integer({ description: 'The item version the case was received under' }),
  itemName: Type.String(),
  status: Type.Integer({ description: 'SPGL 办理状态' }),
  phase: StringEnum(PHASES),
  stage: Type.Optional(Type.String({ description: 'The stage of the open step (pre-review, register, joint-review …)' })),
  department: Type.String({ description: 'The implementing department (on a joint case the lead, 主办)' }),
  currentDepartment: Type.Optional(Type.String({ description: 'The department holding the case now' })),
  light: Type.Optional(LightSchema),
  countingPolicy: StringEnum(['C1', 'C2'], { description: 'The counting policy of the case\'s clocks' }),
  localSettingsVersion: Type.Optional(Type.Integer({ description: 'The locality settings version the case was received under' })),
  channel: StringEnum(CHANNELS),
  deliveryMethods: Type.Array(StringEnum(DELIVERY_METHODS), { description: 'The delivery methods the item offers' }),
  specialProcedures: Type.Array(Type.String(), { description: 'The special procedures the item may run' }),
  extensionPolicy: Type.Optional(Type.Object({ cap: LimitSchema, approverRole: Type.String() }, { additionalProperties: false, description: 'The one extension the item allows' })),
  applicant: ApplicantSchema,
  agent: Type.Optional(AgentSchema),
  receivedAt: Instant(),
  receivedOn: LegalDate(),
  clocks: CaseClocksSchema,
  lights: Type.Array(ClockLightSchema, { description: 'Every clock\'s light with its reason: promised, statutory, each step, each co-department, each task' }),
  requiredMaterials: Type.Array(RequiredMaterialSchema),
  materials: Type.Array(MaterialSchema),
  uploads: Type.Array(UploadSchema),
  corrections: Type.Array(CorrectionSchema),
  hearing: Type.Optional(HearingSchema),
  fees: FeesSchema,
  payBefore: Type.Optional(Type.String({ description: 'The step (element id or stage) the fees must be paid before' })),
  coDepartments: Type.Array(CoDepartmentSchema),
  supervision: Type.Array(SupervisionRecordSchema),
  acceptance: Type.Optional(AcceptanceSchema),
  rejection: Type.Optional(RejectionSchema),
  decision: Type.Optional(DecisionSchema),
  concludedAt: Type.Optional(Instant('办结: when the case was concluded')),
  certificate: Type.Optional(CertificateSchema),
  delivery: Type.Optional(DeliverySchema),
  evaluationRequest: Type.Optional(EvaluationRequestSchema),
  evaluation: Type.Optional(EvaluationSchema),
  rectification: Type.Optional(RectificationSchema),
  withdrawal: Type.Optional(WithdrawalSchema),
  revocation: Type.Optional(RevocationSchema),
  handlingCorrection: Type.Optional(HandlingCorrectionSchema),
  openTasks: Type.Array(OpenTaskSchema),
  documents: Type.Array(Type.Object({
    kind: StringEnum(DOCUMENT_KINDS),
    url: Type.String({ description: 'GET it for the printable document (text/html)' }),
  }, { additionalProperties: false }), { description: 'The printable documents the case has' }),
  version: Type.Integer({ description: 'The case\'s event count (for optimistic concurrency)' }),
  createdAt: Instant(),
  updatedAt: Instant(),
}, { additionalProperties: false, description: 'An approval case in detail' });

/** A case in detail, as the server builds it and the console reads it. */
export type CaseDetailBody = Static<typeof CaseDetailSchema>;
