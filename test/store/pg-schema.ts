/** Per-run PostgreSQL schemas for tests. */
import { randomBytes } from 'node:crypto';
import type { Knex } from 'knex';

/** A schema name unique to this process and call. */
export function testSchemaName(label: string): string {
  return `shenpi_test_${label}_${process.pid}_${randomBytes(3).toString('hex')}`;
}

/** Drops the schema and everything in it. */
export async function dropSchema(knex: Knex, schema: string): Promise<void> {
  await knex.raw('DROP SCHEMA IF EXISTS ?? CASCADE', [schema]);
}
