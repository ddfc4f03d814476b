/**
 * `version_notes`: the change note (变更说明) a deployer writes for each version of an item or of a plain
 * definition, so that the version history says what changed and why. Written in the deploy's transaction.
 */
import type { Knex } from 'knex';
import type { NamedMigration } from '../migration-source.js';

export const versionNotesSchema: NamedMigration = {
  name: '20261202T0930-version-notes',

  async up(knex: Knex): Promise<void> {
    await knex.schema.createTable('version_notes', (t) => {
      t.string('kind', 16).notNullable();
      t.string('key', 128).notNullable();
      t.integer('version').notNullable();
      t.string('note', 500).notNullable();
      t.primary(['kind', 'key', 'version']);
    });
  },

  async down(knex: Knex): Promise<void> {
    await knex.schema.dropTable('version_notes');
  },
};
