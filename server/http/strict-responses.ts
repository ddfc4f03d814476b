/**
 * Strict responses, for tests: every successful JSON answer is checked against its route's response schema
 * before fastify serialises it, because the serialiser silently drops a field the schema does not describe,
 * so comparing outputs would never show it. Each object the schema describes is taken as closed (an
 * undocumented field is a violation), instants and dates must match the time contract (their `format` and
 * `pattern`), and a schema with an open object (`additionalProperties: true`, or an object without
 * properties) outside `allowOpen` is a violation too: an integrator could not tell what it holds.
 */
import { createRequire } from 'node:module';
import { Ajv, type ValidateFunction } from 'ajv';
import type { FastifyInstance, FastifyRequest } from 'fastify';

// ajv-formats is CommonJS whose typings declare a default export that NodeNext cannot see as callable.
const addFormats = createRequire(import.meta.url)('ajv-formats') as (ajv: Ajv) => Ajv;

/** What was wrong with one answer. */
export interface ResponseViolation {
  /** `GET /api/cases/:caseNo`. */
  route: string;
  status: number;
  /** `undocumented` (no schema for the status), `open` (an open object in the schema), `invalid` (the body breaks it). */
  kind: 'undocumented' | 'open' | 'invalid';
  /** The JSON pointers of the open objects, or ajv's messages with the instance paths. */
  problems: string[];
}

/** Options of the check. */
export interface StrictResponseOptions {
  /** Where the violations go (the test asserts it stays empty). */
  sink: ResponseViolation[];
  /** Routes (`GET /api/…`) not checked yet: their schemas are still to be closed. */
  skip?: ReadonlySet<string>;
  /** Open objects that are free-form by design, as `<route>#<pointer>` (e.g. case variables). */
  allowOpen?: ReadonlySet<string>;
}

type Schema = Record<string, unknown>;

// OpenAPI 3.0 has no `null` type: @fastify/swagger writes it as an object whose only value is null (`enum: [null]`).
const isObjectSchema = (s: Schema): boolean => !('enum' in s) && !('const' in s) && (s.type === 'object' || (Array.isArray(s.type) && s.type.includes('object')) || 'properties' in s);

/**
 * A copy of `schema` with every described object closed, and the pointers of its open objects. A property
 * map, a record (`patternProperties`) or an `additionalProperties` schema describes an object; only
 * `additionalProperties: true`, or nothing at all, leaves it open.
 */
export function closeSchema(schema: unknown, pointer = ''): { schema: unknown; open: string[] } {
  if (Array.isArray(schema)) {
    const parts = schema.map((s, i) => closeSchema(s, `${pointer}/${i}`));
    return { schema: parts.map((p) => p.schema), open: parts.flatMap((p) => p.open) };
  }
  if (!schema || typeof schema !== 'object') return { schema, open: [] };
  const s = schema as Schema;
  const out: Schema = {};
  const open: string[] = [];
  for (const [key, value] of Object.entries(s)) {
    if (['properties', 'patternProperties'].includes(key) && value && typeof value === 'object') {
      out[key] = Object.fromEntries(Object.entries(value as Schema).map(([name, sub]) => {
        const c = closeSchema(sub, `${pointer}/${key}/${name}`);
        open.push(...c.open);
        return [name, c.schema];
      }));
    } else if (['items', 'additionalProperties', 'anyOf', 'oneOf', 'allOf', 'not'].includes(key) && value && typeof value === 'object') {
      const c = closeSchema(value, `${pointer}/${key}`);
      open.push(...c.open);
      out[key] = c.schema;
    } else {
      out[key] = value;
    }
  }
  if (isObjectSchema(s)) {
    const described = 'properties' in s || 'patternProperties' in s || (typeof s.additionalProperties === 'object' && s.additionalProperties !== null);
    if (s.additionalProperties === true || !described) open.push(pointer || '/');
    else if (s.additionalProperties === undefined) out.additionalProperties = false;
  }
  return { schema: out, open };
}

function routeOf(request: FastifyRequest): string {
  return `${request.method} ${request.routeOptions.url ?? request.url}`;
}

/** Installs the check as a `preSerialization` hook; register it before the routes. */
export function installStrictResponses(app: FastifyInstance, options: StrictResponseOptions): void {
  const ajv = new Ajv({ strict: false, allErrors: true });
  addFormats(ajv);
  const compiled = new WeakMap<object, { validate: ValidateFunction; open: string[] }>();
  const compile = (schema: object) => {
    let c = compiled.get(schema);
    if (!c) {
      const closed = closeSchema(JSON.parse(JSON.stringify(schema)));
      c = { validate: ajv.compile(closed.schema as object), open: closed.open };
      compiled.set(schema, c);
    }
    return c;
  };
  app.addHook('preSerialization', async (request, reply, payload) => {
    const route = routeOf(request);
    const status = reply.statusCode;
    // Hidden routes (the OpenAPI document itself, the pages' files) are not part of the API.
    if (status >= 300 || options.skip?.has(route) || request.routeOptions.schema?.hide) return payload;
    const responses = request.routeOptions.schema?.response as Record<string, object> | undefined;
    const schema = responses?.[status] ?? responses?.[`${Math.floor(status / 100)}xx`] ?? responses?.default;
    if (!schema) {
      options.sink.push({ route, status, kind: 'undocumented', problems: ['no response schema'] });
      return payload;
    }
    const { validate, open } = compile(schema);
    const notAllowed = open.filter((p) => !options.allowOpen?.has(`${route}#${p}`));
    if (notAllowed.length) options.sink.push({ route, status, kind: 'open', problems: notAllowed });
    // What the body will be as JSON: dates as strings, undefined fields absent.
    const body: unknown = JSON.parse(JSON.stringify(payload) ?? 'null');
    if (!validate(body)) {
      options.sink.push({
        route, status, kind: 'invalid',
        problems: (validate.errors ?? []).map((e) => `${e.instancePath || '/'} ${e.message ?? e.keyword}${e.keyword === 'additionalProperties' ? `: ${String((e.params as { additionalProperty?: string }).additionalProperty)}` : ''}`),
      });
    }
    return payload;
  });
}
