/** The monthly report (月度报表, `GET /api/reports/monthly` as JSON): one row per department and item. */
import { Type, type Static } from '@sinclair/typebox';

const n = (description?: string) => Type.Integer({ minimum: 0, ...(description ? { description } : {}) });

/** One department and item in the month. */
export const MonthlyRowSchema = Type.Object({
  department: Type.String({ description: 'The lead (implementing) department' }),
  itemCode: Type.String(),
  itemName: Type.String(),
  received: n('Applications received in the month'),
  online: n('Of them online'),
  onlineShare: Type.Number({ minimum: 0, maximum: 1, description: 'online / received, 0..1 (0 when nothing was received)' }),
  accepted: n(),
  rejected: n('Not accepted (不予受理)'),
  completed: n('Concluded (办结) in the month'),
  onTime: n('Of the completed, decided within the promised limit'),
  overdue: n('Of the completed, decided after the promised limit'),
  averageWorkingDays: Type.Union([Type.Number(), Type.Null()], { description: 'Working days from acceptance to decision, averaged over the completed cases; null when none' }),
  expressDeliveries: n(),
  evaluations: Type.Object({ 1: n(), 2: n(), 3: n(), 4: n(), 5: n() }, { additionalProperties: false, description: 'Evaluations (好差评) by grade: 1 非常满意 … 5 非常不满意' }),
  rectificationsOpened: n(),
  rectificationsCompleted: n(),
}, { additionalProperties: false, description: 'The figures of one department and item in the month' });
export type MonthlyRowView = Static<typeof MonthlyRowSchema>;

/** The report of a month. */
export const MonthlyReportSchema = Type.Object({
  month: Type.String({ pattern: '^[0-9]{4}-(0[1-9]|1[0-2])$', description: '`YYYY-MM`, Beijing time' }),
  rows: Type.Array(MonthlyRowSchema),
}, { additionalProperties: false, description: 'The monthly report' });
export type MonthlyReport = Static<typeof MonthlyReportSchema>;

/** The month of the report (`YYYY-MM`). */
export const MonthlyReportQuerySchema = Type.Object({ month: Type.String({ pattern: '^[0-9]{4}-(0[1-9]|1[0-2])$' }) }, { additionalProperties: false });
export type MonthlyReportQuery = Static<typeof MonthlyReportQuerySchema>;
