/**
 * `copy_reads`: when a recipient opened a copy (抄送) given to them or their department, one row per
 * recipient and copy (the `task.copied` event, by case number and sequence), so 抄送我的 shows it read.
 */
import type { Knex } from 'knex';
import type { NamedMigration } from '../migration-source.js';

export const copyReadsSchema: NamedMigration = {
  name: '20261202T1710-copy-reads',

  async up(knex: Knex): Promise<void> {
    await knex.schema.createTable('copy_reads', (t) => {
      t.string('user_id', 64).notNullable();
      t.string('case_no', 64).notNullable();
      t.integer('seq').notNullable();
      t.timestamp('read_at', { useTz: true }).notNullable();
      t.primary(['user_id', 'case_no', 'seq']);
    });
  },

  async down(knex: Knex): Promise<void> {
    await knex.schema.dropTableIfExists('copy_reads');
  },
};
