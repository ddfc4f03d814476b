/**
 * Marks a plugin as shared with its parent, as `fastify-plugin` does, without depending on that package:
 * fastify skips encapsulation for a function carrying `Symbol.for('skip-override')` (fastify's documented
 * plugin metadata), so the decorators and hooks of an infrastructure plugin reach the routes registered
 * after it.
 */
import type { FastifyPluginAsync } from 'fastify';

/** Returns `plugin` unencapsulated and named `name` in fastify's plugin tree (`app.printPlugins()`). */
export function sharedPlugin<Options extends Record<string, unknown> = Record<never, never>>(
  name: string,
  plugin: FastifyPluginAsync<Options>,
): FastifyPluginAsync<Options> {
  const marked = plugin as FastifyPluginAsync<Options> & Record<symbol, unknown>;
  marked[Symbol.for('skip-override')] = true;
  marked[Symbol.for('fastify.display-name')] = name;
  marked[Symbol.for('plugin-meta')] = { name };
  return marked;
}
