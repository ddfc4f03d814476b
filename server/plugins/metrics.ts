/** The metrics plugin: one `ShenpiMetrics` per process, counting requests by route and status class. */
import { Counter } from '../metrics/registry.js';
import { ShenpiMetrics } from '../metrics/shenpi-metrics.js';
import { sharedPlugin } from './plugin.js';
import './types.js';

/** Decorates `app.metrics` and counts every response. */
export const metricsPlugin = sharedPlugin('shenpi-metrics', async (app) => {
  const metrics = new ShenpiMetrics();
  const requests = metrics.registry.register(new Counter('shenpi_http_requests_total', 'HTTP responses by method, route and status.'));
  app.decorate('metrics', metrics);
  app.addHook('onResponse', async (request, reply) => {
    // The route pattern, not the URL: case numbers in URLs would make a series per case.
    requests.inc({ method: request.method, route: request.routeOptions.url ?? 'unmatched', status: String(reply.statusCode) });
  });
});
