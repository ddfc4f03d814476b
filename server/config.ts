/**
 * Server configuration, read once from the environment into a plain object. Pure: `loadConfig(env)` never
 * touches the file system, so tests build configurations without setting process variables.
 *
 * | variable | default | |
 * |---|---|---|
 * | HOST, PORT | 127.0.0.1, 3000 | where to listen |
 * | SHENPI_DATA_DIR | ./data | SQLite file `shenpi.sqlite` (SHENPI_DB overrides the file) |
 * | DATABASE_URL, SHENPI_DB_SCHEMA | (unset) | PostgreSQL instead of SQLite, optionally in a schema |
 * | SHENPI_CLOCK, SHENPI_CLOCK_START | system | `controlled`: a business clock moved by POST /api/clock |
 * | SHENPI_ADMIN_PASSWORD, SHENPI_DEMO_PASSWORD | generated | first-start passwords; SHENPI_DEMO_USERS=false skips demo users |
 * | SHENPI_WEBHOOK_URL, SHENPI_WEBHOOK_SECRET | (unset) | signed delivery of outbox effects (secret ≥ 32 bytes); _ATTEMPTS (3), _TIMEOUT_MS (5000) |
 * | SHENPI_SMS_URL, SHENPI_SMS_KEY | (unset) | the SMS gateway (HTTP, bearer key) the applicant's notifications go through; _ATTEMPTS (3), _TIMEOUT_MS (5000), _INTERVAL_MS (5000), _SIGN |
 * | LOG_LEVEL | info | pino level |
 * | SHENPI_BODY_LIMIT, SHENPI_UPLOAD_LIMIT | 1 MiB, 10 MiB | largest JSON body, largest file or BPMN source |
 * | SHENPI_SESSION_TTL_MS | 8 h | token lifetime |
 * | SHENPI_LOGIN_RATE_LIMIT | 30 | login attempts per client address per minute (an office behind one NAT shares it), counted in the database for all nodes |
 * | SHENPI_LOGIN_ACCOUNT_LIMIT, _WINDOW_MS | 10, 900000 | failed logins per account, from any address and any node, per window |
 * | SHENPI_JSON_DEPTH | 32 | deepest nesting of objects and arrays in a JSON body (variables, facts …) |
 * | SHENPI_VARIABLES_LIMIT | 65536 | largest variables or facts value of one request, in bytes of JSON |
 * | SHENPI_TRUST_PROXY | false | behind a reverse proxy: `true`, a hop count, or a comma list of proxy addresses/CIDRs whose X-Forwarded-For is believed |
 * | SHENPI_SHUTDOWN_GRACE_MS | 10000 | how long SIGTERM waits for in-flight requests |
 * | SHENPI_SWEEP_INTERVAL_MS | 300000 | how often the supervision sweep re-reads the lights of cases in handling |
 * | SHENPI_PROGRESS_RATE_LIMIT | 30 | public progress queries per address per minute |
 * | SHENPI_IDEMPOTENCY_LEASE_MS | 60000 | how long a request that never committed holds its Idempotency-Key before a retry takes it over |
 * | SHENPI_FEEL_MAX_ITERATIONS, _LIST, _STRING, _TOTAL, _DEPTH, _LENGTH, _MS | see docs/rules.md | the evaluation budget of every FEEL expression and rule cell |
 */
import path from 'node:path';
import { DEFAULT_LIMITS, type EvaluationLimits } from '../engine/expression/index.js';
import type { StoreConfig } from './store/connect.js';

/** Where the server's time comes from. */
export type ClockConfig = { kind: 'system' } | { kind: 'controlled'; start?: string };

/** An outgoing webhook for outbox effects. */
export interface WebhookConfig {
  url: string;
  /** HMAC-SHA256 key; each request carries a signature over its timestamp and body. */
  secret: string;
  /** Attempts per delivery before the outbox schedules a later retry. */
  attempts: number;
  timeoutMs: number;
}

/** The SMS gateway of the applicant's notifications (手机短信). */
export interface SmsConfig {
  url: string;
  /** The provider's API key; never logged. */
  key: string;
  /** Posts per message and round before the dispatcher tries again later. */
  attempts: number;
  timeoutMs: number;
  /** Pause between two rounds of the dispatcher. */
  intervalMs: number;
  /** The signature shown in front of each text (【…】), when the provider does not add its own. */
  sign?: string;
}

/** Everything the server reads from its environment. */
export interface ServerConfig {
  host: string;
  port: number;
  dataDir: string;
  store: StoreConfig;
  clock: ClockConfig;
  /** The first start's password for `admin`; generated and printed once when absent. */
  adminPassword?: string;
  /** The password of the demo users created on first start; generated when absent. */
  demoPassword?: string;
  /** Whether the first start creates a demo user per role and department. */
  demoUsers: boolean;
  /** Encrypts the e-seal private keys at rest (`SHENPI_SEAL_PASSPHRASE`); a secret in the data folder when absent. */
  sealPassphrase?: string;
  webhook?: WebhookConfig;
  sms?: SmsConfig;
  logLevel: string;
  /** Largest JSON body, in bytes. */
  bodyLimit: number;
  /** Largest uploaded file or BPMN source, in bytes. */
  uploadLimit: number;
  /** How long a login token is valid. */
  sessionTtlMs: number;
  /** Login attempts per client address per minute. */
  loginRateLimit: number;
  /** Failed logins per account (from any address) within `loginAccountWindowMs` before it is throttled. */
  loginAccountLimit: number;
  loginAccountWindowMs: number;
  /** Deepest nesting of objects and arrays in a JSON body. */
  jsonDepth: number;
  /** Largest variables or facts value of one request, in bytes of its JSON text. */
  variablesLimit: number;
  /** fastify's `trustProxy`: whose `X-Forwarded-For` gives the client address (false: the socket's peer). */
  trustProxy: boolean | number | string[];
  /** How long SIGTERM waits for in-flight requests before closing anyway. */
  shutdownGraceMs: number;
  /** Pause between two background supervision sweeps. */
  sweepIntervalMs: number;
  /** Public progress queries per client address per minute. */
  progressRateLimit: number;
  /** How long an uncommitted Idempotency-Key reservation is the first attempt's (its node may have died). */
  idempotencyLeaseMs: number;
  /** What one FEEL evaluation may spend, and one command's wall time in expressions (docs/rules.md). */
  evaluation: EvaluationLimits;
}

/** A refused configuration value. */
export class ConfigError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'ConfigError';
  }
}

function integer(env: NodeJS.ProcessEnv, name: string, fallback: number, min = 0): number {
  const raw = env[name];
  if (raw === undefined || raw === '') return fallback;
  const value = Number(raw);
  if (!Number.isInteger(value) || value < min) throw new ConfigError(`Expected ${name} to be an integer ≥ ${min}, but it is '${raw}'`);
  return value;
}

/** The evaluation budget from `SHENPI_FEEL_*`; each limit at least 1. */
function evaluationLimits(env: NodeJS.ProcessEnv): EvaluationLimits {
  const d = DEFAULT_LIMITS;
  return {
    maxIterations: integer(env, 'SHENPI_FEEL_MAX_ITERATIONS', d.maxIterations, 1),
    maxListLength: integer(env, 'SHENPI_FEEL_MAX_LIST', d.maxListLength, 1),
    maxStringLength: integer(env, 'SHENPI_FEEL_MAX_STRING', d.maxStringLength, 1),
    maxTotalSize: integer(env, 'SHENPI_FEEL_MAX_TOTAL', d.maxTotalSize, 1),
    maxDepth: integer(env, 'SHENPI_FEEL_MAX_DEPTH', d.maxDepth, 1),
    maxExpressionLength: integer(env, 'SHENPI_FEEL_MAX_LENGTH', d.maxExpressionLength, 1),
    maxMillis: integer(env, 'SHENPI_FEEL_MAX_MS', d.maxMillis, 1),
  };
}

/** Webhook receivers verify HMAC-SHA256 signatures; a key shorter than the hash output weakens every one. */
export const MIN_WEBHOOK_SECRET_BYTES = 32;

function trustProxy(raw: string | undefined): ServerConfig['trustProxy'] {
  if (raw === undefined || raw === '' || raw === 'false') return false;
  if (raw === 'true') return true;
  if (/^[0-9]+$/.test(raw)) return Number(raw);
  const list = raw.split(',').map((s) => s.trim()).filter(Boolean);
  const bad = list.find((a) => !/^[0-9A-Fa-f:.]+(\/[0-9]{1,3})?$/.test(a));
  if (bad !== undefined || list.length === 0) throw new ConfigError(`Expected SHENPI_TRUST_PROXY to be 'true', 'false', a hop count or a comma list of addresses/CIDRs, but it is '${raw}'`);
  return list;
}

/** The SMS gateway from `SHENPI_SMS_*`; undefined when no URL is set (the portal's messages only). */
function smsConfig(env: NodeJS.ProcessEnv): SmsConfig | undefined {
  const url = env.SHENPI_SMS_URL;
  if (url === undefined || url === '') return undefined;
  if (!/^https?:\/\//.test(url)) throw new ConfigError('Expected SHENPI_SMS_URL to be an http(s) URL, but it is not');
  if (!env.SHENPI_SMS_KEY) throw new ConfigError('SHENPI_SMS_URL is set, so SHENPI_SMS_KEY must be set too: the gateway authenticates each request by it');
  return {
    url,
    key: env.SHENPI_SMS_KEY,
    attempts: integer(env, 'SHENPI_SMS_ATTEMPTS', 3, 1),
    timeoutMs: integer(env, 'SHENPI_SMS_TIMEOUT_MS', 5_000, 1),
    intervalMs: integer(env, 'SHENPI_SMS_INTERVAL_MS', 5_000, 100),
    ...(env.SHENPI_SMS_SIGN ? { sign: env.SHENPI_SMS_SIGN } : {}),
  };
}

/** Reads the configuration; throws `ConfigError` naming the variable when a value is unusable. */
export function loadConfig(env: NodeJS.ProcessEnv = process.env): ServerConfig {
  const dataDir = env.SHENPI_DATA_DIR || './data';
  const store: StoreConfig = env.DATABASE_URL
    ? { kind: 'postgres', url: env.DATABASE_URL, schema: env.SHENPI_DB_SCHEMA || undefined }
    : { kind: 'sqlite', file: env.SHENPI_DB || path.join(dataDir, 'shenpi.sqlite') };
  const clockKind = env.SHENPI_CLOCK ?? 'system';
  if (clockKind !== 'system' && clockKind !== 'controlled') {
    throw new ConfigError(`Expected SHENPI_CLOCK to be 'system' or 'controlled', but it is '${clockKind}'`);
  }
  const start = env.SHENPI_CLOCK_START;
  if (start !== undefined && Number.isNaN(Date.parse(start))) throw new ConfigError(`Expected SHENPI_CLOCK_START to be an ISO 8601 instant, but it is '${start}'`);
  const url = env.SHENPI_WEBHOOK_URL;
  if (url !== undefined && url !== '') {
    if (!/^https?:\/\//.test(url)) throw new ConfigError(`Expected SHENPI_WEBHOOK_URL to be an http(s) URL, but it is '${url}'`);
    if (!env.SHENPI_WEBHOOK_SECRET) throw new ConfigError('SHENPI_WEBHOOK_URL is set, so SHENPI_WEBHOOK_SECRET must be set too: receivers verify each request by it');
    const bytes = Buffer.byteLength(env.SHENPI_WEBHOOK_SECRET, 'utf8');
    if (bytes < MIN_WEBHOOK_SECRET_BYTES) {
      throw new ConfigError(`Expected SHENPI_WEBHOOK_SECRET to be at least ${MIN_WEBHOOK_SECRET_BYTES} bytes (e.g. \`openssl rand -hex 32\`), but it is ${bytes}`);
    }
  }
  const sms = smsConfig(env);
  return {
    host: env.HOST || '127.0.0.1',
    port: integer(env, 'PORT', 3000),
    dataDir,
    store,
    clock: clockKind === 'controlled' ? { kind: 'controlled', ...(start ? { start } : {}) } : { kind: 'system' },
    adminPassword: env.SHENPI_ADMIN_PASSWORD || undefined,
    demoPassword: env.SHENPI_DEMO_PASSWORD || undefined,
    demoUsers: env.SHENPI_DEMO_USERS !== 'false',
    sealPassphrase: env.SHENPI_SEAL_PASSPHRASE || undefined,
    webhook: url
      ? { url, secret: env.SHENPI_WEBHOOK_SECRET!, attempts: integer(env, 'SHENPI_WEBHOOK_ATTEMPTS', 3, 1), timeoutMs: integer(env, 'SHENPI_WEBHOOK_TIMEOUT_MS', 5_000, 1) }
      : undefined,
    ...(sms ? { sms } : {}),
    logLevel: env.LOG_LEVEL || 'info',
    bodyLimit: integer(env, 'SHENPI_BODY_LIMIT', 1024 * 1024, 1024),
    uploadLimit: integer(env, 'SHENPI_UPLOAD_LIMIT', 10 * 1024 * 1024, 1024),
    sessionTtlMs: integer(env, 'SHENPI_SESSION_TTL_MS', 8 * 3_600_000, 1_000),
    loginRateLimit: integer(env, 'SHENPI_LOGIN_RATE_LIMIT', 30, 1),
    loginAccountLimit: integer(env, 'SHENPI_LOGIN_ACCOUNT_LIMIT', 10, 1),
    loginAccountWindowMs: integer(env, 'SHENPI_LOGIN_ACCOUNT_WINDOW_MS', 15 * 60_000, 1_000),
    jsonDepth: integer(env, 'SHENPI_JSON_DEPTH', 32, 2),
    variablesLimit: integer(env, 'SHENPI_VARIABLES_LIMIT', 64 * 1024, 1024),
    trustProxy: trustProxy(env.SHENPI_TRUST_PROXY),
    shutdownGraceMs: integer(env, 'SHENPI_SHUTDOWN_GRACE_MS', 10_000, 0),
    sweepIntervalMs: integer(env, 'SHENPI_SWEEP_INTERVAL_MS', 5 * 60_000, 1_000),
    progressRateLimit: integer(env, 'SHENPI_PROGRESS_RATE_LIMIT', 30, 1),
    idempotencyLeaseMs: integer(env, 'SHENPI_IDEMPOTENCY_LEASE_MS', 60_000, 1_000),
    evaluation: evaluationLimits(env),
  };
}
