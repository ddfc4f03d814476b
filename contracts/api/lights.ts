/** The lights overview (红黄绿灯, `GET /api/supervision/lights`): counts per department, overdue cases, clocks. */
import { Type, type Static } from '@sinclair/typebox';
import { CaseRowSchema } from './case-row.js';
import { ClockLightSchema } from './clocks.js';
import { Instant } from './time.js';

/** One clock needing attention, with the case it belongs to. */
export const ClockRowSchema = Type.Object({
  ...ClockLightSchema.properties,
  caseNo: Type.String(),
  itemCode: Type.String(),
  itemName: Type.Optional(Type.String()),
}, { additionalProperties: false, description: 'A clock needing attention (red, yellow, paused), with its case' });
export type ClockRowView = Static<typeof ClockRowSchema>;

const count = () => Type.Integer({ minimum: 0 });

/** One department's cases in handling, counted per light. */
export const DepartmentLightsSchema = Type.Object({
  department: Type.String(),
  green: count(),
  yellow: count(),
  blue: Type.Integer({ minimum: 0, deprecated: true, description: 'Deprecated: the early warning under its former name, equal to yellow; read yellow (removed in the next version)' }),
  red: count(),
  paused: count(),
  total: count(),
}, { additionalProperties: false, description: 'Light counts of one lead department' });
export type DepartmentLightsView = Static<typeof DepartmentLightsSchema>;

/** The overview. */
export const LightsOverviewSchema = Type.Object({
  asOf: Instant('The business clock it was read on'),
  departments: Type.Array(DepartmentLightsSchema),
  overdue: Type.Array(CaseRowSchema, { description: 'Cases in handling past their promised limit (at most 200)' }),
  clocks: Type.Array(ClockRowSchema, { description: 'Every clock needing attention (red, yellow, paused): promised, statutory, step, co-department and task limits, each with its reason' }),
}, { additionalProperties: false, description: 'The lights overview' });
export type LightsOverview = Static<typeof LightsOverviewSchema>;
