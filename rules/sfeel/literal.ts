/**
 * S-FEEL literals (DMN 1.3 §9.2 grammar rules 17–23 and §10.3.1.2): strings, numbers, booleans, `null`
 * and `date("…")`. Dates are kept as ISO `YYYY-MM-DD` strings, which order correctly as text.
 */

/** A parsed literal; `type` says how it compares. */
export type Literal =
  | { type: 'string'; value: string }
  | { type: 'number'; value: number }
  | { type: 'boolean'; value: boolean }
  | { type: 'date'; value: string }
  | { type: 'null'; value: null };

const NUMBER = /^-?(?:\d+(?:\.\d*)?|\.\d+)$/;
const DATE_CALL = /^date\(\s*"(\d{4}-\d{2}-\d{2})"\s*\)$/;

/** Reads a FEEL string literal body (between the quotes), honouring the FEEL escapes of §10.3.1.2. */
export function unescapeFeelString(body: string): string {
  return body.replace(/\\(u[0-9a-fA-F]{4}|.)/g, (_, esc: string) => {
    if (esc.startsWith('u') && esc.length === 5) return String.fromCharCode(parseInt(esc.slice(1), 16));
    return ({ n: '\n', r: '\r', t: '\t' } as Record<string, string>)[esc] ?? esc;
  });
}

/** Writes a JS string as a FEEL string literal. */
export function quoteFeelString(value: string): string {
  return `"${value.replace(/\\/g, '\\\\').replace(/"/g, '\\"').replace(/\n/g, '\\n')}"`;
}

/** Parses the whole text as one literal, or returns `undefined` when it is something else. */
export function parseLiteral(text: string): Literal | undefined {
  const t = text.trim();
  if (t.length >= 2 && t.startsWith('"') && t.endsWith('"')) {
    const body = t.slice(1, -1);
    // A quote inside must be escaped, else this is two strings ("a","b") and not one literal.
    if (/(^|[^\\])(\\\\)*"/.test(body)) return undefined;
    return { type: 'string', value: unescapeFeelString(body) };
  }
  if (NUMBER.test(t)) return { type: 'number', value: Number(t) };
  if (t === 'true' || t === 'false') return { type: 'boolean', value: t === 'true' };
  if (t === 'null') return { type: 'null', value: null };
  const date = DATE_CALL.exec(t);
  if (date) return { type: 'date', value: date[1]! };
  return undefined;
}

/** Writes a plain value back as a FEEL literal (for DMN export and generated cells). */
export function toFeelLiteral(value: unknown): string {
  if (value === null || value === undefined) return 'null';
  if (typeof value === 'string') return quoteFeelString(value);
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  return JSON.stringify(value);
}

/** The FEEL type of a plain input value, as used by the comparisons. */
export function typeOfValue(value: unknown): Literal['type'] | 'other' {
  if (value === null || value === undefined) return 'null';
  if (typeof value === 'string') return 'string';
  if (typeof value === 'number') return 'number';
  if (typeof value === 'boolean') return 'boolean';
  return 'other';
}
