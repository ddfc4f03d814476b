/**
 * `approval_case_departments`: the departments that work on an approval case from its application — the
 * implementing body and each co-department of a joint approval (并联审批) — one row per case and department,
 * so the case list finds a joint case by a co-department before its branch has a task, as opening the case
 * by its number does (分级监管 agrees in the list and on one case). Existing cases take them from their
 * `case.applied` event.
 */
import type { Knex } from 'knex';
import type { NamedMigration } from '../migration-source.js';
import { json } from '../rows.js';

type Applied = { item?: { department?: unknown; joint?: { coDepartments?: Array<{ department?: unknown }> } } } | null;

export const caseDepartmentsSchema: NamedMigration = {
  name: '20261203T1430-case-departments',

  async up(knex: Knex): Promise<void> {
    await knex.schema.createTable('approval_case_departments', (t) => {
      t.string('case_no', 64).notNullable().references('case_no').inTable('cases');
      t.string('department', 256).notNullable();
      t.primary(['case_no', 'department']);
      t.index(['department']);
    });
    const applied = await knex('events').where({ type: 'case.applied' }).select('case_no', 'payload');
    for (const row of applied as { case_no: string; payload: unknown }[]) {
      const item = (json(row.payload) as Applied)?.item;
      const named = [item?.department, ...(item?.joint?.coDepartments ?? []).map((c) => c.department)];
      const departments = [...new Set(named.filter((d): d is string => typeof d === 'string' && d !== ''))];
      for (const department of departments) await knex('approval_case_departments').insert({ case_no: row.case_no, department }).onConflict(['case_no', 'department']).ignore();
    }
  },

  async down(knex: Knex): Promise<void> {
    await knex.schema.dropTableIfExists('approval_case_departments');
  },
};
