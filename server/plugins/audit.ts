/**
 * The audit plugin: one hash-chained audit log per server, on the store's database, and the
 * `Idempotency-Key` mechanism of the mutating routes, whose keys are bound to the same transactions as the
 * audit entries (server/http/idempotency.ts).
 */
import { AuditLog } from '../audit/audit-log.js';
import { installIdempotency } from '../http/idempotency.js';
import { RequestKeys } from '../store/request-keys.js';
import { SqliteCaseStore } from '../store/sqlite-case-store.js';
import { sharedPlugin } from './plugin.js';
import './types.js';

/** Decorates `app.audit`; wraps the mutating routes registered after it. */
export const auditPlugin = sharedPlugin('shenpi-audit', async (app) => {
  app.decorate('audit', new AuditLog(app.store.knex));
  // On SQLite the keys join the store's group commit (one shared fsync, not one each on the event loop).
  const cases = app.store.cases;
  const group = cases instanceof SqliteCaseStore ? <T>(work: Parameters<typeof cases.inGroup<T>>[0]) => cases.inGroup(work) : undefined;
  installIdempotency(app, new RequestKeys(app.store.knex, undefined, app.config.idempotencyLeaseMs, group));
});
