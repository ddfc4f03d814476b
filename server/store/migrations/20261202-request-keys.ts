/**
 * `request_keys`: the `Idempotency-Key` of each mutating request, scoped to the caller, the route and the
 * resource (`scope_hash`), with the hash of the body it came with and, once answered, the answer itself.
 * `owner` is the attempt that reserved it; `committed_at` is set in the transaction of the command the
 * request carried out (see `server/store/request-keys.ts`).
 */
import type { Knex } from 'knex';
import type { NamedMigration } from '../migration-source.js';

export const requestKeysSchema: NamedMigration = {
  name: '20261202-request-keys',

  async up(knex: Knex): Promise<void> {
    await knex.schema.createTable('request_keys', (t) => {
      t.string('scope_hash', 64).notNullable();
      t.string('key', 200).notNullable();
      t.string('user_id', 64).notNullable();
      t.string('route', 256).notNullable();
      t.string('body_hash', 64).notNullable();
      t.string('owner', 64).notNullable();
      t.timestamp('reserved_at', { useTz: true }).notNullable();
      t.timestamp('committed_at', { useTz: true });
      t.integer('status');
      t.string('content_type', 128);
      t.text('response');
      t.timestamp('answered_at', { useTz: true });
      t.primary(['scope_hash', 'key']);
      t.index(['reserved_at']);
    });
  },

  async down(knex: Knex): Promise<void> {
    await knex.schema.dropTable('request_keys');
  },
};
