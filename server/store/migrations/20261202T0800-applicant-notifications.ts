/**
 * `applicant_notifications`: the portal's 站内消息, one row per step of a case that concerns its applicant
 * (correction, acceptance, special procedure, extension, decision, certificate, delivery, evaluation
 * request …), written in the commit that recorded the step, unique by case, event and recipient so a replayed
 * commit adds nothing. `read_at` is the applicant's read mark. The `sms_*` columns are the SMS channel's
 * delivery state for the same message (行政许可法 第44条: results reach the applicant; the seeds ask for
 * 手机短信): pending until the gateway accepted it, with its attempts and the next try.
 */
import type { Knex } from 'knex';
import type { NamedMigration } from '../migration-source.js';

export const applicantNotificationsSchema: NamedMigration = {
  name: '20261202T0800-applicant-notifications',

  async up(knex: Knex): Promise<void> {
    const instant = (t: Knex.CreateTableBuilder, name: string) => t.timestamp(name, { useTz: true });
    await knex.schema.createTable('applicant_notifications', (t) => {
      t.bigIncrements('id');
      // case | event seq | recipient
      t.string('key', 300).notNullable().unique();
      t.string('recipient', 128).notNullable();
      t.string('case_no', 64).notNullable().references('case_no').inTable('cases');
      t.string('kind', 32).notNullable();
      t.text('params').notNullable();
      instant(t, 'created_at').notNullable();
      instant(t, 'read_at');
      // The mobile number the SMS goes to (the applicant's as the application gave it); null: no SMS.
      t.string('sms_to', 32);
      // pending | sent | failed
      t.string('sms_state', 16);
      t.integer('sms_attempts').notNullable().defaultTo(0);
      instant(t, 'sms_next_at');
      instant(t, 'sms_sent_at');
      t.string('sms_error', 300);
      t.index(['recipient', 'read_at']);
      t.index(['sms_state', 'sms_next_at']);
    });
  },

  async down(knex: Knex): Promise<void> {
    await knex.schema.dropTable('applicant_notifications');
  },
};
