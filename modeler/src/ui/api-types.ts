/**
 * The shapes of the case-level API as the console and the portal read them. Only the fields the pages show
 * are declared; every one the server may leave out is optional, so a page shows '—' rather than failing. The
 * case detail and the clocks come from the contract (`contracts/api/`), which the server's routes use too.
 */
import type { CaseDetailBody, CaseRowView, ClockLightView as ContractClockLight, DeadlineView, ItemRowView, TaskRowView, TimelineEntryView } from '../../../contracts/api/index.js';

/**
 * The light of one clock with its reason (`lights` of a case, `light` of a task, `clocks` of the lights
 * overview): the contract's, with the case it belongs to in the overview.
 */
export type ClockLightView = ContractClockLight & {
  /** In the overview: the case it belongs to. */
  caseNo?: string;
  itemName?: string;
  itemCode?: string;
};

/** A task of the inbox (GET /api/tasks), as the contract describes it. */
export type TaskRow = TaskRowView;

/** A case of a query (GET /api/cases), as the contract describes it. */
export type CaseRow = CaseRowView;

/** A deadline as the clocks compute it: its legal day and the instant it ends (the contract's). */
export type { DeadlineView };

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

/**
 * One line of a case's timeline (GET /api/cases/:caseNo/timeline), as the contract describes it: the detail
 * and the engine's explanation by code with parameters, worded from the shared dictionary.
 */
export type TimelineRow = TimelineEntryView;

/** The answer of GET /api/cases/:caseNo, as the contract describes it. */
export type { CaseDetailBody };

/** An open task of a case detail, with the light of the clock that supervises it. */
export type OpenTaskView = CaseDetailBody['openTasks'][number];

/**
 * A case in detail as the pages read it: the answer of GET /api/cases/:caseNo (`CaseDetailBody`) with its
 * clocks spread out (`deadlines`, `window`, `ledger`, `extension`), the item named, the documents by kind and
 * the server's business clock (see `caseDetail` of the console's case page).
 */
export type CaseDetail = Omit<CaseDetailBody, 'documents'> & {
  item: { code: string; name: string; department: string };
  deadlines: { statutory?: DeadlineView; promised?: DeadlineView; delivery?: DeadlineView; departments?: Record<string, DeadlineView> };
  window?: { start: string; deadline: DeadlineView };
  /** Special procedures (suspensions), oldest first; `pauses` tells which clocks each stops. */
  ledger: CaseDetailBody['clocks']['suspensions'];
  /** The one extension (行政许可法 第42条). */
  extension?: NonNullable<CaseDetailBody['clocks']['extension']>;
  /** The server's business clock when the page was read (for the steps' lights). */
  now?: string;
  documents: string[];
};

/** A published item of the catalogue (GET /api/items), as the contract describes it. */
export type ItemRow = ItemRowView;

/** A page of a list (GET /api/cases): the rows and how many match in all. */
export interface Paged<R> {
  total: number;
  items: R[];
}
