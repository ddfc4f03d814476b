/**
 * Parser for S-FEEL unary tests, the language of decision-table input cells (DMN 1.3 §9.2 rules 7–16):
 * `-`, literals, comparisons (`< 50`), intervals (`[10..20]`, `]1..2[`), `not(…)` and comma-separated
 * disjunctions. The parsed form serves both evaluation (a fast predicate) and the linter (overlap
 * analysis). Anything beyond these forms is kept as a FEEL fallback evaluated by feelin.
 */
import { parseLiteral, type Literal } from './literal.js';

/** One positive unary test (DMN 1.3 §9.2 rule 9 "simple positive unary test", or a FEEL fallback). */
export type PositiveTest =
  | { kind: 'eq'; lit: Literal }
  | { kind: 'cmp'; op: '<' | '<=' | '>' | '>='; lit: Literal }
  | { kind: 'range'; lo: Literal; hi: Literal; loClosed: boolean; hiClosed: boolean }
  /** Something only full FEEL can evaluate; `bareName` is set when it is a single name (a variable). */
  | { kind: 'feel'; text: string; bareName?: string };

/** A cell: `-` (anything) or a disjunction of tests, possibly negated. */
export type UnaryTests = { kind: 'any' } | { kind: 'tests'; negated: boolean; tests: PositiveTest[] };

const NAME = /^[\p{L}_][\p{L}\p{N}_.' ]*$/u;

/** Splits on top-level commas, respecting strings and brackets. */
export function splitTopLevel(text: string): string[] {
  const parts: string[] = [];
  let depth = 0;
  let inString = false;
  let start = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (inString) {
      if (c === '\\') i++;
      else if (c === '"') inString = false;
    } else if (c === '"') inString = true;
    else if (c === '(' || c === '[') depth++;
    else if (c === ')') depth--;
    else if (c === ']') depth += isOpeningBracket(text, i) ? 1 : -1;
    else if (c === '{') depth++;
    else if (c === '}') depth--;
    else if (c === ',' && depth === 0) {
      parts.push(text.slice(start, i).trim());
      start = i + 1;
    }
  }
  parts.push(text.slice(start).trim());
  return parts;
}

/** `]` opens an interval when it starts a test (`]1..2[`, DMN 1.3 §10.3.2.7 open-start notation). */
function isOpeningBracket(text: string, i: number): boolean {
  const before = text.slice(0, i).trimEnd();
  return before === '' || before.endsWith(',') || before.endsWith('(');
}

function parseInterval(t: string): PositiveTest | undefined {
  const first = t[0];
  const last = t[t.length - 1];
  if (!first || !last || !'[(]'.includes(first) || !'])['.includes(last)) return undefined;
  const body = t.slice(1, -1);
  const dots = findRangeDots(body);
  if (dots < 0) return undefined;
  const lo = parseLiteral(body.slice(0, dots));
  const hi = parseLiteral(body.slice(dots + 2));
  if (!lo || !hi) return undefined;
  return { kind: 'range', lo, hi, loClosed: first === '[', hiClosed: last === ']' };
}

/** Finds `..` outside string literals. */
function findRangeDots(body: string): number {
  let inString = false;
  for (let i = 0; i < body.length - 1; i++) {
    const c = body[i];
    if (inString) {
      if (c === '\\') i++;
      else if (c === '"') inString = false;
    } else if (c === '"') inString = true;
    else if (c === '.' && body[i + 1] === '.') return i;
  }
  return -1;
}

/** Parses one positive test. */
export function parsePositiveTest(text: string): PositiveTest {
  const t = text.trim();
  const cmp = /^(<=|>=|<|>|=)\s*(.+)$/s.exec(t);
  if (cmp) {
    const lit = parseLiteral(cmp[2]!);
    if (lit && cmp[1] === '=') return { kind: 'eq', lit };
    if (lit && lit.type !== 'null' && lit.type !== 'boolean') {
      return { kind: 'cmp', op: cmp[1] as '<' | '<=' | '>' | '>=', lit };
    }
    return { kind: 'feel', text: t };
  }
  const lit = parseLiteral(t);
  if (lit) return { kind: 'eq', lit };
  const interval = parseInterval(t);
  if (interval) return interval;
  if (NAME.test(t) && !t.includes('?') && !/\s(and|or|in|between|instance)\s/.test(` ${t} `)) {
    return { kind: 'feel', text: t, bareName: t };
  }
  return { kind: 'feel', text: t };
}

/** Parses an input cell. Never throws: unknown forms become FEEL fallbacks checked by the linter. */
export function parseUnaryTests(text: string): UnaryTests {
  const t = text.trim();
  if (t === '-' || t === '') return { kind: 'any' };
  const not = /^not\s*\((.*)\)$/s.exec(t);
  if (not && balanced(not[1]!)) {
    return { kind: 'tests', negated: true, tests: splitTopLevel(not[1]!).map(parsePositiveTest) };
  }
  return { kind: 'tests', negated: false, tests: splitTopLevel(t).map(parsePositiveTest) };
}

function balanced(text: string): boolean {
  let depth = 0;
  let inString = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (inString) {
      if (c === '\\') i++;
      else if (c === '"') inString = false;
    } else if (c === '"') inString = true;
    else if (c === '(') depth++;
    else if (c === ')' && --depth < 0) return false;
  }
  return depth === 0;
}
