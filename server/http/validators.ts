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

function createAjv(coerceTypes: Options['coerceTypes']): Ajv {
  const ajv = new Ajv({ coerceTypes, useDefaults: true, removeAdditional: false, allErrors: false, strict: true });
  addFormats(ajv);
  // OpenAPI annotations that @fastify/swagger reads from route schemas.
  ajv.addKeyword({ keyword: 'example' });
  return ajv;
}

/** Installs the body and the text-part validator compilers on `app`. */
export function installValidators(app: FastifyInstance): void {
  const body = createAjv(false);
  const text = createAjv('array');
  app.setValidatorCompiler(({ schema, httpPart }) => (httpPart === 'body' ? body : text).compile(schema));
}
