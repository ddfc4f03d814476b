/**
 * `tasks.candidates`: the users a step's candidate rule resolved to when its task opened (JSON list, null
 * for a step without a rule), so the inbox and the operations hold the step to them.
 */
import type { Knex } from 'knex';
import type { NamedMigration } from '../migration-source.js';

export const taskCandidatesSchema: NamedMigration = {
  name: '20261202T0950-task-candidates',

  async up(knex: Knex): Promise<void> {
    await knex.schema.alterTable('tasks', (t) => {
      t.json('candidates');
    });
  },

  async down(knex: Knex): Promise<void> {
    await knex.schema.alterTable('tasks', (t) => t.dropColumn('candidates'));
  },
};
