/**
 * `calendar_years`: the State Council holiday arrangements the reform office loaded through the API, one row
 * per year (a corrected notice replaces its year's row), laid over the arrangements the `chinese-days`
 * package carries, so a node that starts counts on every year loaded before.
 */
import type { Knex } from 'knex';
import type { NamedMigration } from '../migration-source.js';

export const calendarYearsSchema: NamedMigration = {
  name: '20261202T1700-calendar-years',

  async up(knex: Knex): Promise<void> {
    await knex.schema.createTable('calendar_years', (t) => {
      t.integer('year').primary();
      t.text('holidays').notNullable();
      t.text('make_up_days').notNullable();
      // The notice the dates come from (国办发明电〔…〕…号), as the reform office names it.
      t.string('notice', 256).notNullable();
      t.string('loaded_by', 128).notNullable();
      t.timestamp('loaded_at', { useTz: true }).notNullable();
    });
  },

  async down(knex: Knex): Promise<void> {
    await knex.schema.dropTable('calendar_years');
  },
};
