/** What deploy, lint and the modeler report about a BPMN file: one finding per problem, with the element id. */

/** `error` refuses the deploy; `warning` is told but does not. */
export type Severity = 'error' | 'warning';

/**
 * One problem found in a BPMN file.
 * `id` is the id of the BPMN element concerned, or `''` for the file itself (encoding, XML syntax).
 */
export interface Finding {
  id: string;
  /** The rule that found it (`reachable-from-start`, `xml-encoding` …); stable, greppable. */
  rule: string;
  message: string;
  severity: Severity;
  /** Property path inside the element (`['conditionExpression', 'body']`), when the problem is in one. */
  path?: string[];
  /** What the message names (element, department …), for a client that words it itself by `rule`. */
  params?: Readonly<Record<string, string>>;
}

/** True when at least one finding is an error. */
export function hasErrors(findings: readonly Finding[]): boolean {
  return findings.some((f) => f.severity === 'error');
}

/** Orders findings stably: errors first, then by element id, rule and message. */
export function sortFindings(findings: readonly Finding[]): Finding[] {
  const rank = (f: Finding) => (f.severity === 'error' ? 0 : 1);
  return [...findings].sort(
    (a, b) =>
      rank(a) - rank(b) ||
      a.id.localeCompare(b.id) ||
      a.rule.localeCompare(b.rule) ||
      a.message.localeCompare(b.message),
  );
}
