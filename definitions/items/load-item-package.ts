/**
 * Loading an item package: `item.json` (the listing, checked against its JSON Schema), `process.bpmn`
 * (parsed, linted and compiled under the item's code and version) and `rules/*` (rule tables by purpose).
 * All three are validated, checked against each other, and compiled into one immutable `ItemDefinition`.
 * Every finding names the file and the element, row or field.
 */
import { loadDefinition } from '../index.js';
import type { ExecutableDefinition } from '../../engine/core/model.js';
import { crossCheck } from './cross-checks.js';
import { hasItemErrors, type ItemFinding } from './findings.js';
import { deepFreeze, type ItemDefinition } from './item-definition.js';
import type { ItemListing } from './listing.js';
import { loadPackageRules } from './package-rules.js';
import { itemSnapshot } from './snapshot.js';
import { validateListing } from './validate-listing.js';

/** The files of a package by relative path (`item.json`, `process.bpmn`, `rules/materials.yaml` …). */
export type ItemPackageFiles = Readonly<Record<string, string | Uint8Array>>;

/** A loaded package, with the warnings that did not refuse it. */
export type LoadedItem = { ok: true; item: ItemDefinition; warnings: ItemFinding[] } | { ok: false; findings: ItemFinding[] };

function text(value: string | Uint8Array): string {
  return typeof value === 'string' ? value : new TextDecoder('utf-8', { fatal: false }).decode(value).replace(/^\uFEFF/, '');
}

function parseListing(source: string | undefined, findings: ItemFinding[]): ItemListing | undefined {
  if (source === undefined) {
    findings.push({ severity: 'error', code: 'missing-file', file: 'item.json', message: 'the package has no item.json' });
    return undefined;
  }
  let doc: unknown;
  try {
    doc = JSON.parse(source);
  } catch (error) {
    findings.push({ severity: 'error', code: 'json', file: 'item.json', message: (error as Error).message });
    return undefined;
  }
  const problems = validateListing(doc);
  findings.push(...problems);
  return problems.length ? undefined : (doc as ItemListing);
}

async function compileProcess(source: string | undefined, key: string, version: number, findings: ItemFinding[]): Promise<ExecutableDefinition | undefined> {
  if (source === undefined) {
    findings.push({ severity: 'error', code: 'missing-file', file: 'process.bpmn', message: 'the package has no process.bpmn' });
    return undefined;
  }
  const loaded = await loadDefinition(source, { key, version });
  const own = loaded.ok ? loaded.warnings : loaded.findings;
  findings.push(...own.map((f) => ({ severity: f.severity, code: f.rule, message: f.message, file: 'process.bpmn', ...(f.id ? { element: f.id } : {}) })));
  return loaded.ok ? loaded.definition : undefined;
}

/**
 * Validates and compiles an item package as version `version` (1 when absent). Refuses, listing EVERY
 * finding, when anything would fail later or when the three parts disagree; never throws for a bad package.
 */
export async function loadItemPackage(files: ItemPackageFiles, opts: { version?: number } = {}): Promise<LoadedItem> {
  const version = opts.version ?? 1;
  const sources = Object.fromEntries(Object.entries(files).map(([name, value]) => [name.replace(/\\/g, '/'), text(value)]));
  const findings: ItemFinding[] = [];
  const listing = parseListing(sources['item.json'], findings);
  const definition = await compileProcess(sources['process.bpmn'], listing?.code ?? 'item', version, findings);
  const { rules, findings: ruleFindings } = await loadPackageRules(sources);
  findings.push(...ruleFindings);
  if (listing) findings.push(...(await crossCheck(listing, rules, definition)));
  const sorted = [...findings].sort((a, b) => (a.severity === b.severity ? 0 : a.severity === 'error' ? -1 : 1) || a.file.localeCompare(b.file));
  if (hasItemErrors(sorted) || !listing || !definition) return { ok: false, findings: sorted };
  const item: ItemDefinition = {
    code: listing.code,
    version,
    listing: deepFreeze(structuredClone(listing)),
    definition,
    bpmn: sources['process.bpmn']!,
    rules: Object.freeze(rules),
    sources: Object.freeze(sources),
    snapshot: deepFreeze(itemSnapshot(listing, version)),
  };
  return { ok: true, item: Object.freeze(item), warnings: sorted };
}
