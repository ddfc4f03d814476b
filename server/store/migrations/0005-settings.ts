/**
 * `settings`: small facts about the installation that must outlive a process, such as the calendar version
 * the open cases' deadlines were last computed on (so that a node started on a newer calendar recomputes them
 * once, 行政许可法 第82条).
 */
import type { Knex } from 'knex';
import type { NamedMigration } from '../migration-source.js';

export const settingsSchema: NamedMigration = {
  name: '0005-settings',

  async up(knex: Knex): Promise<void> {
    await knex.schema.createTable('settings', (t) => {
      t.string('key', 128).primary();
      t.text('value').notNullable();
      t.timestamp('updated_at', { useTz: true }).notNullable();
    });
  },

  async down(knex: Knex): Promise<void> {
    await knex.schema.dropTable('settings');
  },
};
