/**
 * The organisation of a three-level platform (市、县、乡): regions with their administrative division codes
 * (GB/T 2260 for the city and county, the statistical division code's nine digits for a township or street),
 * the service centre of each region (政务服务中心 / 便民服务中心), departments under a region, positions within a
 * department (科员, 科长, 分管领导, 负责人) with the position each reports to, and the users holding them.
 * `users.region_code` places the staff of a service centre (the reform office, supervision) at their level.
 */
import type { Knex } from 'knex';
import type { NamedMigration } from '../migration-source.js';

export const organisationSchema: NamedMigration = {
  name: '20261202T0900-organisation',

  async up(knex: Knex): Promise<void> {
    const instant = (t: Knex.CreateTableBuilder, name: string) => t.timestamp(name, { useTz: true });
    await knex.schema.createTable('regions', (t) => {
      t.string('code', 12).primary();
      t.string('name', 64).notNullable();
      // city | county | township
      t.string('level', 16).notNullable();
      t.string('parent_code', 12);
      // The region's service centre, which receives applications and supervises the region's steps.
      t.string('centre', 128).notNullable();
      t.boolean('disabled').notNullable().defaultTo(false);
      instant(t, 'created_at').notNullable();
      t.string('created_by', 64);
      t.index(['parent_code']);
    });
    await knex.schema.createTable('departments', (t) => {
      // The name the definitions and users spell the department by (`approval:department`).
      t.string('id', 128).primary();
      t.string('name', 128).notNullable();
      t.string('region_code', 12).notNullable();
      t.boolean('disabled').notNullable().defaultTo(false);
      instant(t, 'created_at').notNullable();
      t.string('created_by', 64);
      t.index(['region_code']);
    });
    await knex.schema.createTable('positions', (t) => {
      t.string('id', 64).primary();
      t.string('department', 128).notNullable();
      // clerk (科员) | section-chief (科长) | deputy-head (分管领导) | head (负责人)
      t.string('kind', 32).notNullable();
      t.string('name', 128).notNullable();
      // The position this one reports to: the next link of the leader chain (逐级审批).
      t.string('leader', 64);
      t.boolean('disabled').notNullable().defaultTo(false);
      instant(t, 'created_at').notNullable();
      t.string('created_by', 64);
      t.index(['department']);
    });
    await knex.schema.createTable('position_holders', (t) => {
      t.string('position_id', 64).notNullable();
      t.string('user_id', 64).notNullable();
      instant(t, 'since').notNullable();
      t.primary(['position_id', 'user_id']);
      t.index(['user_id']);
    });
    await knex.schema.alterTable('users', (t) => {
      t.string('region_code', 12);
    });
  },

  async down(knex: Knex): Promise<void> {
    await knex.schema.alterTable('users', (t) => t.dropColumn('region_code'));
    for (const table of ['position_holders', 'positions', 'departments', 'regions']) await knex.schema.dropTableIfExists(table);
  },
};
