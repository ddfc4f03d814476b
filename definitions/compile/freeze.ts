/** Deep freezing of compiled definitions: the engine shares one definition between all its cases. */

/** Freezes `value` and everything reachable from it, and returns it typed as read-only. */
export function deepFreeze<T>(value: T): T {
  if (value && typeof value === 'object' && !Object.isFrozen(value)) {
    Object.freeze(value);
    for (const child of Object.values(value as Record<string, unknown>)) deepFreeze(child);
  }
  return value;
}

/** Copies an object without its `undefined` properties, so compiled definitions are clean JSON. */
export function compact<T extends object>(value: T): T {
  return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined)) as T;
}
