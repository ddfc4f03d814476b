/**
 * Approval items and their versions. Each deployment is a new version holding the listing, the rule-table
 * sources and the disclosure, linked to the process definition version it deployed; cases keep the version
 * they started on. An item can be disabled (no new case) without touching its running cases.
 */
import type { Knex } from 'knex';
import type { NamedMigration } from '../migration-source.js';

export const itemsSchema: NamedMigration = {
  name: '0002-items',

  async up(knex: Knex): Promise<void> {
    const instant = (t: Knex.CreateTableBuilder, name: string) => t.timestamp(name, { useTz: true });

    await knex.schema.createTable('items', (t) => {
      t.string('code', 128).primary();
      t.string('name', 256).notNullable();
      t.string('department', 256).notNullable();
      // Disabled: no new case; running cases go on with their version.
      t.boolean('enabled').notNullable().defaultTo(true);
      t.integer('latest_version').notNullable();
      instant(t, 'created_at').notNullable();
      instant(t, 'updated_at').notNullable();
    });

    await knex.schema.createTable('item_versions', (t) => {
      t.string('code', 128).notNullable().references('code').inTable('items');
      t.integer('version').notNullable();
      t.string('name', 256).notNullable();
      t.json('listing').notNullable();
      // Every file of the package as text ({"rules/materials.yaml": "…"}), so the version loads again as deployed.
      t.json('rules').notNullable();
      t.json('disclosure').notNullable();
      t.string('definition_key', 128).notNullable();
      t.integer('definition_version').notNullable();
      instant(t, 'deployed_at').notNullable();
      t.string('deployed_by', 128);
      t.primary(['code', 'version']);
      t.foreign(['definition_key', 'definition_version']).references(['key', 'version']).inTable('definition_versions');
    });
  },

  async down(knex: Knex): Promise<void> {
    await knex.schema.dropTableIfExists('item_versions');
    await knex.schema.dropTableIfExists('items');
  },
};
