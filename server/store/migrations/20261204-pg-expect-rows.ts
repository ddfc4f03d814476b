/**
 * `shenpi_expect_rows(changed, guard)` on PostgreSQL: raises `SH409` naming the guard when a guarded statement
 * changed other than one row. A command sent to PostgreSQL as one simple query (server/store/pg-command.ts)
 * checks its version and timer guards inside the query with it, so a stale command aborts its transaction
 * before COMMIT instead of the row counts being checked after the round trip. Nothing on SQLite, whose commands
 * are checked statement by statement in the group commit.
 */
import type { Knex } from 'knex';
import type { NamedMigration } from '../migration-source.js';
import { isPostgres } from '../rows.js';

export const pgExpectRowsSchema: NamedMigration = {
  name: '20261204-pg-expect-rows',

  async up(knex: Knex): Promise<void> {
    if (!isPostgres(knex)) return;
    await knex.raw(`CREATE OR REPLACE FUNCTION shenpi_expect_rows(changed bigint, guard integer) RETURNS integer
LANGUAGE plpgsql AS $fn$
BEGIN
  IF changed <> 1 THEN
    RAISE EXCEPTION 'guard % changed % rows', guard, changed USING ERRCODE = 'SH409';
  END IF;
  RETURN guard;
END
$fn$`);
  },

  async down(knex: Knex): Promise<void> {
    if (!isPostgres(knex)) return;
    await knex.raw('DROP FUNCTION IF EXISTS shenpi_expect_rows(bigint, integer)');
  },
};
