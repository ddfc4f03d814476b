/** A closed list of strings as a schema: `{ type: 'string', enum }`, typed as the union of its values. */
import { Type, type SchemaOptions, type TUnsafe } from '@sinclair/typebox';

/** The schema of one of `values` (an `as const` list, so the union is derived from the list). */
export function StringEnum<const T extends readonly string[]>(values: T, options: SchemaOptions = {}): TUnsafe<T[number]> {
  return Type.Unsafe<T[number]>({ type: 'string', enum: [...values], ...options });
}
