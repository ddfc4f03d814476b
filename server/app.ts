/**
 * The composition root: `build(options)` assembles the fastify plugin tree. Infrastructure first (each
 * closes itself on `onClose`), then the routes, each its own encapsulated plugin. Tests call `build()` and
 * drive the app with `app.inject()`; `server/main.ts` calls it and listens.
 *
 *   root: validators, the response serializer, error catalogue, config
 *   ├─ drain          `Connection: close` on answers sent while closing
 *   ├─ openapi        @fastify/swagger + /docs + /openapi.json
 *   ├─ store          openStore (SQLite under the data dir, or PostgreSQL), migrated; closed on close
 *   ├─ metrics        counters, histograms; per-request counter
 *   ├─ audit          hash-chained audit log
 *   ├─ identity       users, sessions, first-start accounts; bearer token → request.user
 *   ├─ runtime        CaseRunner, TimerPoller, OutboxDispatcher (started on ready, stopped on close); the
 *   │                 approval engine runs approval cases, the core runner the plain BPMN ones
 *   ├─ cases          case service, items, material files, supervision sweep (periodic)
 *   ├─ sms            the applicant's notifications by SMS through the configured gateway (polling)
 *   ├─ security       helmet (CSP, nosniff, frame-ancestors), `no-store` on the API
 *   ├─ input-limits   JSON depth, NUL and lone surrogates refused in every part; 401 before 400
 *   ├─ rate-limit     per-route limits (login)
 *   ├─ multipart      upload limits for file routes
 *   └─ routes/*       one plugin per resource
 */
import path from 'node:path';
import multipart from '@fastify/multipart';
import rateLimit from '@fastify/rate-limit';
import { databaseRateLimitStore } from './http/rate-limit-store.js';
import Fastify, { type FastifyInstance, type FastifyPluginAsync, type FastifyServerOptions } from 'fastify';
import { loadConfig, type ServerConfig } from './config.js';
import { ApiError } from './http/errors.js';
import { installErrorHandlers } from './http/error-handler.js';
import { installValidators } from './http/validators.js';
import { installSerializer } from './http/serializer.js';
import { auditPlugin } from './plugins/audit.js';
import { approvalEngine } from './cases/approval-engine.js';
import { casesPlugin } from './plugins/cases.js';
import { drainPlugin } from './plugins/drain.js';
import { inputLimitsPlugin } from './plugins/input-limits.js';
import { securityPlugin } from './plugins/security.js';
import { smsPlugin } from './plugins/sms.js';
import { identityPlugin, type IdentityPluginOptions } from './plugins/identity.js';
import { metricsPlugin } from './plugins/metrics.js';
import { sealPassphrase } from './seal/passphrase.js';
import { installStrictResponses, type StrictResponseOptions } from './http/strict-responses.js';
import { openapiPlugin } from './plugins/openapi.js';
import { runtimePlugin, type RuntimePluginOptions } from './plugins/runtime.js';
import { storePlugin } from './plugins/store.js';
import { ROUTES } from './routes/index.js';
import type { CaseEngineFactory } from './runtime/routing-runner.js';

/** Options of `build`; everything has a production default. */
export interface BuildOptions extends Pick<IdentityPluginOptions, 'scrypt' | 'demoDepartments'>, Pick<RuntimePluginOptions, 'rules' | 'calendar' | 'notifier' | 'background' | 'caseEngines'> {
  /** The configuration; read from the environment when absent. */
  config?: ServerConfig;
  /** fastify's logger option; pino at the configured level by default, `false` in tests. */
  logger?: FastifyServerOptions['logger'];
  /** More route plugins (the modeler), registered after the built-in ones. */
  routes?: readonly FastifyPluginAsync[];
  /** Tests: check every successful answer against its closed response schema (`server/http/strict-responses.ts`). */
  strictResponses?: StrictResponseOptions;
}

function trustHops(hops: number): (address: string, hop: number) => boolean {
  return (_address, hop) => hop < hops;
}

/** Builds the application (not listening). Call `close()` to stop its background work and the database. */
export async function build(options: BuildOptions = {}): Promise<FastifyInstance> {
  const config = options.config ?? loadConfig();
  const app = Fastify({
    logger: options.logger ?? {
      level: config.logLevel,
      // Tokens and passwords never reach the log.
      redact: ['req.headers.authorization', 'password', '*.password', 'token', '*.token'],
    },
    bodyLimit: config.bodyLimit,
    // A hop count trusts that many proxies nearest the server (fastify's typings take it as a function).
    trustProxy: typeof config.trustProxy === 'number' ? trustHops(config.trustProxy) : config.trustProxy,
    requestIdHeader: 'x-request-id',
    // Keep a connection's requests answerable during shutdown; idle keep-alive sockets are closed at once.
    forceCloseConnections: 'idle',
    return503OnClosing: true,
    // A first start migrates the database and hashes every seeded account's password (scrypt is memory- and
    // CPU-hard on purpose): on a busy two-core machine that takes longer than fastify's 10 s default.
    pluginTimeout: 120_000,
  });
  try {
    installValidators(app, config.variablesLimit);
    installSerializer(app);
    installErrorHandlers(app);
    if (options.strictResponses) installStrictResponses(app, options.strictResponses);
    app.decorate('config', config);
    await app.register(drainPlugin);
    await app.register(openapiPlugin);
    await app.register(storePlugin);
    await app.register(metricsPlugin);
    await app.register(auditPlugin);
    await app.register(identityPlugin, { scrypt: options.scrypt, demoDepartments: options.demoDepartments });
    // Approval cases always run on the approval aggregate; other engines a caller adds are asked first.
    const approval = approvalEngine({ dir: path.join(config.dataDir, 'files') }, { passphrase: sealPassphrase({ dataDir: config.dataDir, configured: config.sealPassphrase }) });
    const extra = options.caseEngines;
    const caseEngines: CaseEngineFactory = async (deps) => [...(extra ? await extra(deps) : []), ...(await approval.factory(deps))];
    await app.register(runtimePlugin, { rules: options.rules, calendar: options.calendar, notifier: options.notifier, background: options.background, caseEngines });
    await app.register(casesPlugin, { engine: approval, background: options.background });
    await app.register(smsPlugin, { background: options.background });
    await app.register(securityPlugin);
    await app.register(inputLimitsPlugin);
    await app.register(rateLimit, {
      global: false,
      // Counted in the database, so the limits hold for every node on it together.
      store: databaseRateLimitStore(app.identity.counters),
      errorResponseBuilder: (_request, context) =>
        new ApiError('RATE_LIMITED', `Expected at most ${context.max} requests per window, but there were more; retry in ${context.after}`, { retryAfter: context.after }),
    });
    await app.register(multipart, { limits: { fileSize: config.uploadLimit, files: 20, fields: 100, fieldSize: config.bodyLimit } });
    for (const routes of [...ROUTES, ...(options.routes ?? [])]) await app.register(routes);
    await app.ready();
    return app;
  } catch (error) {
    await app.close().catch(() => undefined);
    throw error;
  }
}
