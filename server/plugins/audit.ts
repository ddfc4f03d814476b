/** The audit plugin: one hash-chained audit log per server, on the store's database. */
import { AuditLog } from '../audit/audit-log.js';
import { sharedPlugin } from './plugin.js';
import './types.js';

/** Decorates `app.audit`. */
export const auditPlugin = sharedPlugin('shenpi-audit', async (app) => {
  app.decorate('audit', new AuditLog(app.store.knex));
});
