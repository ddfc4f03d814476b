/**
 * What a finding says, as a stable code and its parameters (`messageCode`, `params` of {@link Finding}), so
 * that the pages and the server word it in the reader's language (`contracts/messages/rule-findings.ts`).
 */
import type { Finding } from './model.js';

/** A parameter value before it is written as text; undefined ones are left out. */
export type ParamValue = string | number | boolean | undefined;

/** The `messageCode` and `params` of a finding: every value as text, absent ones left out. */
export function said(code: string, params: Readonly<Record<string, ParamValue>> = {}): Required<Pick<Finding, 'messageCode' | 'params'>> {
  const texts: Record<string, string> = {};
  for (const [key, value] of Object.entries(params)) if (value !== undefined) texts[key] = String(value);
  return { messageCode: code, params: texts };
}

/** What a table's column is called for a person: its label when it has one, else its name. */
export function columnLabel(columns: ReadonlyArray<{ name: string; label?: string }>, name: string | undefined): string | undefined {
  if (name === undefined) return undefined;
  return columns.find((c) => c.name === name)?.label?.trim() || name;
}
