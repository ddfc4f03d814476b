/**
 * The initial schema, identical on SQLite and PostgreSQL. Every fact a clerk, a supervisor or an operator
 * asks about (a case's stage, a task's department, a timer's incident) is a column, so it is queryable
 * without parsing the JSON beside it. Instants are `timestamptz` on PostgreSQL and UTC ISO 8601 text on
 * SQLite (always written in the same `toISOString` form, so text order is time order).
 */
import type { Knex } from 'knex';
import type { NamedMigration } from '../migration-source.js';

export const initialSchema: NamedMigration = {
  name: '0001-initial',

  async up(knex: Knex): Promise<void> {
    const instant = (t: Knex.CreateTableBuilder, name: string) => t.timestamp(name, { useTz: true });

    await knex.schema.createTable('definitions', (t) => {
      t.string('key', 128).primary();
      t.string('name', 256);
      instant(t, 'created_at').notNullable();
    });
    await knex.schema.createTable('definition_versions', (t) => {
      t.string('key', 128).notNullable().references('key').inTable('definitions');
      t.integer('version').notNullable();
      t.string('process_id', 128).notNullable();
      t.string('name', 256);
      t.text('source_xml').notNullable();
      t.json('compiled').notNullable();
      instant(t, 'deployed_at').notNullable();
      t.boolean('enabled').notNullable().defaultTo(true);
      t.primary(['key', 'version']);
    });

    await knex.schema.createTable('cases', (t) => {
      t.string('case_no', 64).primary();
      t.string('item_key', 128).notNullable();
      t.integer('definition_version').notNullable();
      t.string('status', 32).notNullable();
      t.string('stage', 64);
      t.string('department', 128);
      instant(t, 'statutory_deadline');
      instant(t, 'promised_deadline');
      t.string('light', 16);
      t.json('state').notNullable();
      // Optimistic concurrency: every commit moves it by one, guarded by `WHERE version = expected`.
      t.integer('version').notNullable();
      t.integer('last_seq').notNullable();
      instant(t, 'created_at').notNullable();
      instant(t, 'updated_at').notNullable();
      t.foreign(['item_key', 'definition_version']).references(['key', 'version']).inTable('definition_versions');
      t.index(['status', 'department']);
      t.index(['item_key', 'definition_version']);
    });

    // Append-only: rows are inserted, never updated; (case_no, seq) orders and de-duplicates them.
    await knex.schema.createTable('events', (t) => {
      t.string('case_no', 64).notNullable().references('case_no').inTable('cases');
      t.integer('seq').notNullable();
      t.string('type', 64).notNullable();
      t.integer('v').notNullable();
      instant(t, 'at').notNullable();
      t.string('actor_id', 128);
      t.json('payload').notNullable();
      t.primary(['case_no', 'seq']);
      t.index(['type']);
    });

    await knex.schema.createTable('tasks', (t) => {
      t.string('case_no', 64).notNullable().references('case_no').inTable('cases');
      t.string('task_id', 128).notNullable();
      t.string('element_id', 128).notNullable();
      t.string('name', 256);
      t.string('kind', 32).notNullable();
      t.string('department', 128);
      t.string('role', 128);
      t.json('candidate_groups').notNullable();
      t.string('stage', 64);
      t.string('assignee', 128);
      instant(t, 'due_at');
      t.string('status', 16).notNullable();
      instant(t, 'created_at').notNullable();
      instant(t, 'completed_at');
      t.primary(['case_no', 'task_id']);
      t.index(['status', 'department']);
      t.index(['assignee', 'status']);
    });

    await knex.schema.createTable('timers', (t) => {
      // A surrogate id keeps claim statements single-column; the business key is (case_no, timer_id).
      t.bigIncrements('id');
      t.string('case_no', 64).notNullable().references('case_no').inTable('cases');
      t.string('timer_id', 128).notNullable();
      t.string('element_id', 128).notNullable();
      instant(t, 'due_at').notNullable();
      t.string('status', 16).notNullable();
      t.string('lock_owner', 128);
      // While set and in the future, nobody else may claim the row; after a failure it is the retry time.
      instant(t, 'lock_expires_at');
      t.integer('attempts').notNullable().defaultTo(0);
      t.text('last_error');
      instant(t, 'created_at').notNullable();
      instant(t, 'fired_at');
      t.unique(['case_no', 'timer_id']);
      t.index(['status', 'due_at']);
    });

    await knex.schema.createTable('idempotency_keys', (t) => {
      t.string('key', 256).primary();
      t.string('case_no', 64).notNullable();
      t.string('command_type', 64).notNullable();
      t.json('result').notNullable();
      instant(t, 'created_at').notNullable();
    });

    await knex.schema.createTable('outbox', (t) => {
      t.bigIncrements('id');
      t.string('case_no', 64).notNullable().references('case_no').inTable('cases');
      t.string('type', 64).notNullable();
      t.json('payload').notNullable();
      instant(t, 'created_at').notNullable();
      instant(t, 'dispatched_at');
      t.integer('attempts').notNullable().defaultTo(0);
      // Doubles as the lease: a claim moves it past the delivery time so no other dispatcher takes the row.
      instant(t, 'next_attempt_at').notNullable();
      t.text('last_error');
      t.index(['dispatched_at', 'next_attempt_at']);
    });
  },

  async down(knex: Knex): Promise<void> {
    for (const table of ['outbox', 'idempotency_keys', 'timers', 'tasks', 'events', 'cases', 'definition_versions', 'definitions']) {
      await knex.schema.dropTableIfExists(table);
    }
  },
};
