/** Expression checks shared by the rules: every expression is FEEL and must parse at deploy. */
import { checkExpression } from '../../engine/expression/index.js';
import type { ModdleElement } from '../moddle.js';

const FEEL_LANGUAGES = [/feel/i];

/** A problem with an expression, or null when it parses. `what` names it in the message. */
export function expressionProblem(source: string | undefined, what: string): string | null {
  if (source === undefined) return null;
  const problem = checkExpression(source);
  return problem ? `${what} '${source}' is not valid FEEL: ${problem.message}` : null;
}

/**
 * A problem with the `language` of a formal expression (BPMN 2.0.2 §10.2.1 allows any language by URI);
 * Shenpi runs FEEL only, so another declared language is refused rather than misread.
 */
export function languageProblem(expr: ModdleElement | undefined): string | null {
  const language = expr?.language as string | undefined;
  if (!language || FEEL_LANGUAGES.some((re) => re.test(language))) return null;
  return `expression language '${language}' is not supported; Shenpi evaluates FEEL only`;
}
