/** The inputs and results of `CaseService` (what the HTTP routes pass in and send back). */
import type { DOCUMENT_KINDS } from '../../contracts/api/case-detail.js';
import type { Agent, ApprovalState, Applicant, Channel, NoticeItem, TimelineEntry } from '../../engine/approval/index.js';
import type { Actor, CaseEvent, Json, TaskInfo, Variables } from '../../engine/core/types.js';
import type { CaseSummary } from '../../engine/runtime/ports.js';
import type { ItemDefinition } from '../../definitions/items/index.js';

/** A material as the applicant gives it: an uploaded file, or a certificate another department issued. */
export type MaterialInput =
  | { material: string; file: { name: string; contentType?: string; bytes: Uint8Array } }
  | { material: string; shared: { type: string; number: string; issuer: string } }
  /** A file already in the file storage (uploaded to the case earlier), handed over by its reference. */
  | { material: string; stored: { name: string; ref: string; sha256: string; size: number; contentType: string } };

/** An application. */
export interface ApplyInput {
  itemCode: string;
  channel: Channel;
  applicant: Applicant;
  agent?: Agent;
  facts: Variables;
  materials: MaterialInput[];
  /** The applicant, or the clerk entering a window application. */
  actor: Actor;
  /** The item's current version, when the caller has just read it (else the service reads it). */
  item?: ItemDefinition;
}

/** A refusal: the aggregate's or the core's codes, or the service's own (ITEM_NOT_AVAILABLE, FACTS_INVALID, UNKNOWN_MATERIAL, CASE_NOT_FOUND). */
export interface ServiceRefusal {
  code: string;
  message: string;
  details?: Record<string, Json>;
}

/** The result of a command: the case's SPGL status and the events it added, plus `extra`, or a refusal. */
export type ServiceResult<T extends object = object> =
  | ({ ok: true; caseNo: string; status: number; events: CaseEvent[] } & T)
  | { ok: false; caseNo: string; refusal: ServiceRefusal };

/** What `getCase` shows. */
export interface CaseView {
  caseNo: string;
  itemCode: string;
  itemVersion: number;
  summary: CaseSummary;
  lifecycle: ApprovalState;
  openTasks: TaskInfo[];
}

/** What `recalculateOpenCases` did on a calendar version. */
export interface RecalculationReport {
  calendarVersion: string;
  /** Open cases looked at. */
  checked: number;
  /** Cases with at least one changed deadline. */
  changed: number;
  /** `deadline.recalculated` events recorded. */
  recorded: number;
  /** Cases whose command was refused or lost every race; the next run tries again. */
  failed: { caseNo: string; code: string; message: string }[];
}

/** How the open cases stand against the service's calendar (`calendarReach`). */
export interface CalendarReach {
  calendarVersion: string;
  open: number;
  /** Open cases with a running deadline on provisional days (beyond the official data). */
  provisional: number;
}

/** The printable documents of a case. */
export type DocumentKind = (typeof DOCUMENT_KINDS)[number];

export type { NoticeItem, TimelineEntry };
