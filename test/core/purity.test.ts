/**
 * The core stays pure: it imports nothing outside `engine/` but feelin and luxon, and never reads the
 * clock, draws random numbers or sets timers (architecture guide, principle 1 and 5).
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { repoDir } from '../support/shared.js';

const coreDir = path.join(repoDir, 'engine/core');
const engineDir = path.join(repoDir, 'engine');

function files(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const full = path.join(dir, name);
    return statSync(full).isDirectory() ? files(full) : full.endsWith('.ts') ? [full] : [];
  });
}

const sources = files(coreDir).map((file) => ({ file: path.relative(repoDir, file), text: readFileSync(file, 'utf8') }));

describe('engine/core purity', () => {
  it('imports only from engine/, feelin and luxon', () => {
    const offending: string[] = [];
    for (const { file, text } of sources) {
      for (const [, spec] of text.matchAll(/(?:from|import)\s*\(?\s*'([^']+)'/g)) {
        if (spec === 'feelin' || spec === 'luxon') continue;
        const resolved = spec!.startsWith('.') ? path.resolve(repoDir, path.dirname(file), spec!) : spec!;
        if (!resolved.startsWith(engineDir + path.sep)) offending.push(`${file}: ${spec}`);
      }
    }
    expect(offending).toEqual([]);
  });

  it('never reads the clock, draws random numbers or sets timers', () => {
    const banned = /Date\.now|new Date\(|Math\.random|setTimeout|setInterval|DateTime\.now|DateTime\.local\(\)/;
    const offending = sources.filter(({ text }) => banned.test(text.replace(/^\s*(\*|\/\/).*$/gm, ''))).map((s) => s.file);
    expect(offending).toEqual([]);
  });

  it('keeps element behaviours small and every file under 300 lines', () => {
    for (const { file, text } of sources) {
      const lines = text.split('\n').length;
      expect(lines, file).toBeLessThan(300);
      if (file.includes('/elements/') && !/behavior|registry/.test(file)) expect(lines, file).toBeLessThanOrEqual(150);
    }
  });
});
