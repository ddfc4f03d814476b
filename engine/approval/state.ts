/**
 * The state of an approval case: the BPMN tokens of its process (`engine/core`) and its lifecycle, from
 * application to evaluation. Plain JSON; changed only by `approvalEvolve`.
 */
import type { IsoDate } from '../calendar/types.js';
import type { CompletionAssessment } from '../clocks/completion.js';
import type { GrantedExtension } from '../clocks/extension.js';
import type { Light } from '../clocks/lights.js';
import type { SupervisionRecord } from '../clocks/supervision.js';
import type { SuspensionEntry } from '../clocks/suspension-ledger.js';
import type { Deadline } from '../clocks/types.js';
import { initialState, type CaseState } from '../core/index.js';
import type { Seal, Variables } from '../core/types.js';
import type { EvaluationGrade } from './evaluation.js';
import type { ItemSnapshot } from './item-snapshot.js';
import type { SpglStatus } from './status.js';
import type { CopyRecord, UrgeRecord } from './task-notes.js';

/**
 * What an application brings: the case number, the item version's snapshot, who applied and how, the facts,
 * the materials and what the rules required of them. Carried by `case.apply` and recorded by `case.applied`.
 */
export interface Application {
  caseNo: string;
  item: ItemSnapshot;
  channel: Channel;
  applicant: Applicant;
  agent?: Agent;
  facts: Variables;
  materials: MaterialRef[];
  requiredMaterials: RequiredMaterial[];
  fees: Omit<FeeRecord, 'payments'>;
}

/** How the application came in: online, entered at a window by a clerk, or by an agent. */
export type Channel = 'online' | 'window' | 'agent';

/** The applicant (申请人): a real-name person or an organisation. */
export interface Applicant {
  id: string;
  name: string;
  /** NATURAL_PERSON, ENTERPRISE, INDIVIDUAL_BUSINESS, OTHER_ORG … */
  kind: string;
  /** The ID document type of `idNumber` (RESIDENT_ID, USCC …). */
  idType?: string;
  idNumber?: string;
  phone?: string;
  address?: string;
}

/** An agent (代理人) applying for the applicant. */
export interface Agent {
  id: string;
  name: string;
  idType?: string;
  idNumber?: string;
  /** The material id of the power of attorney (授权委托书) the agent presented. */
  mandate?: string;
}

/**
 * A material: an uploaded file (with checksum, size and type) or a certificate issued by another
 * department, referenced through the certificate library and never re-submitted.
 */
export type MaterialRef =
  | { material: string; kind: 'upload'; name: string; ref: string; sha256: string; size: number; contentType: string }
  | { material: string; kind: 'shared'; certificate: { type: string; number: string; issuer: string } };

/** A material the materials table requires for this application. */
export interface RequiredMaterial {
  material: string;
  name: string;
  form: string;
  copies: number;
  /** May be supplied after acceptance (容缺后补). */
  deferrable: boolean;
}

/** One line of a correction notice or of a non-acceptance decision: what, why, and the legal basis. */
export interface NoticeItem {
  code: string;
  reason: string;
  basis: string | null;
}

/** A correction notice (一次性补正告知书) and when it was answered. */
export interface CorrectionRecord {
  no: number;
  issuedAt: string;
  issuedOn: IsoDate;
  items: NoticeItem[];
  kind: 'first' | 'reminder' | 'second';
  by: string;
  suppliedAt?: string;
}

/** The running pre-acceptance window of 行政许可法 第32条. */
export interface PreAcceptanceWindow {
  /** The receipt the window counts from: the application, or the supply of corrections. */
  start: string;
  deadline: Deadline;
  timerId: string;
}

/** The acceptance (受理), real or deemed by 第32条 and back-dated to the receipt. */
export interface AcceptanceRecord {
  acceptedAt: string;
  acceptedOn: IsoDate;
  deemed: boolean;
  by: string;
  /** Materials accepted for later supply (容缺后补). */
  deferred: string[];
}

/** The computed deadlines of a case, each recording its calendar version and basis. */
export interface CaseDeadlines {
  statutory: Deadline;
  promised: Deadline;
  /** Joint approval: each co-department's own deadline. */
  departments: Record<string, Deadline>;
  /** 行政许可法 第44条: issue and deliver within the limit from the decision. */
  delivery?: Deadline;
  /** Steps with their own limit (e.g. the lower-level review of 第43条), by step. */
  steps?: Record<string, Deadline>;
}

/** A run of a step with its own clock (`ItemSnapshot.stepLimits`), from its task's creation to its end. */
export interface StepClockRecord {
  step: string;
  taskId: string;
  department?: string;
  startedAt: string;
  /** When its task was completed or cancelled. */
  endedAt?: string;
}

/** The outcome of a decision; a joint approval with some refusals is partially refused (部分不予许可). */
export type Outcome = 'approved' | 'refused' | 'partially-refused';

/** A co-department's branch of a joint approval. */
export interface CoDepartmentRecord {
  department: string;
  taskId: string;
  startedAt: string;
  completedAt?: string;
  outcome?: 'approved' | 'refused';
  opinion?: string;
  /** The signers of the department's 会签 who signed before the last one did. */
  votes?: { outcome: 'approved' | 'refused'; opinion?: string }[];
}

/**
 * A 驳回 to the applicant during handling: a correction told once (一次性告知), recorded in the ledger as an
 * APPLICANT_RECTIFY procedure (which counts toward the limits unless the item's regulation says otherwise).
 */
export interface HandlingCorrection {
  /** The rejecting task and its step. */
  taskId: string;
  el: string;
  reason: string;
  resume: 'through' | 'back-to-me';
  /** The ledger entry of the correction. */
  procedureId: string;
  /** Where handling starts again on resubmission with `through`: the first step the case passed. */
  restartAt?: string;
  requestedOn: string;
  resubmittedOn?: string;
}

/** The decision (决定). Timing stops here. */
export interface DecisionRecord {
  outcome: Outcome;
  decidedAt: string;
  decidedOn: IsoDate;
  by: string;
  opinion?: string;
  promised: CompletionAssessment;
  statutory: CompletionAssessment;
}

/** An issued certificate, pushed to the certificate library. */
export interface CertificateRecord {
  number: string;
  name: string;
  holder: string;
  issuer: string;
  issuedAt: string;
  validFrom: IsoDate;
  validUntil?: IsoDate;
  /** The issuing department's e-seal over `certificateText` (see `certificate.ts`). */
  seal: CertificateSeal;
}

/**
 * The seal of a certificate: signed by the issuer's key (`e-seal`); `unsealed` when the runtime had no key
 * service (engine tests); `e-seal-placeholder` on certificates recorded before Shenpi signed them.
 */
export type CertificateSeal =
  | ({ kind: 'e-seal'; signedAt: string } & Seal)
  | { kind: 'unsealed'; holder: string }
  | { kind: 'e-seal-placeholder'; holder: string };

/** How the result reached the applicant. */
export interface DeliveryRecord {
  method: 'pickup' | 'express' | 'online';
  trackingNumber?: string;
  carrier?: string;
  at: string;
  onTime: boolean;
}

/** Fees due and payments received. */
export interface FeeRecord {
  total: number;
  items: { item: string; amount: number; basis: string | null }[];
  payments: { amount: number; reference: string; at: string; by: string }[];
}

/**
 * A hearing on request (行政许可法 第47条, 第48条): the parties told of the right, the request within the
 * window, the notice of time and place, the hearing held. Its time is a HEARING special procedure (第45条).
 */
export interface HearingRecord {
  notifiedAt: string;
  notifiedOn: IsoDate;
  by: string;
  /** Why the decision may be subject to a hearing (重大利益关系), and the legal basis. */
  reason: string;
  basis: string;
  /** Interested parties (利害关系人) told of the right besides the applicant, by id. */
  parties: string[];
  /** The last day to request the hearing (第47条). */
  requestBy: Deadline;
  requestedAt?: string;
  requestedBy?: string;
  /** The last day to hold the hearing, from the request (第47条). */
  holdBy?: Deadline;
  /** The HEARING special procedure that keeps the hearing's time out of the limit (第45条). */
  procedureId?: string;
  /** Notices of time and place, the last one in force (第48条); a new notice reschedules. */
  notices: { noticeOn: IsoDate; day: IsoDate; time?: string; place: string; by: string }[];
  heldAt?: string;
  heldOn?: IsoDate;
  /** A summary of the hearing record (听证笔录). */
  record?: string;
  /** Whether it was held by `holdBy`. */
  onTime?: boolean;
  /** Who waived the right (放弃听证), by id; once everyone entitled has, no request can come. */
  waivedBy?: string[];
  /** A requested hearing ended without being held, and why. */
  endedOn?: IsoDate;
  endReason?: string;
}

/** Where the lifecycle stands. */
export type Phase = 'received' | 'correcting' | 'handling' | 'concluded' | 'rejected' | 'withdrawn' | 'revoked';

/** The lifecycle part of a case. */
export interface ApprovalState {
  caseNo: string;
  status: SpglStatus;
  phase: Phase;
  item: ItemSnapshot;
  channel: Channel;
  applicant: Applicant;
  agent?: Agent;
  facts: Variables;
  receivedAt: string;
  receivedOn: IsoDate;
  window?: PreAcceptanceWindow;
  /** How many pre-acceptance windows were opened (the timer ids count with it). */
  windows: number;
  requiredMaterials: RequiredMaterial[];
  materials: MaterialRef[];
  corrections: CorrectionRecord[];
  acceptance?: AcceptanceRecord;
  rejection?: { at: string; on: IsoDate; by: string; reasons: NoticeItem[] };
  ledger: SuspensionEntry[];
  extension?: GrantedExtension;
  hearing?: HearingRecord;
  deadlines?: CaseDeadlines;
  coDepartments: CoDepartmentRecord[];
  /** Runs of the steps with their own clock, oldest first. */
  steps?: StepClockRecord[];
  decision?: DecisionRecord;
  concludedAt?: string;
  certificate?: CertificateRecord;
  delivery?: DeliveryRecord;
  fees: FeeRecord;
  /** The invitation to evaluate, sent at 办结 (好差评); open until `evaluation` is given. */
  evaluationRequest?: { requestedAt: string; grades: EvaluationGrade[] };
  evaluation?: { grade: number; comment?: string; at: string; by: string };
  rectification?: { openedAt: string; due: Deadline; completedAt?: string; note?: string };
  withdrawal?: { at: string; by: string; reason: string };
  revocation?: { at: string; by: string; reason: string; basis: string };
  supervision: SupervisionRecord[];
  /** 催办 of the case's tasks, oldest first (counted in supervision). */
  urges?: UrgeRecord[];
  /** 驳回 to the applicant during handling: the one correction asked for, and whether it was supplied. */
  handlingCorrection?: HandlingCorrection;
  /** 抄送: who was given a read-only copy, oldest first. */
  copies?: CopyRecord[];
  /** The staff member who entered a window application (the starter who may withdraw it, 撤回). */
  starter?: string;
  /** The case light as last evaluated (on the day of `lastAt`). */
  light?: Light;
  /** The instant of the last event. */
  lastAt: string;
}

/** A whole approval case: BPMN tokens and lifecycle. `approval` is null before `case.apply`. */
export interface ApprovalCaseState {
  process: CaseState;
  approval: ApprovalState | null;
}

/** The state before `case.apply`: the starting point of `approvalReplay`. */
export function initialApprovalState(): ApprovalCaseState {
  return { process: initialState(), approval: null };
}
