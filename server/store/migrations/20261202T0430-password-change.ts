/**
 * `users.must_change_password`: set when a reform-office admin resets a password to a temporary one, so
 * the user's next session may do nothing but choose their own; `users.password_changed_at` records when a
 * password was last set, for the audit of an account.
 */
import type { Knex } from 'knex';
import type { NamedMigration } from '../migration-source.js';

export const passwordChangeSchema: NamedMigration = {
  name: '20261202T0430-password-change',

  async up(knex: Knex): Promise<void> {
    await knex.schema.alterTable('users', (t) => {
      t.boolean('must_change_password').notNullable().defaultTo(false);
      t.timestamp('password_changed_at', { useTz: true });
    });
  },

  async down(knex: Knex): Promise<void> {
    await knex.schema.alterTable('users', (t) => {
      t.dropColumn('must_change_password');
      t.dropColumn('password_changed_at');
    });
  },
};
