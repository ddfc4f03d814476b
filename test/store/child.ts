/** Spawning TypeScript child processes (through tsx) and collecting their acknowledgements. */
import { spawn, type ChildProcess } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const here = path.dirname(fileURLToPath(import.meta.url));

/** A running child with the lines it printed so far. */
export interface Child {
  process: ChildProcess;
  lines: string[];
  stderr: string[];
  /** Resolves when the child has printed at least `n` lines matching `pattern`. */
  waitFor(pattern: RegExp, n: number, timeoutMs?: number): Promise<void>;
  /** Resolves with the exit code or signal once the child exited and its output was read. */
  exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
}

/** Starts `fixtures/<script>` with `args`. */
export function spawnFixture(script: string, args: string[], env: NodeJS.ProcessEnv = process.env): Child {
  const child = spawn(process.execPath, ['--import', 'tsx', path.join(here, 'fixtures', script), ...args], {
    env, stdio: ['ignore', 'pipe', 'pipe'],
  });
  const lines: string[] = [];
  const stderr: string[] = [];
  let pending = '';
  child.stdout!.setEncoding('utf8').on('data', (chunk: string) => {
    const parts = (pending + chunk).split('\n');
    pending = parts.pop() ?? '';
    lines.push(...parts);
  });
  child.stderr!.setEncoding('utf8').on('data', (chunk: string) => stderr.push(chunk));
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) =>
    child.on('close', (code, signal) => resolve({ code, signal })),
  );
  const waitFor = async (pattern: RegExp, n: number, timeoutMs = 20_000) => {
    const deadline = Date.now() + timeoutMs;
    while (lines.filter((l) => pattern.test(l)).length < n) {
      if (child.exitCode !== null || child.signalCode !== null) throw new Error(`child exited early: ${stderr.join('')}`);
      if (Date.now() > deadline) throw new Error(`child printed ${lines.length} lines, not ${n} matching ${pattern}: ${stderr.join('')}`);
      await new Promise((r) => setTimeout(r, 10));
    }
  };
  return { process: child, lines, stderr, waitFor, exited };
}
