/**
 * Runs the rules over a moddle tree.
 *
 * Why our own small runner rather than bpmnlint's Linter: the Linter resolves rules asynchronously by string
 * names, catches a crashing rule and prints it with console.error, and maps severities from a config, while
 * deploy needs every finding with its own severity and must let a crashing rule surface as the bug it is.
 * The traversal is the same as bpmnlint's (contained, non-reference properties, depth first), and rules have
 * bpmnlint's shape, so the modeler can still run them through bpmnlint.
 */
import type { Finding, Severity } from '../findings.js';
import type { ModdleElement } from '../moddle.js';
import type { Reporter, RuleDefinition } from './rule.js';

const SIMPLE = new Set(['String', 'Boolean', 'Integer', 'Real']);

/** Elements never visited: diagrams (BPMN DI, chapter 12) have no execution meaning and are large. */
function skipped(el: ModdleElement, skip: ReadonlySet<ModdleElement>): boolean {
  return skip.has(el) || el.$type === 'bpmndi:BPMNDiagram';
}

function traverse(el: ModdleElement, visit: (el: ModdleElement) => boolean | void, skip: ReadonlySet<ModdleElement>): void {
  if (skipped(el, skip)) return;
  const descend = visit(el);
  const descriptor = el.$descriptor;
  if (descend === false || !descriptor || descriptor.isGeneric) return;
  for (const p of descriptor.properties) {
    if (p.isAttr || p.isReference || SIMPLE.has(p.type) || !(p.name in el)) continue;
    const value = el[p.name];
    if (p.isMany) for (const child of (value as ModdleElement[]) ?? []) traverse(child, visit, skip);
    else if (value && typeof value === 'object') traverse(value as ModdleElement, visit, skip);
  }
}

/** Options of {@link runRules}. */
export interface RunOptions {
  /** Subtrees not to visit: the processes of the file that are not being deployed. */
  skip?: ReadonlySet<ModdleElement>;
}

/** Runs every rule over the tree rooted at `root` and returns their findings in traversal order. */
export function runRules(
  root: ModdleElement,
  rules: Readonly<Record<string, RuleDefinition>>,
  options: RunOptions = {},
): Finding[] {
  const findings: Finding[] = [];
  const skip = options.skip ?? new Set<ModdleElement>();
  for (const [name, rule] of Object.entries(rules)) {
    const reporter: Reporter = {
      report(id, message, context) {
        const path = Array.isArray(context) ? context : context?.path;
        const severity: Severity = (!Array.isArray(context) && context?.severity) || rule.meta.severity;
        findings.push({ id: id ?? '', rule: name, message, severity, ...(path ? { path } : {}) });
      },
    };
    traverse(root, (el) => rule.check(el, reporter), skip);
  }
  return findings;
}
