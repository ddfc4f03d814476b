/**
 * Rule cells in words for the public disclosure (两清单一图表): an applicant reads 客房数：50间及以上 and
 * 证书工本费：每增加一本加收10元, never `>= 50` or `(certificatesRequested - 1) * 10`. Pure.
 *
 * Unary tests (DMN 1.3 §7.3.2 S-FEEL): `-`, a literal, a list of literals, a comparison (`> 1`, `>= 50`), an
 * interval (`[1..5]`) and `not(…)` of these. Anything else, and an output that is an expression, takes the
 * row's own `text` (else its annotation); never its syntax.
 */
import type { InputColumn, OutputColumn, Row } from '../../rules/index.js';

/** The names of coded values (`RESIDENTIAL` → 住宅). */
export type ValueNames = Readonly<Record<string, string>>;

const NUMBER = String.raw`-?\d+(?:\.\d+)?`;

function literal(text: string, names: ValueNames): string | undefined {
  const t = text.trim();
  if (t === 'true') return '是';
  if (t === 'false') return '否';
  if (new RegExp(`^${NUMBER}$`).test(t)) return t;
  const quoted = /^"([^"]*)"$/.exec(t);
  if (quoted) return names[quoted[1]!] ?? quoted[1]!;
  return undefined;
}

/** Splits a list of literals on top-level commas (`"A","B"`), keeping commas inside quotes. */
function items(text: string): string[] {
  return text.match(/"[^"]*"|[^,]+/g)?.map((s) => s.trim()).filter(Boolean) ?? [];
}

function comparison(test: string, unit: string): string | undefined {
  const m = new RegExp(`^(<=|>=|<|>)\\s*(${NUMBER})$`).exec(test);
  if (m) {
    const n = `${m[2]}${unit}`;
    return { '>': `超过${n}`, '>=': `${n}及以上`, '<': `不足${n}`, '<=': `不超过${n}` }[m[1] as '>' | '>=' | '<' | '<='];
  }
  const range = new RegExp(`^([\\[(\\]])\\s*(${NUMBER})\\s*\\.\\.\\s*(${NUMBER})\\s*([\\])\\[])$`).exec(test);
  if (range) {
    const [, open, a, b, close] = range;
    const from = open === '[' ? `${a}${unit}` : `超过${a}${unit}`;
    const to = close === ']' ? `${b}${unit}` : `不足${b}${unit}`;
    return `${from}至${to}`;
  }
  return undefined;
}

/** One positive unary test in words, or undefined when it is not one Shenpi can say in words. */
function positive(test: string, unit: string, names: ValueNames): string | undefined {
  const compared = comparison(test.trim(), unit);
  if (compared) return compared;
  const values = items(test).map((v) => literal(v, names));
  if (!values.length || values.some((v) => v === undefined)) return undefined;
  const withUnit = values.map((v) => (/^-?\d/.test(v!) ? `${v}${unit}` : v!));
  return withUnit.join('或');
}

/**
 * A unary-test cell in words for its input column (`客房数：50间及以上`), `undefined` for `-` (no condition),
 * or `null` when the cell is not one Shenpi can say in words.
 */
export function unaryWords(cell: string, column: Pick<InputColumn, 'name' | 'label' | 'unit'>, names: ValueNames): string | undefined | null {
  const t = cell.trim();
  if (t === '-' || t === '') return undefined;
  const label = column.label ?? column.name;
  const unit = column.unit ?? '';
  const negated = /^not\((.*)\)$/.exec(t);
  if (negated) {
    const inner = negated[1]!.trim();
    if (inner === 'true') return `${label}：否`;
    if (inner === 'false') return `${label}：是`;
    const words = positive(inner, unit, names);
    return words === undefined ? null : `${label}：不是${words}`;
  }
  const words = positive(t, unit, names);
  return words === undefined ? null : `${label}：${words}`;
}

/** An output cell in words (`80元`, `证书工本费`), or `null` when it is an expression. */
export function outputWords(cell: string, column: Pick<OutputColumn, 'unit'>, names: ValueNames): string | null {
  const value = literal(cell, names);
  if (value === undefined) return null;
  return /^-?\d/.test(value) ? `${value}${column.unit ?? ''}` : value;
}

/**
 * What the disclosure says of a row it cannot put in words and that has neither `text` nor an annotation:
 * that it follows the rules, never its syntax. Deploy warns of such a row (finding `disclosure-words`).
 */
export function rowFallback(_row: Pick<Row, 'id'>): string {
  return '按规定计算';
}
