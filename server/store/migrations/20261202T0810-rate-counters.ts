/**
 * `rate_counters`: the login throttle's counters (failed logins per account, requests per client address
 * and route), in the database so that every node of a cluster on one PostgreSQL counts the same attempts.
 * One row per key and fixed window; `expires_at` (epoch ms) lets old rows be pruned.
 */
import type { Knex } from 'knex';
import type { NamedMigration } from '../migration-source.js';

export const rateCountersSchema: NamedMigration = {
  name: '20261202T0810-rate-counters',

  async up(knex: Knex): Promise<void> {
    await knex.schema.createTable('rate_counters', (t) => {
      t.string('key', 400).primary();
      t.bigInteger('window_start').notNullable();
      t.bigInteger('expires_at').notNullable().index();
      t.integer('count').notNullable();
    });
  },

  async down(knex: Knex): Promise<void> {
    await knex.schema.dropTable('rate_counters');
  },
};
