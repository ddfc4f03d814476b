/**
 * The early-warning light is `yellow` (红黄绿灯), no longer `blue`: the cases' light column and the light in
 * each stored state snapshot are renamed. The event log is left as written; `light.changed` v1 events are
 * raised to the new name when read (engine/approval/upcasters.ts).
 */
import type { Knex } from 'knex';
import type { NamedMigration } from '../migration-source.js';
import { json, toJson } from '../rows.js';

const rename = async (knex: Knex, from: string, to: string): Promise<void> => {
  const rows: { case_no: string; state: unknown }[] = await knex('cases').where({ light: from }).select('case_no', 'state');
  for (const row of rows) {
    const state = json(row.state) as { approval?: { light?: string } };
    if (state.approval?.light === from) state.approval.light = to;
    await knex('cases').where({ case_no: row.case_no }).update({ light: to, state: toJson(state) });
  }
};

export const yellowLightSchema: NamedMigration = {
  name: '20261202T1700-yellow-light',

  async up(knex: Knex): Promise<void> {
    await rename(knex, 'blue', 'yellow');
  },

  async down(knex: Knex): Promise<void> {
    await rename(knex, 'yellow', 'blue');
  },
};
