/**
 * The shapes of the case-level API as the console and the portal read them. Only the fields the pages show
 * are declared; every one the server may leave out is optional, so a page shows '—' rather than failing.
 */

/**
 * The light of one clock with its reason (`lights` of a case, `light` of a task, `clocks` of the lights
 * overview): the promised, statutory, a step's, a co-department's or a task's own limit.
 */
export interface ClockLightView {
  /** `promised`, `statutory`, `step:<id>`, `co-department:<dept>` or `task:<task id>`. */
  clock: string;
  kind: 'promised' | 'statutory' | 'step' | 'co-department' | 'task';
  light: string;
  department?: string;
  /** The last day of the limit, and the instant it ends (24:00 written as the next day's 00:00, or closing). */
  due: string;
  dueAt: string;
  elapsed: number;
  limit: number;
  remaining: number;
  unit?: string;
  article?: string;
  elementId?: string;
  /** The step's name, when one of its tasks is open. */
  name?: string;
  completed?: boolean;
  overdue?: boolean;
  reason: { code: string; endsAt: string; warnAtPercent: number; warnWhenDaysLeft?: number };
  /** In the overview: the case it belongs to. */
  caseNo?: string;
  itemName?: string;
  itemCode?: string;
}

/** A task of the inbox (GET /api/tasks). */
export interface TaskRow {
  caseNo: string;
  taskId: string;
  elementId: string;
  name?: string;
  department?: string;
  role?: string;
  stage?: string;
  assignee?: string;
  /** The assignee's real name (the server adds it), shown instead of the id. */
  assigneeName?: string;
  ownerName?: string;
  dueAt?: string;
  status: string;
  createdAt: string;
  completedAt?: string;
  /** The clock that supervises the step, read by the server on its business clock. */
  light?: ClockLightView;
}

/** A case of a query (GET /api/cases). */
export interface CaseRow {
  caseNo: string;
  itemCode?: string;
  itemName?: string;
  status?: number | string;
  phase?: string;
  light?: string;
  department?: string;
  stage?: string;
  applicant?: string | { name?: string };
  /** The name the applicant stated. */
  applicantName?: string;
  receivedAt?: string;
  statutoryDeadline?: string;
  promisedDeadline?: string;
  overdue?: boolean;
}

/** A deadline as the clocks compute it. */
export interface DeadlineView {
  date: string;
  instant?: string;
  unit?: string;
  value?: number;
  provisional?: boolean;
  basis?: { article?: string; suspendedDays?: number; extension?: { value: number; unit: string }; endOfDay?: 'midnight' | 'office-closing'; policy?: string };
}

/** One line of a notice: what, why, and the basis. */
export interface NoticeLine {
  code: string;
  reason: string;
  basis?: string | null;
}

/** A material on file: an upload or a shared certificate. */
export interface MaterialView {
  material: string;
  kind?: string;
  name?: string;
  size?: number;
  contentType?: string;
  certificate?: { type: string; number: string; issuer: string };
}

/** One line of a case's timeline (GET /api/cases/:caseNo/timeline). */
export interface TimelineRow {
  seq: number;
  at: string;
  actor: string;
  what: string;
  detail?: string;
  why?: string;
  /** The code of the engine's own explanation, worded from the shared dictionary. */
  whyCode?: string;
  whyParams?: Record<string, string | number>;
  status?: number;
}

/** A case in detail (GET /api/cases/:caseNo): the lifecycle fields the case page shows. */
export interface CaseDetail {
  caseNo: string;
  itemCode?: string;
  itemVersion?: number;
  status?: number;
  phase?: string;
  light?: string;
  item?: { code?: string; name?: string; department?: string };
  /** The implementing department: on a joint case the lead (主办) that accepts and hands out the result. */
  department?: string;
  applicant?: { id?: string; name?: string; kind?: string; idType?: string; idSuffix?: string };
  channel?: string;
  receivedAt?: string;
  requiredMaterials?: { material: string; name: string; form?: string; copies?: number; deferrable?: boolean }[];
  materials?: MaterialView[];
  corrections?: { no: number; issuedAt: string; items: NoticeLine[]; suppliedAt?: string; by?: string }[];
  acceptance?: { acceptedAt: string; deemed?: boolean; by?: string };
  rejection?: { at: string; reasons: NoticeLine[] };
  deadlines?: { statutory?: DeadlineView; promised?: DeadlineView; delivery?: DeadlineView; departments?: Record<string, DeadlineView> };
  window?: { start: string; deadline: DeadlineView };
  /** Special procedures (suspensions), oldest first; `pauses` tells which clocks each stops. */
  ledger?: { id: string; type: string; start: string; end?: string; reason?: string; basis?: string; expectedEnd?: string; pauses?: { statutory: boolean; promised: boolean }; pauseBasis?: string }[];
  /** The one extension (行政许可法 第42条). */
  extension?: { extension: { value: number; unit: string }; approvedBy?: string; reason: string; at: string; article?: string };
  decision?: { outcome: string; decidedAt: string; by?: string; opinion?: string };
  certificate?: { number: string; name?: string; issuedAt?: string };
  fees?: { total: number; items?: { item: string; amount: number; basis?: string | null }[]; payments?: { amount: number; reference: string; at: string }[] };
  evaluation?: { grade: number; comment?: string; at: string };
  /** The invitation to evaluate that 办结 sends (好差评), with the five grades. */
  evaluationRequest?: { requestedAt: string; grades: unknown[] };
  concludedAt?: string;
  openTasks?: { taskId: string; elementId?: string; stage?: string; name?: string; department?: string; assignee?: string; dueAt?: string; light?: ClockLightView }[];
  /** Every clock's light with its reason (promised, statutory, each step, co-department and task). */
  lights?: ClockLightView[];
  /** The counting policy the case counts under (C1, C2) and the locality settings version it took. */
  countingPolicy?: string;
  localSettingsVersion?: number;
  /** The server's business clock when the page was read (for the steps' lights). */
  now?: string;
  documents?: string[];
}

/** A published item of the catalogue (GET /api/items). */
export interface ItemRow {
  code: string;
  name?: string;
  department?: string;
  implementingBody?: { name?: string } | string;
  type?: string;
  caseType?: string;
  statutoryLimit?: { value: number; unit: string };
  promisedLimit?: { value: number; unit: string };
}

/** A page of a list (GET /api/cases): the rows and how many match in all. */
export interface Paged<R> {
  total: number;
  items: R[];
}
