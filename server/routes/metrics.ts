/**
 * `GET /metrics` in the Prometheus text format. Open like `/healthz`: it reveals counts, not case data, and
 * scrapers run without a user; put it behind the reverse proxy's allow-list in production.
 */
import type { FastifyPluginAsync } from 'fastify';
import '../plugins/types.js';

/** `GET /metrics`. */
export const metricsRoutes: FastifyPluginAsync = async (app) => {
  app.get('/metrics', {
    schema: { tags: ['operations'], summary: 'Prometheus metrics', security: [], response: { 200: { type: 'string' } } },
  }, async (_request, reply) => {
    const text = await app.metrics.scrape(app.store.knex, app.runtime.clock, app.runtime.calendar);
    return reply.type('text/plain; version=0.0.4; charset=utf-8').send(text);
  });
};
