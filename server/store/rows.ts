/**
 * Conversions between database rows and runtime values, hiding the drivers' differences: PostgreSQL returns
 * `Date` for instants, parsed objects for JSON and strings for bigints; SQLite returns text and numbers.
 */
import type { Knex } from 'knex';
import type { Json } from '../../engine/core/types.js';
import { ConflictError } from '../../engine/runtime/errors.js';

/** An instant as UTC ISO text, or undefined for NULL. */
export function instant(value: unknown): string | undefined {
  if (value === null || value === undefined) return undefined;
  if (value instanceof Date) return value.toISOString();
  return String(value);
}

/** Like `instant`, for NOT NULL columns. */
export function requiredInstant(value: unknown): string {
  const text = instant(value);
  if (text === undefined) throw new Error('Expected an instant, but the column was NULL');
  return text;
}

/** A JSON column's value. */
export function json(value: unknown): Json {
  return (typeof value === 'string' ? JSON.parse(value) : value) as Json;
}

/** A text column, NULL as undefined. */
export function text(value: unknown): string | undefined {
  return value === null || value === undefined ? undefined : String(value);
}

/** The value to store in a JSON column (text on both drivers, so nothing depends on driver coercion). */
export function toJson(value: unknown): string {
  return JSON.stringify(value);
}

/** True when the error is a primary key or unique constraint violation on either database. */
export function isUniqueViolation(error: unknown): boolean {
  const code = (error as { code?: unknown } | null)?.code;
  return code === '23505' || code === 'SQLITE_CONSTRAINT_PRIMARYKEY' || code === 'SQLITE_CONSTRAINT_UNIQUE';
}

/** Runs `work`, turning a unique violation into a `ConflictError` with `message`. */
export async function conflictOnDuplicate<T>(caseNo: string, message: string, work: () => Promise<T>): Promise<T> {
  try {
    return await work();
  } catch (error) {
    if (isUniqueViolation(error)) throw new ConflictError(message, caseNo);
    throw error;
  }
}

/** Whether `knex` talks to PostgreSQL (its dialect-specific paths: one-round-trip writes, locks, casts). */
export function isPostgres(knex: Knex): boolean {
  const client = knex.client.config?.client as unknown;
  return client === 'pg' || client === 'postgres' || client === 'postgresql';
}
