/**
 * Every route plugin, in the order the OpenAPI document lists them. Case lifecycle routes (over the
 * CaseService) are added here as one more plugin.
 */
import type { FastifyPluginAsync } from 'fastify';
import { auditRoutes } from './audit.js';
import { authRoutes } from './auth.js';
import { clockRoutes } from './clock.js';
import { definitionRoutes } from './definitions.js';
import { healthRoutes } from './health.js';
import { homeRoutes } from './home.js';
import { messageRoutes } from './messages.js';
import { metricsRoutes } from './metrics.js';
import { processCaseRoutes } from './process-cases.js';
import { taskRoutes } from './tasks.js';
import { userRoutes } from './users.js';

/** The route plugins, each encapsulated (its content-type parsers and hooks stay its own). */
export const ROUTES: readonly FastifyPluginAsync[] = [
  homeRoutes,
  healthRoutes,
  metricsRoutes,
  authRoutes,
  userRoutes,
  definitionRoutes,
  processCaseRoutes,
  taskRoutes,
  messageRoutes,
  clockRoutes,
  auditRoutes,
];
