/**
 * Supervision records name their case `caseNo` and the instant their answer is due `responseDueAt`, as the
 * case and the notices' API do: the records kept in each state snapshot are renamed. The event log is left
 * as written; `supervision.recorded` v1 events are raised to the new names when read
 * (engine/approval/upcasters.ts).
 */
import type { Knex } from 'knex';
import type { NamedMigration } from '../migration-source.js';
import { json, toJson } from '../rows.js';

type Names = { caseNo: string; due: string };
const OLD: Names = { caseNo: 'caseId', due: 'responseDueInstant' };
const NEW: Names = { caseNo: 'caseNo', due: 'responseDueAt' };

const rename = async (knex: Knex, from: Names, to: Names): Promise<void> => {
  // Only snapshots holding a record under the old names; the filter is a text match on both drivers.
  const rows: { case_no: string; state: unknown }[] = await knex('cases')
    .whereRaw(knex.client.config.client === 'pg' ? 'state::text like ?' : 'state like ?', [`%"${from.due}"%`]).select('case_no', 'state');
  for (const row of rows) {
    const state = json(row.state) as { approval?: { supervision?: Record<string, unknown>[] } };
    const records = state.approval?.supervision;
    if (!records) continue;
    state.approval!.supervision = records.map(({ [from.caseNo]: caseNo, [from.due]: due, ...rest }) => ({ ...rest, [to.caseNo]: caseNo, [to.due]: due }));
    await knex('cases').where({ case_no: row.case_no }).update({ state: toJson(state) });
  }
};

export const supervisionRecordNamesSchema: NamedMigration = {
  name: '20261202T1730-supervision-record-names',

  async up(knex: Knex): Promise<void> {
    await rename(knex, OLD, NEW);
  },

  async down(knex: Knex): Promise<void> {
    await rename(knex, NEW, OLD);
  },
};
