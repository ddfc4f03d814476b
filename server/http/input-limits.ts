/**
 * What the HTTP boundary refuses in any input before a route sees it: JSON nested deeper than the
 * configured depth, and text that no store keeps faithfully. A NUL character is refused by PostgreSQL
 * (`invalid byte sequence`) and truncates C strings; a lone UTF-16 surrogate has no UTF-8 form, so SQLite
 * stores other bytes than PostgreSQL (U+FFFD) and a hash taken over the string no longer matches what was
 * stored. Both are refused with 400 naming the field, on every route and every part of the request.
 */

import { ApiError } from './errors.js';

/** One refused field, in the shape of the schema errors (`details.errors`). */
export interface InputProblem {
  /** JSON path of the field: `/body/variables/a`, `/params/caseNo`, `/querystring/department`, `/headers/x-y`. */
  path: string;
  message: string;
  keyword: 'maxDepth' | 'noNul' | 'wellFormed';
  /** The bound broken (`limit`), for a message in another language. */
  params?: Record<string, unknown>;
}

// A high surrogate not followed by a low one, or a low one not preceded by a high one (UTF-16 code units).
const LONE_SURROGATE = /[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/;

/** Why `text` cannot be stored faithfully, or undefined when it can. */
export function textProblem(text: string): Pick<InputProblem, 'message' | 'keyword'> | undefined {
  if (text.includes('\u0000')) return { keyword: 'noNul', message: 'contains a NUL character (U+0000)' };
  if (LONE_SURROGATE.test(text)) return { keyword: 'wellFormed', message: 'contains a lone UTF-16 surrogate (not valid Unicode text)' };
  return undefined;
}

/** A key as it may appear in a path and a message: the offending characters escaped. */
function pathKey(key: string): string {
  return key.replace(/[\u0000-\u001f\ud800-\udfff]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`).replace(/~/g, '~0').replace(/\//g, '~1');
}

/**
 * The first problem of a parsed JSON value: nesting deeper than `maxDepth` objects or arrays, or a key or
 * string that is not storable text. Iterative, so a hostile value cannot overflow the stack while measured.
 */
export function jsonProblem(value: unknown, maxDepth: number, base = '/body'): InputProblem | undefined {
  const stack: Array<{ v: unknown; depth: number; path: string }> = [{ v: value, depth: 0, path: base }];
  while (stack.length > 0) {
    const { v, depth, path } = stack.pop()!;
    if (typeof v === 'string') {
      const bad = textProblem(v);
      if (bad) return { path, ...bad };
      continue;
    }
    if (v === null || typeof v !== 'object') continue;
    if (depth + 1 > maxDepth) return { path, keyword: 'maxDepth', message: `is nested deeper than ${maxDepth} levels of objects and arrays`, params: { limit: maxDepth } };
    for (const [k, child] of Object.entries(v)) {
      const childPath = `${path}/${pathKey(k)}`;
      const bad = textProblem(k);
      if (bad) return { path: childPath, keyword: bad.keyword, message: `has a key that ${bad.message}` };
      stack.push({ v: child, depth: depth + 1, path: childPath });
    }
  }
  return undefined;
}

/** The first problem among the text values (and names) of a request part: params, query string or headers. */
export function partProblem(part: 'params' | 'querystring' | 'headers', values: unknown): InputProblem | undefined {
  if (values === null || typeof values !== 'object') return undefined;
  for (const [name, value] of Object.entries(values)) {
    const path = `/${part}/${pathKey(name)}`;
    const bad = textProblem(name);
    if (bad) return { path, keyword: bad.keyword, message: `has a name that ${bad.message}` };
    for (const text of Array.isArray(value) ? value : [value]) {
      if (typeof text !== 'string') continue;
      const problem = textProblem(text);
      if (problem) return { path, ...problem };
    }
  }
  return undefined;
}

/** The 400 refusal of one problem field, shaped like a schema error. */
export function inputRefused(problem: InputProblem): ApiError {
  return new ApiError('VALIDATION_FAILED', `Expected ${problem.path} to be valid, but it ${problem.message}`, { errors: [problem] });
}
