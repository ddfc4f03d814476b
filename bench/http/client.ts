/**
 * The HTTP client of a load run: every request is timed and recorded with its kind, node and status, so a
 * run can report requests/s and p50/p99 per kind and prove that no request answered 5xx.
 */
import { Latencies, type Percentiles } from '../lib/stats.js';

/** One answered (or failed) request. */
export interface RequestRecord {
  kind: string;
  node: string;
  status: number;
  ms: number;
  /** Set when the connection failed (a node killed mid-request): no answer at all. */
  error?: string;
}

/** What a request sends. */
export interface RequestSpec {
  method: 'GET' | 'POST';
  path: string;
  token?: string;
  json?: unknown;
  form?: FormData;
  headers?: Record<string, string>;
}

/** An answer: the status and the parsed JSON body (or undefined). */
export interface Answer<T = Record<string, unknown>> {
  status: number;
  body: T;
}

/** Records every request of a run. */
export class LoadRecorder {
  readonly records: RequestRecord[] = [];
  private readonly latencies = new Latencies();

  /** `onRecord` is told the number of requests recorded so far after each one. */
  constructor(private readonly onRecord?: (count: number) => void) {}

  private record(r: RequestRecord): void {
    this.records.push(r);
    this.onRecord?.(this.records.length);
  }

  /** Sends `spec` to `base` and records it as `kind`. A connection failure is recorded with status 0. */
  async send<T = Record<string, unknown>>(node: { name: string; base: string }, kind: string, spec: RequestSpec): Promise<Answer<T>> {
    const headers: Record<string, string> = { ...(spec.headers ?? {}) };
    if (spec.token) headers.authorization = `Bearer ${spec.token}`;
    if (spec.json !== undefined) headers['content-type'] = 'application/json';
    const started = performance.now();
    try {
      const res = await fetch(node.base + spec.path, {
        method: spec.method,
        headers,
        body: spec.form ?? (spec.json === undefined ? undefined : JSON.stringify(spec.json)),
      });
      const text = await res.text();
      const ms = performance.now() - started;
      this.record({ kind, node: node.name, status: res.status, ms });
      this.latencies.add(kind, ms);
      let body: unknown;
      try {
        body = text ? JSON.parse(text) : undefined;
      } catch {
        body = text;
      }
      return { status: res.status, body: body as T };
    } catch (error) {
      this.record({ kind, node: node.name, status: 0, ms: performance.now() - started, error: error instanceof Error ? error.message : String(error) });
      return { status: 0, body: undefined as T };
    }
  }

  /** p50/p99 per request kind ('all' first). */
  summary(): Record<string, Percentiles> {
    return this.latencies.summary();
  }

  /** Requests that answered 5xx. */
  serverErrors(): RequestRecord[] {
    return this.records.filter((r) => r.status >= 500);
  }
}
