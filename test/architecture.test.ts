/**
 * The architecture, checked over the source text: dependencies point one way, the engine has no import
 * circles, the pure parts of the engine never read ambient time or randomness (architecture guide,
 * principles 1 and 5: a case replays to the same state), and the core's files stay small. One import
 * scanner serves every rule; its own tests below show that it finds what it looks for.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { repoDir } from './support/shared.js';

/** Every source file below a folder of the repository, repository-relative. */
function sourceFiles(dir: string): string[] {
  const out: string[] = [];
  const walk = (d: string): void => {
    for (const name of readdirSync(d)) {
      if (name === 'node_modules' || name === 'dist') continue;
      const p = path.join(d, name);
      if (statSync(p).isDirectory()) walk(p);
      else if (/\.(ts|js|mjs)$/.test(name)) out.push(path.relative(repoDir, p));
    }
  };
  try {
    walk(path.join(repoDir, dir));
  } catch {
    return [];
  }
  return out;
}

const read = (file: string): string => readFileSync(path.join(repoDir, file), 'utf8');

/** The module specifiers a text imports: static (type-only included), re-exports, side effects, dynamic. */
function importsIn(text: string): string[] {
  const specs: string[] = [];
  const pattern = /(?:import|export)\s[^'"]*?from\s*['"]([^'"]+)['"]|import\s*['"]([^'"]+)['"]|import\(\s*['"]([^'"]+)['"]\s*\)/g;
  for (const m of text.matchAll(pattern)) specs.push((m[1] ?? m[2] ?? m[3])!);
  return specs;
}

/** Resolves a relative import to a repository-relative `.ts` path; bare specifiers are returned as they are. */
function target(file: string, spec: string): string {
  if (!spec.startsWith('.')) return spec;
  return path.relative(repoDir, path.resolve(repoDir, path.dirname(file), spec)).replace(/\.js$/, '.ts');
}

function violations(dir: string, allowed: (target: string) => boolean): string[] {
  const found: string[] = [];
  for (const file of sourceFiles(dir)) {
    for (const spec of importsIn(read(file))) {
      const t = target(file, spec);
      if (!allowed(t)) found.push(`${file} imports ${t}`);
    }
  }
  return found;
}

/** The import circles of a graph (strongly connected components of more than one file, or a self-import). */
function circles(graph: ReadonlyMap<string, readonly string[]>): string[][] {
  const index = new Map<string, number>();
  const low = new Map<string, number>();
  const stack: string[] = [];
  const onStack = new Set<string>();
  const found: string[][] = [];
  const visit = (v: string): void => {
    index.set(v, index.size);
    low.set(v, index.get(v)!);
    stack.push(v);
    onStack.add(v);
    for (const w of graph.get(v) ?? []) {
      if (!index.has(w)) {
        visit(w);
        low.set(v, Math.min(low.get(v)!, low.get(w)!));
      } else if (onStack.has(w)) low.set(v, Math.min(low.get(v)!, index.get(w)!));
    }
    if (low.get(v) !== index.get(v)) return;
    const component: string[] = [];
    for (let w = stack.pop(); w !== undefined; w = w === v ? undefined : stack.pop()) {
      onStack.delete(w);
      component.push(w);
    }
    if (component.length > 1 || graph.get(v)?.includes(v)) found.push(component.sort());
  };
  for (const v of graph.keys()) if (!index.has(v)) visit(v);
  return found;
}

/** The graph of relative imports between the files of a folder (type-only imports count: they couple too). */
function importGraph(dir: string): Map<string, string[]> {
  const graph = new Map<string, string[]>();
  for (const file of sourceFiles(dir)) {
    graph.set(file, importsIn(read(file)).filter((s) => s.startsWith('.')).map((s) => target(file, s)).filter((t) => t.startsWith(`${dir}/`)));
  }
  return graph;
}

/** Reading the clock, drawing random numbers or starting timers: none of it replays. */
const AMBIENT = /Date\.now|new Date\(\s*\)|performance\.now|Math\.random|setTimeout|setInterval|DateTime\.now|DateTime\.local\(\s*\)|Temporal\.Now/;
/** The core builds no `Date` at all: its instants are ISO strings computed with luxon from `ctx.now`. */
const CORE_AMBIENT = new RegExp(`${AMBIENT.source}|new Date\\(`);

/** Source text without comment lines, so that a comment may name what the code must not do. */
const code = (text: string): string => text.replace(/^\s*(\*|\/\/|\/\*\*).*$/gm, '');

function ambientReads(dir: string, banned: RegExp): string[] {
  return sourceFiles(dir).filter((file) => banned.test(code(read(file))));
}

describe('dependencies point one way', () => {
  it('keeps the engine free of definitions, rules and server code', () => {
    expect(violations('engine', (t) => !/^(definitions|rules|server|modeler)\//.test(t))).toEqual([]);
  });

  it('keeps the engine core free of I/O: only engine/ modules, feelin and luxon', () => {
    expect(violations('engine/core', (t) => t.startsWith('engine/') || t === 'feelin' || t === 'luxon')).toEqual([]);
  });

  it('keeps contracts/ shared by the server and the pages: it imports only itself and TypeBox', () => {
    expect(violations('contracts', (t) => t.startsWith('contracts/') || t === '@sinclair/typebox')).toEqual([]);
  });

  it('keeps definitions/ and rules/ from knowing the server', () => {
    const bad = [
      ...violations('definitions', (t) => !t.startsWith('server/') && !t.startsWith('modeler/')),
      ...violations('rules', (t) => !t.startsWith('server/') && !t.startsWith('modeler/')),
    ];
    expect(bad).toEqual([]);
  });

  it('keeps the modeler away from Node-only engine and server code', () => {
    expect(violations('modeler', (t) => !/^(server|engine\/runtime)\//.test(t) && !t.startsWith('node:'))).toEqual([]);
  });

  it('has no import circle in the engine (element behaviours see ElementContext, not Run)', () => {
    expect(circles(importGraph('engine'))).toEqual([]);
  });
});

describe('the pure engine never reads ambient time or randomness', () => {
  it.each(['engine/core', 'engine/approval', 'engine/clocks', 'engine/calendar'])('%s', (dir) => {
    expect(sourceFiles(dir).length).toBeGreaterThan(0);
    expect(ambientReads(dir, dir === 'engine/core' ? CORE_AMBIENT : AMBIENT)).toEqual([]);
  });
});

describe('engine/core stays small', () => {
  it('keeps element behaviours small and every file under 300 lines', () => {
    for (const file of sourceFiles('engine/core')) {
      const lines = read(file).split('\n').length;
      expect(lines, file).toBeLessThan(300);
      if (file.includes('/elements/') && !/behavior|registry/.test(file)) expect(lines, file).toBeLessThanOrEqual(150);
    }
  });
});

describe('the scanners themselves', () => {
  it('finds every kind of import', () => {
    const text = [
      "import { a } from './a.js';",
      "import type { B } from '../b.js';",
      "export { c } from './c.js';",
      "import './side-effect.js';",
      "const d = await import('./d.js');",
    ].join('\n');
    expect(importsIn(text)).toEqual(['./a.js', '../b.js', './c.js', './side-effect.js', './d.js']);
    expect(importsIn(read('server/cli/main.ts'))).toContain('./io.js');
  });

  it('finds a circle and leaves a tree alone', () => {
    const graph = new Map([['a', ['b']], ['b', ['c']], ['c', ['a', 'd']], ['d', []], ['e', ['e']]]);
    expect(circles(graph)).toEqual([['a', 'b', 'c'], ['e']]);
    expect(circles(new Map([['a', ['b', 'c']], ['b', ['c']], ['c', []]]))).toEqual([]);
  });

  it('finds ambient time in code but not in comments', () => {
    for (const line of ['const t = Date.now();', 'const d = new Date();', 'performance.now()', 'Math.random()', 'DateTime.local()']) {
      expect(AMBIENT.test(code(line)), line).toBe(true);
    }
    expect(AMBIENT.test(code("const d = new Date('2026-03-02T09:00:00Z');"))).toBe(false);
    expect(CORE_AMBIENT.test(code("const d = new Date('2026-03-02T09:00:00Z');"))).toBe(true);
    expect(AMBIENT.test(code(' * never Date.now(): time comes in ctx.now'))).toBe(false);
  });
});
