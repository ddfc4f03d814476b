/**
 * The server's read side of approval cases, written in the same transaction as the case's events (see
 * `server/cases/approval-projection.ts`), plus the uploads staged for a case:
 *
 * - `approval_cases`: who applied (applicant, agent, the last four characters of the ID number for the
 *   public progress query) and how, so that the permission policy and the case list filter in SQL;
 * - `supervision_notices`: one row per supervision record (督办) of a case, unique by its key, with the
 *   responsible department's answer;
 * - `case_uploads`: material files uploaded to a case (checksum, size, type), until a correction supply
 *   hands them to the case.
 */
import type { Knex } from 'knex';
import type { NamedMigration } from '../migration-source.js';

export const approvalCasesSchema: NamedMigration = {
  name: '0004-approval-cases',

  async up(knex: Knex): Promise<void> {
    const instant = (t: Knex.CreateTableBuilder, name: string) => t.timestamp(name, { useTz: true });

    await knex.schema.createTable('approval_cases', (t) => {
      t.string('case_no', 64).primary().references('case_no').inTable('cases');
      t.string('item_code', 128).notNullable();
      t.string('department', 256).notNullable();
      t.string('applicant_id', 128).notNullable();
      t.string('agent_id', 128);
      t.string('id_suffix', 8);
      t.string('channel', 16).notNullable();
      instant(t, 'received_at').notNullable();
      t.index(['applicant_id']);
      t.index(['department']);
    });

    await knex.schema.createTable('supervision_notices', (t) => {
      t.bigIncrements('id');
      // case | rule | step: evaluating the rules again never adds a second row for the same violation.
      t.string('key', 300).notNullable().unique();
      t.string('case_no', 64).notNullable().references('case_no').inTable('cases');
      t.string('rule', 64).notNullable();
      t.string('step_id', 128);
      t.string('warning_type', 16).notNullable();
      t.text('content').notNullable();
      t.string('department', 256).notNullable();
      t.string('issued_on', 10).notNullable();
      t.string('response_due', 10).notNullable();
      instant(t, 'response_due_at').notNullable();
      instant(t, 'created_at').notNullable();
      t.text('response');
      instant(t, 'responded_at');
      t.string('responded_by', 64);
      t.index(['department', 'responded_at']);
    });

    await knex.schema.createTable('case_uploads', (t) => {
      t.bigIncrements('id');
      t.string('case_no', 64).notNullable().references('case_no').inTable('cases');
      t.string('material', 64).notNullable();
      t.string('name', 256).notNullable();
      t.string('ref', 80).notNullable();
      t.string('sha256', 64).notNullable();
      t.bigInteger('size').notNullable();
      t.string('content_type', 128).notNullable();
      t.string('uploaded_by', 64).notNullable();
      instant(t, 'uploaded_at').notNullable();
      // Set when a correction supply handed the file to the case.
      instant(t, 'supplied_at');
      t.index(['case_no']);
    });
  },

  async down(knex: Knex): Promise<void> {
    for (const table of ['case_uploads', 'supervision_notices', 'approval_cases']) await knex.schema.dropTableIfExists(table);
  },
};
