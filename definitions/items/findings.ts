/** What loading an item package reports: one finding per problem, naming the file and the element, row or field. */

/** A problem in an item package. */
export interface ItemFinding {
  severity: 'error' | 'warning';
  /** A stable code (`schema`, `unknown-fact`, a BPMN lint rule, a rule-table code …). */
  code: string;
  message: string;
  /** The file in the package: `item.json`, `process.bpmn`, `rules/materials.yaml`. */
  file: string;
  /** The BPMN element id. */
  element?: string;
  /** The rule-table row id. */
  row?: string;
  /** The field: a JSON path in `item.json`, or a rule-table column. */
  field?: string;
  /** What the message names (element, department …), for a client that words it itself by `code`. */
  params?: Readonly<Record<string, string>>;
  /** A rule-table finding's message code (`contracts/messages/rule-findings.ts`), worded with `params`. */
  messageCode?: string;
}

/** Formats a finding as one line: `rules/materials.yaml row 'M5' field 'usesVendingMachine': error unknown-fact: …`. */
export function formatItemFinding(f: ItemFinding): string {
  const where = [
    f.file,
    f.element !== undefined ? `element '${f.element}'` : undefined,
    f.row !== undefined ? `row '${f.row}'` : undefined,
    f.field !== undefined ? `field '${f.field}'` : undefined,
  ].filter(Boolean).join(' ');
  return `${where}: ${f.severity} ${f.code}: ${f.message}`;
}

/** True when a finding refuses the package. */
export function hasItemErrors(findings: readonly ItemFinding[]): boolean {
  return findings.some((f) => f.severity === 'error');
}
