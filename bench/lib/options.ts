/**
 * Benchmark sizes, from flags (`--cases=2000`) or the environment (`BENCH_CASES=2000`); `--quick` picks the
 * small set. Flags win over the environment, which wins over the defaults.
 */

/** Every size and switch of a run. */
export interface BenchOptions {
  quick: boolean;
  /** Cases per Shenpi and raw-limit run. */
  cases: number;
  /** Cases per bpmn-engine run (it is ~100× slower per case). */
  engineCases: number;
  /** Open cases for the memory run (1,000,000 in the full run). */
  openCases: number;
  /** Commands per memory checkpoint. */
  probe: number;
  /** Timers due at once in the storm. */
  stormTimers: number;
  /** Cases in flight on SQLite and on PostgreSQL. */
  lanes: number;
  pgLanes: number;
  /** Warm-up cases before each timed run. */
  warmup: number;
  /** Approval cases over HTTP per run of the `http` scenario, and the cases in flight. */
  httpCases: number;
  httpInFlight: number;
  /** Scenarios to run: shenpi, engine, raw, pg, rules, open, storm, http, audit (all by default). */
  only: Set<string>;
  databaseUrl?: string;
  /** Where to write the results as JSON, if anywhere. */
  json?: string;
}

export const SCENARIOS = ['shenpi', 'engine', 'raw', 'pg', 'rules', 'open', 'storm', 'http', 'audit'] as const;

/** Reads the options from `argv` and `env`. */
export function parseOptions(argv: readonly string[], env: NodeJS.ProcessEnv): BenchOptions {
  const flags = new Map<string, string>();
  for (const arg of argv) {
    const match = /^--([a-z-]+)(?:=(.*))?$/.exec(arg);
    if (!match) throw new Error(`Expected flags like --cases=2000, but got '${arg}'`);
    flags.set(match[1]!, match[2] ?? 'true');
  }
  const quick = flags.get('quick') === 'true' || env.BENCH_QUICK === '1';
  const number = (flag: string, envName: string, full: number, small: number): number => {
    const text = flags.get(flag) ?? env[envName];
    if (text === undefined) return quick ? small : full;
    const value = Number(text.replace(/_/g, ''));
    if (!Number.isInteger(value) || value < 1) throw new Error(`Expected --${flag} (${envName}) to be a positive integer, but got '${text}'`);
    return value;
  };
  const only = flags.get('only') ?? env.BENCH_ONLY;
  const chosen = new Set(only ? only.split(',').map((s) => s.trim()) : SCENARIOS);
  for (const name of chosen) {
    if (!(SCENARIOS as readonly string[]).includes(name)) throw new Error(`Expected --only to name some of ${SCENARIOS.join(', ')}, but got '${name}'`);
  }
  const databaseUrl = flags.get('database-url') ?? env.DATABASE_URL;
  const json = flags.get('json') ?? env.BENCH_JSON;
  return {
    quick,
    cases: number('cases', 'BENCH_CASES', 2_000, 200),
    engineCases: number('engine-cases', 'BENCH_ENGINE_CASES', 300, 30),
    openCases: number('open-cases', 'BENCH_OPEN_CASES', 1_000_000, 20_000),
    probe: number('probe', 'BENCH_PROBE', 1_000, 200),
    stormTimers: number('storm', 'BENCH_STORM_TIMERS', 100_000, 3_000),
    lanes: number('lanes', 'BENCH_LANES', 1, 1),
    pgLanes: number('pg-lanes', 'BENCH_PG_LANES', 8, 8),
    warmup: number('warmup', 'BENCH_WARMUP', 100, 20),
    httpCases: number('http-cases', 'BENCH_HTTP_CASES', 400, 48),
    httpInFlight: number('http-in-flight', 'BENCH_HTTP_IN_FLIGHT', 16, 16),
    only: chosen,
    ...(databaseUrl ? { databaseUrl } : {}),
    ...(json ? { json } : {}),
  };
}
