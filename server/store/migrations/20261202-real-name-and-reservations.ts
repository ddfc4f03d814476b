/**
 * The real-name record of a user (实名: name, ID type, ID number), from which an online application takes
 * the applicant's identity, and the item codes the reform office reserves for a department before the
 * department may deploy the item (事项目录由审改办统一管理).
 */
import type { Knex } from 'knex';
import type { NamedMigration } from '../migration-source.js';

export const realNameAndReservationsSchema: NamedMigration = {
  name: '20261202-real-name-and-reservations',

  async up(knex: Knex): Promise<void> {
    await knex.schema.alterTable('users', (t) => {
      // RESIDENT_ID (居民身份证), USCC (统一社会信用代码), PASSPORT …; both null when the account has no record.
      t.string('id_type', 32);
      t.string('id_number', 64);
    });
    await knex.schema.createTable('item_reservations', (t) => {
      t.string('code', 128).primary();
      t.string('department', 256).notNullable();
      t.string('name', 256);
      t.string('reserved_by', 64).notNullable();
      t.timestamp('reserved_at', { useTz: true }).notNullable();
      t.index(['department']);
    });
  },

  async down(knex: Knex): Promise<void> {
    await knex.schema.dropTable('item_reservations');
    await knex.schema.alterTable('users', (t) => {
      t.dropColumn('id_type');
      t.dropColumn('id_number');
    });
  },
};
