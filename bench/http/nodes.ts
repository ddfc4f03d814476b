/**
 * Shenpi server nodes as real processes, started exactly as `npm start` starts one (`tsx server/main.ts`),
 * each on an ephemeral port of 127.0.0.1, on one SQLite file or one PostgreSQL schema shared by all nodes.
 * A node can be killed with SIGKILL and started again on the same database, to prove that what it
 * acknowledged survives and that the others go on.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const LISTENING = /^Shenpi is listening on (http:\/\/\S+)/;

/** Passwords every node of a run shares (the first node seeds the accounts). */
export const LOAD_ADMIN_PASSWORD = 'load-admin-password-2026';
export const LOAD_DEMO_PASSWORD = 'load-demo-password-2026';

/** A running node and what it printed. */
export interface ServerNode {
  readonly name: string;
  readonly base: string;
  readonly process: ChildProcess;
  readonly stdout: string[];
  readonly stderr: string[];
  /** Resolves once the process has exited. */
  readonly exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
}

/** Where the nodes of one run keep their data: a SQLite data folder, or a PostgreSQL URL and schema. */
export type NodeStore = { kind: 'sqlite'; dataDir: string } | { kind: 'postgres'; url: string; schema: string };

/** The environment of a node on `store`: quiet logs, fixed first-start passwords, the sample items. */
export function nodeEnv(store: NodeStore, extra: NodeJS.ProcessEnv = {}): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    HOST: '127.0.0.1',
    PORT: '0',
    LOG_LEVEL: 'warn',
    SHENPI_ADMIN_PASSWORD: LOAD_ADMIN_PASSWORD,
    SHENPI_DEMO_PASSWORD: LOAD_DEMO_PASSWORD,
    // A load run logs in once per user; the login limit guards against guessing, not against the run.
    SHENPI_LOGIN_RATE_LIMIT: '1000',
    SHENPI_SHUTDOWN_GRACE_MS: '3000',
    // A killed node's keys are taken over after 3 s rather than a minute, so a bounded run's retries get through.
    SHENPI_IDEMPOTENCY_LEASE_MS: '3000',
    ...extra,
  };
  delete env.DATABASE_URL;
  delete env.SHENPI_DB_SCHEMA;
  if (store.kind === 'sqlite') env.SHENPI_DATA_DIR = store.dataDir;
  else Object.assign(env, { DATABASE_URL: store.url, SHENPI_DB_SCHEMA: store.schema });
  return env;
}

/** Starts one node and resolves once it listens (it has migrated and deployed the sample items by then). */
export async function startNode(name: string, env: NodeJS.ProcessEnv, timeoutMs = 60_000): Promise<ServerNode> {
  // BENCH_HTTP_CPU_PROF=<dir>: each node writes a V8 CPU profile there when it stops (node --cpu-prof).
  const profile = env.BENCH_HTTP_CPU_PROF ? ['--cpu-prof', `--cpu-prof-dir=${path.resolve(env.BENCH_HTTP_CPU_PROF)}`, `--cpu-prof-name=${name}-${Date.now()}.cpuprofile`] : [];
  const child = spawn(process.execPath, [...profile, '--import', 'tsx', path.join(ROOT, 'server/main.ts')], { cwd: ROOT, env, stdio: ['ignore', 'pipe', 'pipe'] });
  const stdout: string[] = [];
  const stderr: string[] = [];
  let pending = '';
  let resolveBase!: (base: string) => void;
  const listening = new Promise<string>((resolve) => (resolveBase = resolve));
  child.stdout!.setEncoding('utf8').on('data', (chunk: string) => {
    const parts = (pending + chunk).split('\n');
    pending = parts.pop() ?? '';
    for (const line of parts) {
      stdout.push(line);
      const m = LISTENING.exec(line);
      if (m) resolveBase(m[1]!);
    }
  });
  child.stderr!.setEncoding('utf8').on('data', (chunk: string) => stderr.push(chunk));
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) => child.on('close', (code, signal) => resolve({ code, signal })));
  let timer: NodeJS.Timeout | undefined;
  const failed = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`node ${name} did not listen within ${timeoutMs} ms: ${stderr.join('')}`)), timeoutMs);
    void exited.then(({ code, signal }) => reject(new Error(`node ${name} exited (${code ?? signal}) before listening: ${stderr.join('')}`)));
  });
  try {
    const base = await Promise.race([listening, failed]);
    return { name, base, process: child, stdout, stderr, exited };
  } catch (error) {
    child.kill('SIGKILL');
    throw error;
  } finally {
    clearTimeout(timer);
  }
}

/** Kills a node at once, as a power cut would (no drain, no close). */
export async function killNode(node: ServerNode): Promise<void> {
  node.process.kill('SIGKILL');
  await node.exited;
}

/** Stops a node as an operator would (SIGTERM: the requests in flight are answered). */
export async function stopNode(node: ServerNode): Promise<void> {
  if (node.process.exitCode !== null || node.process.signalCode !== null) return;
  node.process.kill('SIGTERM');
  await node.exited;
}

/**
 * CPU seconds (user + system) the node's process has used so far, from /proc (Linux; undefined elsewhere).
 * On a shared machine the CPU a node spends per case is steadier than its wall-clock throughput.
 */
export function cpuSeconds(node: ServerNode): number | undefined {
  try {
    const stat = readFileSync(`/proc/${node.process.pid}/stat`, 'utf8');
    // Fields after the command name (which may hold spaces, hence after the last ')'): utime is the 14th, stime the 15th.
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    return (Number(fields[11]) + Number(fields[12])) / 100;
  } catch {
    return undefined;
  }
}
