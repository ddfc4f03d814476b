/** Loads the `.bpmn` fixtures beside the core tests through `definitions/` (parse, lint, compile). */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { loadDefinition } from '../../../definitions/index.js';
import type { ExecutableDefinition } from '../../../engine/core/index.js';

const dir = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../fixtures');

/** Compiles `test/core/fixtures/<name>.bpmn`; a refused fixture fails the test with its findings. */
export async function fixture(name: string, opts: { key?: string; version?: number } = {}): Promise<ExecutableDefinition> {
  const loaded = await loadDefinition(readFileSync(path.join(dir, `${name}.bpmn`)), opts);
  if (!loaded.ok) throw new Error(`${name}.bpmn refused: ${JSON.stringify(loaded.findings, null, 1)}`);
  return loaded.definition;
}
