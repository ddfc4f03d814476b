/**
 * The events of the event log (`event_log`: one row per command, its events as a JSON array), flattened, for
 * tests that look across cases by event type, which the product only does for the indexed types.
 */
import type { Knex } from 'knex';
import type { CaseEvent } from '../../engine/core/types.js';
import { json } from '../../server/store/rows.js';

/** Every logged event of `caseNos` (all cases when omitted), of `type` when given, in case and log order. */
export async function loggedEvents(knex: Knex, filter: { caseNos?: readonly string[]; type?: string } = {}): Promise<Array<CaseEvent & { caseNo: string }>> {
  const query = knex('event_log').orderBy(['case_no', 'first_seq']).select('case_no', 'payload');
  if (filter.caseNos) query.whereIn('case_no', [...filter.caseNos]);
  const rows = (await query) as Array<{ case_no: string; payload: unknown }>;
  return rows
    .flatMap((r) => (json(r.payload) as unknown as CaseEvent[]).map((e) => ({ ...e, caseNo: r.case_no })))
    .filter((e) => filter.type === undefined || e.type === filter.type);
}
