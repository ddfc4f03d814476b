/** Every route plugin, in the order the OpenAPI document lists them. */
import type { FastifyPluginAsync } from 'fastify';
import { auditRoutes } from './audit.js';
import { authRoutes } from './auth.js';
import { calendarRoutes } from './calendar.js';
import { certificateRoutes } from './certificates.js';
import { clockRoutes } from './clock.js';
import { definitionRoutes } from './definitions.js';
import { caseApplyRoutes } from './case-apply.js';
import { caseDocumentRoutes } from './case-documents.js';
import { caseFileRoutes } from './case-files.js';
import { caseHandlingRoutes } from './case-handling.js';
import { caseHearingRoutes } from './case-hearing.js';
import { caseIntakeRoutes } from './case-intake.js';
import { caseRoutes } from './cases.js';
import { healthRoutes } from './health.js';
import { itemDeployRoutes } from './item-deploy.js';
import { itemProcessRoutes } from './item-process.js';
import { itemRoutes } from './items.js';
import { itemReservationRoutes } from './item-reservations.js';
import { homeRoutes } from './home.js';
import { messageRoutes } from './messages.js';
import { metricsRoutes } from './metrics.js';
import { notificationRoutes } from './notifications.js';
import { processCaseRoutes } from './process-cases.js';
import { reportRoutes } from './reports.js';
import { settingsRoutes } from './settings.js';
import { supervisionRoutes } from './supervision.js';
import { taskRoutes } from './tasks.js';
import { userAccountRoutes } from './user-accounts.js';
import { taskCandidateRoutes } from './task-candidates.js';
import { taskOperationRoutes } from './task-operations.js';
import { taskReviewRoutes } from './task-review.js';
import { userRoutes } from './users.js';
import { organisationRoutes } from './organisation.js';
import { organisationEditRoutes } from './organisation-edits.js';

/** The route plugins, each encapsulated (its content-type parsers and hooks stay its own). */
export const ROUTES: readonly FastifyPluginAsync[] = [
  homeRoutes,
  healthRoutes,
  metricsRoutes,
  authRoutes,
  userRoutes,
  userAccountRoutes,
  organisationRoutes,
  organisationEditRoutes,
  definitionRoutes,
  itemRoutes,
  itemReservationRoutes,
  itemDeployRoutes,
  itemProcessRoutes,
  caseApplyRoutes,
  caseRoutes,
  caseIntakeRoutes,
  caseHandlingRoutes,
  caseHearingRoutes,
  caseDocumentRoutes,
  caseFileRoutes,
  certificateRoutes,
  supervisionRoutes,
  settingsRoutes,
  calendarRoutes,
  reportRoutes,
  processCaseRoutes,
  taskRoutes,
  taskCandidateRoutes,
  taskOperationRoutes,
  taskReviewRoutes,
  messageRoutes,
  notificationRoutes,
  clockRoutes,
  auditRoutes,
];
