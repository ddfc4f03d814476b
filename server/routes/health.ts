/**
 * Liveness (`/healthz`: the process answers) and readiness (`/readyz`: the database answers and every
 * migration has run; a warning while an open case has a provisional deadline), for load balancers and
 * orchestrators. Neither needs a login.
 */
import { LivenessSchema, ReadinessSchema, type Liveness, type Readiness } from '../../contracts/api/health.js';
import type { FastifyPluginAsync } from 'fastify';
import { calendarStatus } from '../queries/calendar-status.js';
import { ListMigrationSource } from '../store/migration-source.js';
import { errorSchema } from '../http/schemas.js';
import '../plugins/types.js';

/** `GET /healthz`, `GET /readyz`. */
export const healthRoutes: FastifyPluginAsync = async (app) => {
  app.get('/healthz', {
    schema: { tags: ['operations'], summary: 'Liveness', security: [], response: { 200: LivenessSchema } },
  }, async (): Promise<Liveness> => ({ status: 'ok' }));

  app.get('/readyz', {
    schema: { tags: ['operations'], summary: 'Readiness: database reachable, migrations done', security: [], response: { 200: ReadinessSchema, 503: errorSchema } },
  }, async (_request, reply) => {
    try {
      await app.store.knex.raw('select 1');
      const [, pending] = (await app.store.knex.migrate.list({ migrationSource: new ListMigrationSource() })) as [unknown[], Array<{ name?: string } | string>];
      const names = pending.map((m) => (typeof m === 'string' ? m : String(m.name ?? m)));
      if (names.length > 0) {
        return reply.status(503).send({ code: 'NOT_READY', message: `Expected every migration to have run, but ${names.length} are pending`, details: { pendingMigrations: names } });
      }
      // Ready, with a warning while a case in handling counts on a provisional calendar (行政许可法 第82条):
      // the State Council's arrangement for its year must be loaded and the open cases recalculated.
      const calendar = await calendarStatus(app.store.knex, app.runtime.calendar, app.runtime.clock.now().toISOString());
      const warnings = calendar.provisionalCases > 0 ? [{
        code: 'CALENDAR_PROVISIONAL', year: calendar.lastYear + 1, provisionalCases: calendar.provisionalCases,
        message: `Expected every open deadline on official calendar data, but ${calendar.provisionalCases} cases in handling have a deadline after ${calendar.lastYear}-12-31, which is provisional until the arrangement for ${calendar.lastYear + 1} is loaded`,
      }] : [];
      const ready: Readiness = { status: 'ready', database: app.store.config.kind, pendingMigrations: [], ...(warnings.length ? { warnings } : {}) };
      return ready;
    } catch (error) {
      app.log.warn({ err: error }, 'readiness check failed');
      return reply.status(503).send({ code: 'NOT_READY', message: 'Expected the database to answer, but it did not' });
    }
  });
};
