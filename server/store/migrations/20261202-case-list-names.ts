/**
 * `approval_cases.applicant_name`: the applicant's name as they stated it (a person's real name or the
 * enterprise's registered name), so that the case list shows and filters by it instead of the login id.
 * Existing cases take it from their `case.applied` event.
 */
import type { Knex } from 'knex';
import type { NamedMigration } from '../migration-source.js';
import { json } from '../rows.js';

export const caseListNamesSchema: NamedMigration = {
  name: '20261202-case-list-names',

  async up(knex: Knex): Promise<void> {
    await knex.schema.alterTable('approval_cases', (t) => {
      t.string('applicant_name', 256);
    });
    const applied = await knex('events').where({ type: 'case.applied' }).select('case_no', 'payload');
    for (const row of applied as { case_no: string; payload: unknown }[]) {
      const name = (json(row.payload) as { applicant?: { name?: unknown } } | null)?.applicant?.name;
      if (typeof name === 'string') await knex('approval_cases').where({ case_no: row.case_no }).update({ applicant_name: name.slice(0, 256) });
    }
  },

  async down(knex: Knex): Promise<void> {
    await knex.schema.alterTable('approval_cases', (t) => {
      t.dropColumn('applicant_name');
    });
  },
};
