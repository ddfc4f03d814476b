/**
 * A depth guard for the values a command carries (variables, facts, notices). The engine copies state with
 * `structuredClone` and folds values recursively; a value nested thousands of levels deep would overflow the
 * stack on every later command of the case, so the engine refuses it on arrival. The HTTP boundary refuses
 * far shallower input first; this guard keeps the engine safe for every other caller (CLI, tests, replays).
 */

/** The deepest nesting of objects and arrays a command may carry. */
export const MAX_COMMAND_DEPTH = 64;

/**
 * The JSON path of the first value of `value` nested deeper than `max` objects or arrays, or undefined.
 * Iterative, so that measuring a hostile value cannot itself overflow the stack.
 */
export function tooDeepAt(value: unknown, max: number = MAX_COMMAND_DEPTH): string | undefined {
  const stack: Array<{ v: unknown; depth: number; path: string }> = [{ v: value, depth: 0, path: '' }];
  while (stack.length > 0) {
    const { v, depth, path } = stack.pop()!;
    if (v === null || typeof v !== 'object') continue;
    if (depth + 1 > max) return path || '/';
    for (const [k, child] of Object.entries(v)) {
      if (child !== null && typeof child === 'object') stack.push({ v: child, depth: depth + 1, path: `${path}/${k}` });
    }
  }
  return undefined;
}
