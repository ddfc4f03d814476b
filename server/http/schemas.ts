/**
 * JSON Schemas shared by the routes. Inlined (no `$ref`) so each route's OpenAPI entry is self-contained.
 * Bodies are closed (`additionalProperties: false`): an unknown field, such as an `actor` smuggled into a
 * command, is a 400 rather than silently ignored.
 */
import { VariablesSchema } from '../../contracts/api/tasks.js';
import { TaskRowSchema } from '../../contracts/api/tasks.js';
import { UserViewSchema } from '../../contracts/api/users.js';

/** `{ code, message, details }`. */
export const errorSchema = {
  type: 'object',
  required: ['code', 'message'],
  properties: {
    code: { type: 'string' },
    message: { type: 'string' },
    details: { type: 'object', additionalProperties: true },
  },
} as const;

/** The error responses a route documents, by status. */
export function errors(...statuses: number[]): Record<number, typeof errorSchema> {
  return Object.fromEntries(statuses.map((s) => [s, errorSchema]));
}

/**
 * Free-form case variables (and facts): at most 200 names and SHENPI_VARIABLES_LIMIT bytes of JSON; their
 * depth is bounded for every body by the JSON parser (SHENPI_JSON_DEPTH).
 */
export const variablesSchema = VariablesSchema;

/** The optional `Idempotency-Key` header: the same key sent again returns the first result. */
export const idempotencyHeaders = {
  type: 'object',
  properties: { 'idempotency-key': { type: 'string', minLength: 8, maxLength: 200 } },
} as const;

/** A user as the API shows it (the contract's `UserViewSchema`: no hash, no full ID number). */
export const userSchema = UserViewSchema;

/** A projected task (the contract's `TaskRowSchema`). */
export const taskSchema = TaskRowSchema;

/** The answer to an accepted command. */
export const commandResultSchema = {
  type: 'object',
  required: ['caseNo', 'version', 'events'],
  properties: {
    caseNo: { type: 'string' },
    version: { type: 'integer' },
    events: {
      type: 'array',
      items: { type: 'object', required: ['seq', 'type'], properties: { seq: { type: 'integer' }, type: { type: 'string' } } },
    },
  },
} as const;
