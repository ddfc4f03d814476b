import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { repoDir } from './support/shared.js';

/** Every .ts file below a top-level folder of the repository. */
function sourceFiles(dir: string): string[] {
  const root = path.join(repoDir, dir);
  const out: string[] = [];
  const walk = (d: string): void => {
    for (const name of readdirSync(d)) {
      if (name === 'node_modules' || name === 'dist') continue;
      const p = path.join(d, name);
      if (statSync(p).isDirectory()) walk(p);
      else if (/\.(ts|js|mjs)$/.test(name)) out.push(p);
    }
  };
  try {
    walk(root);
  } catch {
    return [];
  }
  return out;
}

/** The module specifiers a file imports (static and dynamic). */
function importsOf(file: string): string[] {
  const text = readFileSync(file, 'utf8');
  const specs: string[] = [];
  for (const m of text.matchAll(/(?:import|export)\s[^'"]*?from\s*['"]([^'"]+)['"]|import\(\s*['"]([^'"]+)['"]\s*\)/g)) {
    specs.push((m[1] ?? m[2])!);
  }
  return specs;
}

/** Resolves a relative import to a repository-relative path; bare specifiers are returned as they are. */
function target(file: string, spec: string): string {
  if (!spec.startsWith('.')) return spec;
  return path.relative(repoDir, path.resolve(path.dirname(file), spec));
}

function violations(dir: string, allowed: (target: string) => boolean): string[] {
  const found: string[] = [];
  for (const file of sourceFiles(dir)) {
    for (const spec of importsOf(file)) {
      const t = target(file, spec);
      if (!allowed(t)) found.push(`${path.relative(repoDir, file)} imports ${t}`);
    }
  }
  return found;
}

describe('dependencies point one way', () => {
  it('keeps the engine free of definitions, rules and server code', () => {
    const bad = violations('engine', (t) => !/^(definitions|rules|server|modeler)\//.test(t));
    expect(bad).toEqual([]);
  });

  it('keeps the engine core free of I/O: only engine/ modules, feelin and luxon', () => {
    const bad = violations('engine/core', (t) => t.startsWith('engine/') || t === 'feelin' || t === 'luxon');
    expect(bad).toEqual([]);
  });

  it('keeps definitions/ and rules/ from knowing the server', () => {
    const bad = [
      ...violations('definitions', (t) => !t.startsWith('server/') && !t.startsWith('modeler/')),
      ...violations('rules', (t) => !t.startsWith('server/') && !t.startsWith('modeler/')),
    ];
    expect(bad).toEqual([]);
  });

  it('keeps the modeler away from Node-only engine and server code', () => {
    const bad = violations('modeler', (t) => !/^(server|engine\/runtime)\//.test(t) && !t.startsWith('node:'));
    expect(bad).toEqual([]);
  });

  it('finds a violation when one is there (the scanner itself works)', () => {
    const specs = importsOf(path.join(repoDir, 'server/cli/main.ts'));
    expect(specs).toContain('./io.js');
  });
});
