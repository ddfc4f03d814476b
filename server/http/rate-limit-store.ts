/**
 * A store for @fastify/rate-limit over the database's `rate_counters`: the per-address limits (login,
 * progress look-ups) are counted once for the whole cluster, not once per node, so three nodes behind a
 * load balancer allow a client `max` requests per window, not three times that.
 */
import type { FastifyRateLimitOptions, FastifyRateLimitStore, FastifyRateLimitStoreCtor } from '@fastify/rate-limit';
import type { RouteOptions } from 'fastify';
import type { RateCounters } from '../store/rate-counters.js';

/** The store class @fastify/rate-limit instantiates, bound to `counters`. */
export function databaseRateLimitStore(counters: RateCounters): FastifyRateLimitStoreCtor {
  class DatabaseStore implements FastifyRateLimitStore {
    constructor(
      _options: FastifyRateLimitOptions,
      private readonly prefix = 'addr:',
    ) {}

    incr(key: string, callback: (error: Error | null, result?: { current: number; ttl: number }) => void, timeWindow: number): void {
      counters.increment(this.prefix + key, timeWindow, Date.now()).then(
        ({ count, ttlMs }) => callback(null, { current: count, ttl: ttlMs }),
        (error: Error) => callback(error),
      );
    }

    child(routeOptions: RouteOptions & { path: string; prefix: string; routeInfo?: { method?: string; url?: string } }): FastifyRateLimitStore {
      // Each limited route counts on its own, as @fastify/rate-limit's own stores do.
      const route = routeOptions.routeInfo ?? routeOptions;
      return new DatabaseStore({}, `addr:${String(route.method)}${String(route.url)}:`);
    }
  }
  return DatabaseStore;
}
