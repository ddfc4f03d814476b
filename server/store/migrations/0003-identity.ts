/**
 * Identity, sessions, the audit log and the department that owns each deployed definition key.
 * Users are real-name (实名): the name and the last four characters of the ID number are kept, never the
 * full number. The audit log is append-only and hash-chained (see `server/audit/audit-log.ts`).
 */
import type { Knex } from 'knex';
import type { NamedMigration } from '../migration-source.js';

export const identitySchema: NamedMigration = {
  name: '0003-identity',

  async up(knex: Knex): Promise<void> {
    const instant = (t: Knex.CreateTableBuilder, name: string) => t.timestamp(name, { useTz: true });

    await knex.schema.createTable('users', (t) => {
      t.string('id', 64).primary();
      t.string('name', 128).notNullable();
      t.string('id_suffix', 8);
      t.string('department', 128);
      t.json('roles').notNullable();
      // Step roles and candidate groups the user works as (reviewer, chief …).
      t.json('groups').notNullable();
      // `scrypt$N$r$p$salt$hash`: the parameters travel with the hash so they can be raised later.
      t.text('password_hash').notNullable();
      t.boolean('disabled').notNullable().defaultTo(false);
      instant(t, 'created_at').notNullable();
      t.string('created_by', 64);
      t.index(['department']);
    });

    // Opaque bearer tokens: only their SHA-256 is stored, so a copy of the database logs nobody in.
    await knex.schema.createTable('sessions', (t) => {
      t.string('token_hash', 64).primary();
      t.string('user_id', 64).notNullable().references('id').inTable('users');
      instant(t, 'created_at').notNullable();
      instant(t, 'expires_at').notNullable();
      instant(t, 'revoked_at');
      t.index(['user_id']);
    });

    await knex.schema.createTable('audit_log', (t) => {
      t.integer('seq').primary();
      instant(t, 'at').notNullable();
      t.string('actor_id', 64).notNullable();
      t.string('action', 64).notNullable();
      t.string('target', 256).notNullable();
      // The canonical JSON text that was hashed, kept byte for byte.
      t.text('details').notNullable();
      t.string('prev_hash', 64).notNullable();
      t.string('hash', 64).notNullable();
      t.index(['actor_id']);
      t.index(['action']);
    });

    // Which department implements a definition key; its admins alone deploy new versions of it.
    await knex.schema.createTable('definition_departments', (t) => {
      t.string('key', 128).primary();
      t.string('department', 128).notNullable();
      instant(t, 'created_at').notNullable();
    });
  },

  async down(knex: Knex): Promise<void> {
    for (const table of ['definition_departments', 'audit_log', 'sessions', 'users']) await knex.schema.dropTableIfExists(table);
  },
};
