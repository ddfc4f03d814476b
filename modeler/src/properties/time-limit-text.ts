/**
 * The text of `approval:timeLimit` split into a value and a unit and joined back: `<n>WD` (working days),
 * `<n>CD` (calendar days) or an ISO 8601 duration (docs/approval-extension.md). The deploy rules check the
 * joined value; these helpers only move text between the panel's two fields and the attribute.
 */

/** The units a limit may be written in. `ISO` means the value is a whole ISO 8601 duration (`P3D`). */
export type LimitUnit = 'WD' | 'CD' | 'ISO';

/** A time limit split into the two fields the panel shows. */
export interface LimitParts {
  value: string;
  unit: LimitUnit;
}

/** Splits an `approval:timeLimit` value; an empty or absent value gives an empty value in working days. */
export function splitLimit(text: string | undefined): LimitParts {
  const t = (text ?? '').trim();
  const m = /^(\d+)\s*(WD|CD)$/i.exec(t);
  if (m) return { value: m[1]!, unit: m[2]!.toUpperCase() as LimitUnit };
  if (t.startsWith('P')) return { value: t, unit: 'ISO' };
  return { value: t, unit: 'WD' };
}

/** Joins the two fields back into an attribute value; undefined (remove the attribute) when the value is empty. */
export function joinLimit(parts: LimitParts): string | undefined {
  const value = parts.value.trim();
  if (!value) return undefined;
  // A value written as an ISO 8601 duration stays one, whatever the unit field says.
  if (parts.unit === 'ISO' || value.startsWith('P')) return value;
  return `${value.replace(/\s*(WD|CD)$/i, '')}${parts.unit}`;
}
