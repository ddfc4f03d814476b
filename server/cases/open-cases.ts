/**
 * The open approval cases: those awaiting acceptance (received, correcting, corrections supplied) and those
 * in handling (accepted, handling, special procedure started or ended), by their SPGL status column. These
 * are the cases whose clocks still run, so a new calendar version must reach them (行政许可法 第82条).
 */
import type { Knex } from 'knex';
import { SPGL } from '../../engine/approval/index.js';

/** SPGL statuses of an open case. */
export const OPEN_STATUSES: readonly string[] = [
  SPGL.received, SPGL.correctionStarted, SPGL.correctionEnded,
  SPGL.accepted, SPGL.handling, SPGL.specialProcedureStarted, SPGL.specialProcedureEnded,
].map(String);

/** Lists the case numbers of the open approval cases, in case-number order. */
export function openCaseLister(knex: Knex): () => Promise<string[]> {
  return async () => {
    const rows: Array<{ case_no: string }> = await knex('approval_cases as a')
      .join('cases as c', 'c.case_no', 'a.case_no')
      .whereIn('c.status', [...OPEN_STATUSES])
      .orderBy('a.case_no')
      .select('a.case_no');
    return rows.map((r) => r.case_no);
  };
}
