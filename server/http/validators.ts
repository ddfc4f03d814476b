/**
 * Request validation with two ajv instances. Query strings, params and headers arrive as text, so they are
 * coerced ("10" → 10); bodies are JSON and are not: `{"version": "2"}` is a 400, not silently a 2. Neither
 * removes unknown properties: a closed schema refuses them, so a smuggled field is reported, not dropped.
 */
import { createRequire } from 'node:module';
import { Ajv, type Options } from 'ajv';
import type { FastifyInstance } from 'fastify';

// ajv-formats is CommonJS whose typings declare a default export that NodeNext cannot see as callable.
const addFormats = createRequire(import.meta.url)('ajv-formats') as (ajv: Ajv) => Ajv;

/** The schema keyword that bounds a free-form value (variables, facts) by the size of its JSON text. */
export const JSON_SIZE_KEYWORD = 'x-json-size-limited';

/** Byte length of `value` as compact JSON text. */
function jsonBytes(value: unknown): number {
  return Buffer.byteLength(JSON.stringify(value) ?? '', 'utf8');
}

function createAjv(coerceTypes: Options['coerceTypes'], variablesLimit: number): Ajv {
  const ajv = new Ajv({ coerceTypes, useDefaults: true, removeAdditional: false, allErrors: false, strict: true });
  addFormats(ajv);
  // OpenAPI annotations that @fastify/swagger reads from route schemas.
  ajv.addKeyword({ keyword: 'example' });
  // `x-json-size-limited: true`: at most `variablesLimit` bytes of JSON (SHENPI_VARIABLES_LIMIT), so one
  // command cannot make a case's every later event, snapshot and copy huge.
  ajv.addKeyword({
    keyword: JSON_SIZE_KEYWORD,
    schemaType: 'boolean',
    errors: true,
    validate: function limited(this: unknown, schema: boolean, data: unknown): boolean {
      const self = limited as unknown as { errors?: Array<{ keyword: string; message: string; params: Record<string, unknown> }> };
      if (!schema || jsonBytes(data) <= variablesLimit) return true;
      self.errors = [{ keyword: 'maxJsonBytes', message: `must be at most ${variablesLimit} bytes of JSON`, params: { limit: variablesLimit } }];
      return false;
    },
  });
  return ajv;
}

/** Installs the body and the text-part validator compilers on `app`. */
export function installValidators(app: FastifyInstance, variablesLimit: number): void {
  const body = createAjv(false, variablesLimit);
  const text = createAjv('array', variablesLimit);
  app.setValidatorCompiler(({ schema, httpPart }) => (httpPart === 'body' ? body : text).compile(schema));
}
