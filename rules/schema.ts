/**
 * JSON Schema validation of a rule-table document (`rules/schema/decision-table.schema.json`) with ajv.
 * Each error becomes a finding naming the JSON path (`/rows/2/when/age`), so that staff can find it.
 *
 * The validator is Ajv's standalone code, generated ahead of time (`rules/schema/generate-validator.ts`):
 * nothing is compiled at run time, so the modeler runs under a Content Security Policy without
 * `'unsafe-eval'`.
 */
import type { ErrorObject } from 'ajv';
import schema from './schema/decision-table.schema.json' with { type: 'json' };
import validate from './schema/decision-table.validate.js';
import { RETIRED_PURPOSES, type Finding } from './model.js';
import { said, type ParamValue } from './said.js';

/** The decision-table JSON Schema, as an object (for editors and the HTTP API). */
export const decisionTableSchema: object = schema;

/** A schema error in words a reform-office editor understands (missing field, unknown field, allowed values). */
export function describeSchemaError(e: ErrorObject): string {
  switch (e.keyword) {
    case 'required':
      return `missing field '${(e.params as { missingProperty: string }).missingProperty}'`;
    case 'additionalProperties':
      return `unknown field '${(e.params as { additionalProperty: string }).additionalProperty}'`;
    case 'enum':
      return `must be one of ${(e.params as { allowedValues: unknown[] }).allowedValues.map((v) => JSON.stringify(v)).join(', ')}`;
    default:
      return e.message ?? e.keyword;
  }
}

/** A schema error as a message code and its parameters (the field, the allowed values, the bound …). */
export function schemaErrorSaying(e: ErrorObject, path: string): { code: string; params: Record<string, ParamValue> } {
  const p = e.params as Record<string, unknown>;
  switch (e.keyword) {
    case 'required':
      return { code: 'TABLE_FIELD_MISSING', params: { path, field: String(p.missingProperty) } };
    case 'additionalProperties':
      return { code: 'TABLE_FIELD_UNKNOWN', params: { path, field: String(p.additionalProperty) } };
    case 'enum':
      return { code: 'TABLE_VALUE_NOT_ALLOWED', params: { path, allowed: (p.allowedValues as unknown[]).map((v) => JSON.stringify(v)).join(', ') } };
    default: {
      const text = (v: unknown) => (v === undefined ? undefined : Array.isArray(v) ? v.join(', ') : String(v));
      return { code: 'TABLE_FIELD_INVALID', params: { path, keyword: e.keyword, detail: e.message ?? e.keyword, limit: text(p.limit), type: text(p.type), format: text(p.format) } };
    }
  }
}

/**
 * Validates a parsed document. Returns one finding per distinct path (the most specific message wins:
 * `oneOf` summaries are dropped when a branch said more). An empty list means valid.
 */
export function validateTableDocument(doc: unknown): Finding[] {
  if (validate(doc)) return [];
  const errors = validate.errors ?? [];
  const byPath = new Map<string, ErrorObject[]>();
  for (const e of errors) {
    const path = e.instancePath || '/';
    byPath.set(path, [...(byPath.get(path) ?? []), e]);
  }
  const findings: Finding[] = [];
  for (const [path, list] of byPath) {
    const specific = list.filter((e) => e.keyword !== 'oneOf' && e.keyword !== 'type');
    const chosen = specific.length ? specific : list.filter((e) => e.keyword === 'type').slice(0, 1);
    const messages = [...new Set((chosen.length ? chosen : list).map(describeSchemaError))];
    // A purpose the tables no longer have says where its concept lives now.
    // Only the table's own keys: a purpose such as 'toString' must not find the object's inherited members.
    const purpose = String((doc as { purpose?: unknown }).purpose);
    const retired = path === '/purpose' && Object.hasOwn(RETIRED_PURPOSES, purpose) ? RETIRED_PURPOSES[purpose] : undefined;
    if (retired) messages.unshift(`the purpose '${purpose}' is retired: ${retired}`);
    const saying = retired ? { code: 'TABLE_PURPOSE_RETIRED', params: { path, purpose } } : schemaErrorSaying((chosen.length ? chosen : list)[0]!, path);
    findings.push({ code: 'schema', severity: 'error', message: messages.join('; '), path, ...said(saying.code, saying.params) });
  }
  return findings;
}
