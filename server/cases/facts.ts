/**
 * Checking an application's facts against the item's declared inputs (item.json `facts`): every declared
 * required fact present with its type and allowed values, and no undeclared fact.
 */
import type { DeclaredFact } from '../../definitions/items/index.js';
import type { Json, Variables } from '../../engine/core/types.js';

/** One problem with the stated facts. */
export interface FactProblem {
  fact: string;
  message: string;
}

function valueAt(facts: Variables, name: string): Json | undefined {
  let current: Json | undefined = facts;
  for (const part of name.split('.')) {
    if (current === null || typeof current !== 'object' || Array.isArray(current)) return undefined;
    current = (current as Record<string, Json>)[part];
  }
  return current;
}

function leafPaths(value: Json, prefix: string): string[] {
  if (value === null || typeof value !== 'object' || Array.isArray(value)) return [prefix];
  return Object.entries(value).flatMap(([k, v]) => leafPaths(v, prefix ? `${prefix}.${k}` : k));
}

function typeProblem(fact: DeclaredFact, value: Json): string | undefined {
  const ok = {
    boolean: typeof value === 'boolean',
    string: typeof value === 'string',
    integer: typeof value === 'number' && Number.isInteger(value),
    number: typeof value === 'number' && Number.isFinite(value),
    date: typeof value === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(value),
  }[fact.type];
  if (!ok) return `Expected ${fact.type} for '${fact.name}' (${fact.label}), but got ${JSON.stringify(value)}`;
  if (fact.enum && !fact.enum.includes(String(value))) return `Expected one of ${fact.enum.join(', ')} for '${fact.name}', but got ${JSON.stringify(value)}`;
  return undefined;
}

/** The problems of `facts` against the declarations; an empty list means they are acceptable. */
export function checkFacts(declared: readonly DeclaredFact[], facts: Variables): FactProblem[] {
  const problems: FactProblem[] = [];
  const names = new Set(declared.map((f) => f.name));
  for (const fact of declared) {
    const value = valueAt(facts, fact.name);
    if (value === undefined || value === null) {
      if (fact.required) problems.push({ fact: fact.name, message: `Expected the fact '${fact.name}' (${fact.label}), but it is missing` });
      continue;
    }
    const problem = typeProblem(fact, value);
    if (problem) problems.push({ fact: fact.name, message: problem });
  }
  for (const path of leafPaths(facts, '')) {
    if (path && !names.has(path)) problems.push({ fact: path, message: `Expected only the item's declared facts, but '${path}' is not one` });
  }
  return problems;
}
