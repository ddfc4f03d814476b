/**
 * Regular expressions in FEEL (`matches`, `replace`, `split`; DMN 1.3 §10.3.4.3) run on JavaScript's
 * backtracking engine, where a pattern with nested repetition such as `(a+)+$` takes exponential time on a
 * short input, and one synchronous match cannot be interrupted. Such patterns are refused before they run
 * (safe-regex2: star height above one, or too many repetitions).
 */
import safeRegex from 'safe-regex2';

/** Whether a pattern could backtrack catastrophically (or cannot be checked). */
export function unsafePattern(pattern: string): boolean {
  return !safeRegex(pattern);
}
