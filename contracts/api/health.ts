/** Liveness (`GET /healthz`) and readiness (`GET /readyz`) as load balancers and orchestrators read them. */
import { Type, type Static } from '@sinclair/typebox';

/** The process answers. */
export const LivenessSchema = Type.Object({ status: Type.Optional(Type.String()) }, { additionalProperties: false });
export type Liveness = Static<typeof LivenessSchema>;

/** Something operations must act on while the service is ready, e.g. open cases on a provisional calendar. */
export const ReadinessWarningSchema = Type.Object({
  code: Type.Optional(Type.String()),
  message: Type.Optional(Type.String()),
  provisionalCases: Type.Optional(Type.Integer()),
  year: Type.Optional(Type.Integer()),
}, { additionalProperties: false });
export type ReadinessWarning = Static<typeof ReadinessWarningSchema>;

/** The database answers and every migration has run. */
export const ReadinessSchema = Type.Object({
  status: Type.String(),
  database: Type.String(),
  pendingMigrations: Type.Array(Type.String()),
  warnings: Type.Optional(Type.Array(ReadinessWarningSchema, {
    description: 'ready, but operations must act: e.g. open cases with a provisional deadline (no official calendar for their year)',
  })),
}, { additionalProperties: false });
export type Readiness = Static<typeof ReadinessSchema>;
