/**
 * `signing_keys`: each department's e-seal key pairs (电子印章). The public key (SPKI PEM) is published; the
 * private key is PKCS#8 PEM encrypted with AES-256-CBC under the installation's seal passphrase
 * (`SHENPI_SEAL_PASSPHRASE`, or a secret kept in the data folder), never stored in the clear.
 * `certificates`: the certificate numbers and their cases, so that anyone can verify a certificate by its number.
 */
import type { Knex } from 'knex';
import type { NamedMigration } from '../migration-source.js';

export const signingKeysSchema: NamedMigration = {
  name: '20261202T0940-signing-keys',

  async up(knex: Knex): Promise<void> {
    await knex.schema.createTable('signing_keys', (t) => {
      t.string('key_id', 32).primary();
      t.string('department', 256).notNullable();
      t.string('algorithm', 16).notNullable();
      t.text('public_key').notNullable();
      t.text('private_key').notNullable();
      t.timestamp('created_at', { useTz: true }).notNullable();
      t.index(['department']);
    });
    await knex.schema.createTable('certificates', (t) => {
      t.string('number', 128).primary();
      t.string('case_no', 64).notNullable();
      t.string('item_code', 64).notNullable();
      t.timestamp('issued_at', { useTz: true }).notNullable();
    });
  },

  async down(knex: Knex): Promise<void> {
    await knex.schema.dropTable('certificates');
    await knex.schema.dropTable('signing_keys');
  },
};
