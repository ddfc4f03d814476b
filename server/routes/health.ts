/**
 * Liveness (`/healthz`: the process answers) and readiness (`/readyz`: the database answers and every
 * migration has run), for load balancers and orchestrators. Neither needs a login.
 */
import type { FastifyPluginAsync } from 'fastify';
import { ListMigrationSource } from '../store/migration-source.js';
import { errorSchema } from '../http/schemas.js';
import '../plugins/types.js';

const readySchema = {
  type: 'object',
  required: ['status', 'database', 'pendingMigrations'],
  properties: { status: { type: 'string' }, database: { type: 'string' }, pendingMigrations: { type: 'array', items: { type: 'string' } } },
} as const;

/** `GET /healthz`, `GET /readyz`. */
export const healthRoutes: FastifyPluginAsync = async (app) => {
  app.get('/healthz', {
    schema: { tags: ['operations'], summary: 'Liveness', security: [], response: { 200: { type: 'object', properties: { status: { type: 'string' } } } } },
  }, async () => ({ status: 'ok' }));

  app.get('/readyz', {
    schema: { tags: ['operations'], summary: 'Readiness: database reachable, migrations done', security: [], response: { 200: readySchema, 503: errorSchema } },
  }, async (_request, reply) => {
    try {
      await app.store.knex.raw('select 1');
      const [, pending] = (await app.store.knex.migrate.list({ migrationSource: new ListMigrationSource() })) as [unknown[], Array<{ name?: string } | string>];
      const names = pending.map((m) => (typeof m === 'string' ? m : String(m.name ?? m)));
      if (names.length > 0) {
        return reply.status(503).send({ code: 'NOT_READY', message: `Expected every migration to have run, but ${names.length} are pending`, details: { pendingMigrations: names } });
      }
      return { status: 'ready', database: app.store.config.kind, pendingMigrations: [] };
    } catch (error) {
      app.log.warn({ err: error }, 'readiness check failed');
      return reply.status(503).send({ code: 'NOT_READY', message: 'Expected the database to answer, but it did not' });
    }
  });
};
