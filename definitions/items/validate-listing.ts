/** JSON Schema validation of `item.json` with ajv; every error names the field's JSON path. */
import { Ajv } from 'ajv';
import { describeSchemaError } from '../../rules/schema.js';
import schema from './listing.schema.json' with { type: 'json' };
import type { ItemFinding } from './findings.js';

let validator: ReturnType<Ajv['compile']> | undefined;

/** The listing JSON Schema (for editors and the HTTP API). */
export const listingSchema: object = schema;


/** Validates a parsed `item.json`; an empty list means valid. */
export function validateListing(doc: unknown, file = 'item.json'): ItemFinding[] {
  validator ??= new Ajv({ allErrors: true, strict: false }).compile(schema);
  if (validator(doc)) return [];
  const seen = new Set<string>();
  const findings: ItemFinding[] = [];
  for (const e of validator.errors ?? []) {
    const field = e.instancePath || '/';
    const text = describeSchemaError(e);
    if (seen.has(field + text) || e.keyword === 'allOf') continue;
    seen.add(field + text);
    findings.push({ severity: 'error', code: 'schema', file, field, message: text });
  }
  return findings;
}
