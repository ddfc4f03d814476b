/**
 * `locality_settings`: the settings a locality owns (counting policy, business hours, local closures and extra
 * working days, the supervision response limit, the light thresholds), one row per version, never updated:
 * each change by the reform office inserts the next version, so every deadline can name the version it was
 * counted under.
 */
import type { Knex } from 'knex';
import type { NamedMigration } from '../migration-source.js';

export const localitySettingsSchema: NamedMigration = {
  name: '20261202T0910-locality-settings',

  async up(knex: Knex): Promise<void> {
    await knex.schema.createTable('locality_settings', (t) => {
      t.integer('version').primary();
      t.text('settings').notNullable();
      t.text('reason').notNullable();
      t.string('changed_by', 128).notNullable();
      t.timestamp('changed_at', { useTz: true }).notNullable();
    });
  },

  async down(knex: Knex): Promise<void> {
    await knex.schema.dropTable('locality_settings');
  },
};
