/**
 * The suspension ledger of a case: the special procedures it ran, each with what it pauses. Starting one that
 * stops a clock requires a reason, a basis and an expected duration, because 行政许可法 第45条 requires telling
 * the applicant in writing how long it will take.
 */
import { assertIsoDate } from '../calendar/dates.js';
import type { IsoDate, WorkingCalendar } from '../calendar/types.js';
import { pauseRuleFor, type ClockKind, type ItemPauseOverrides, type SpecialProcedureType } from './special-procedures.js';
import { refused, type Decision, type Limit, type SuspensionSpan } from './types.js';
import { addInUnit } from './units.js';

/** One special procedure in the ledger. GB/T 39046 A.7 kind 2 ("除延长审批之外的情况"). */
export interface SuspensionEntry {
  readonly id: string;
  readonly type: SpecialProcedureType;
  readonly start: IsoDate;
  readonly end?: IsoDate;
  readonly reason?: string;
  /**
   * The code of a reason the engine wrote itself (a hearing requested by a party: `hearing.requested-by`,
   * contracts/messages/timeline.ts) with its parameters, for the pages and notices to word; a reason staff
   * typed has none.
   */
  readonly reasonCode?: string;
  readonly reasonParams?: Readonly<Record<string, string | number>>;
  readonly basis?: string;
  readonly expectedDuration?: Limit;
  /** The expected end told to the applicant: `expectedDuration` after `start`. */
  readonly expectedEnd?: IsoDate;
  /** Which clocks it pauses, fixed when it started. */
  readonly pauses: { readonly statutory: boolean; readonly promised: boolean };
  /** Why it pauses (or not) those clocks. */
  readonly pauseBasis: string;
  /** GB/T 39046 A.7 special procedure kind: 2, "除延长审批之外的情况" (the extension is kind 1). */
  readonly gbKind?: '2';
}

/** A case's special procedures, oldest first. */
export type SuspensionLedger = readonly SuspensionEntry[];

/** A request to start a special procedure. */
export interface StartProcedureRequest {
  readonly id: string;
  readonly type: SpecialProcedureType;
  readonly start: IsoDate;
  readonly reason?: string;
  readonly reasonCode?: string;
  readonly reasonParams?: Readonly<Record<string, string | number>>;
  readonly basis?: string;
  readonly expectedDuration?: Limit;
}

const blank = (s: string | undefined): boolean => s === undefined || s.trim() === '';

/**
 * Starts a special procedure. Refused when the id is taken, or when the procedure pauses a clock and its
 * reason, basis or expected duration is missing (行政许可法 第45条).
 */
export function startSpecialProcedure(
  calendar: WorkingCalendar,
  ledger: SuspensionLedger,
  request: StartProcedureRequest,
  overrides: ItemPauseOverrides = {},
): Decision<{ ledger: SuspensionLedger; entry: SuspensionEntry }> {
  assertIsoDate(request.start, 'the start');
  if (ledger.some((e) => e.id === request.id)) {
    return refused('special-procedure.duplicate', `Expected special procedure id '${request.id}' to be new, but it is in the ledger`);
  }
  const rule = pauseRuleFor(request.type, overrides);
  const missing = [
    blank(request.reason) ? 'reason' : undefined,
    blank(request.basis) ? 'basis' : undefined,
    request.expectedDuration === undefined || request.expectedDuration.value <= 0 ? 'expected duration' : undefined,
  ].filter((m): m is string => m !== undefined);
  if ((rule.statutory || rule.promised) && missing.length > 0) {
    return refused(
      'special-procedure.notice-incomplete',
      `Expected a reason, a basis and an expected duration before starting '${request.type}', which stops the clock ` +
        `(行政许可法第45条: the applicant is told the time needed in writing), but ${missing.join(', ')} missing`,
    );
  }
  const d = request.expectedDuration;
  const entry: SuspensionEntry = {
    id: request.id,
    type: request.type,
    start: request.start,
    ...(request.reason !== undefined ? { reason: request.reason } : {}),
    ...(request.reasonCode !== undefined ? { reasonCode: request.reasonCode, ...(request.reasonParams ? { reasonParams: { ...request.reasonParams } } : {}) } : {}),
    ...(request.basis !== undefined ? { basis: request.basis } : {}),
    ...(d ? { expectedDuration: d, expectedEnd: addInUnit(calendar, request.start, d.value, d.unit) } : {}),
    pauses: { statutory: rule.statutory, promised: rule.promised },
    pauseBasis: rule.basis,
    gbKind: '2',
  };
  return { ok: true, ledger: [...ledger, entry], entry };
}

/** Ends an open special procedure on `end`. Refused for an unknown or ended one, or an end before the start. */
export function endSpecialProcedure(
  ledger: SuspensionLedger,
  id: string,
  end: IsoDate,
): Decision<{ ledger: SuspensionLedger; entry: SuspensionEntry }> {
  assertIsoDate(end, 'the end');
  const entry = ledger.find((e) => e.id === id);
  if (!entry) return refused('special-procedure.unknown', `Expected special procedure '${id}' in the ledger, but it is not`);
  if (entry.end !== undefined) {
    return refused('special-procedure.already-ended', `Expected special procedure '${id}' to be open, but it ended ${entry.end}`);
  }
  if (end < entry.start) {
    return refused('special-procedure.end-before-start', `Expected the end ${end} on or after the start ${entry.start} of '${id}'`);
  }
  const ended: SuspensionEntry = { ...entry, end };
  return { ok: true, ledger: ledger.map((e) => (e.id === id ? ended : e)), entry: ended };
}

/** The suspensions that pause `clock`, for {@link computeDeadline}. */
export function suspensionsFor(ledger: SuspensionLedger, clock: ClockKind): SuspensionSpan[] {
  return ledger.filter((e) => e.pauses[clock]).map((e) => ({ start: e.start, ...(e.end ? { end: e.end } : {}) }));
}

/** The procedures still open. */
export function openProcedures(ledger: SuspensionLedger): SuspensionEntry[] {
  return ledger.filter((e) => e.end === undefined);
}
