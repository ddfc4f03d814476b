/**
 * The legal clocks as the API shows them: limits, deadlines with the basis they were computed from, the
 * lights of 红黄绿灯 with their reasons, the special procedures that pause a clock and the extension.
 */
import { Type, type Static } from '@sinclair/typebox';
import { LIGHTS } from '../vocabulary/lights.js';
import { SPECIAL_PROCEDURE_TYPES } from '../vocabulary/special-procedures.js';
import { StringEnum } from './enum.js';
import { DateOrInstant, Instant, LegalDate } from './time.js';

/** The unit of a limit: working days (工作日, 行政许可法 第82条) or calendar days (自然日). */
export const TimeUnitSchema = StringEnum(['WD', 'CD'], { description: 'WD working days (工作日), CD calendar days (自然日)' });

/** A time limit with its explicit unit. */
export const LimitSchema = Type.Object({
  value: Type.Integer({ minimum: 0, description: 'How many days' }),
  unit: TimeUnitSchema,
}, { additionalProperties: false, description: 'A time limit with its unit' });
export type LimitView = Static<typeof LimitSchema>;

/** What a deadline was computed from. */
export const DeadlineBasisSchema = Type.Object({
  rule: Type.String({ description: 'Which clock: `statutory`, `promised`, `step:<id>`, `pre-acceptance`, `delivery`, `co-department:<dept>` …' }),
  article: Type.String({ description: 'The article of law or regulation the limit comes from' }),
  trigger: DateOrInstant('The day or instant the period counts from, as given'),
  countFrom: LegalDate('The day not counted: the trigger\'s day, or under C2 the deemed receipt day (民法典 第201条)'),
  policy: StringEnum(['C1', 'C2'], { description: 'C1: the trigger day is not counted; C2: a receipt outside working time counts from the next working day' }),
  deemedReceipt: Type.Optional(LegalDate('Under C2, the day a receipt outside working time was deemed received')),
  suspendedDays: Type.Integer({ minimum: 0, description: 'Days (in the limit\'s unit) added for suspensions (行政许可法 第45条)' }),
  /** An approved extension included in the deadline (行政许可法 第42条). */
  extension: Type.Optional(LimitSchema),
  rolledForwardFrom: Type.Optional(LegalDate('For calendar-day limits ending on a day off: the day it would have ended (民法典 第203条)')),
  endOfDay: StringEnum(['midnight', 'office-closing'], { description: 'Whether the limit ends at 24:00 or at the office\'s closing time' }),
}, { additionalProperties: false, description: 'The rule, article and inputs a deadline came from' });

/** A computed deadline: its legal day and the instant it ends, with the calendar version and basis. */
export const DeadlineSchema = Type.Object({
  date: LegalDate('The last day of the limit (a limit ending at 24:00 of D is D)'),
  instant: Instant('The exclusive end of the limit: 24:00 of `date`, or office closing'),
  unit: TimeUnitSchema,
  value: Type.Integer({ description: 'The limit\'s value, before any extension' }),
  calendarVersion: Type.String({ description: 'The working-day calendar version it was computed on' }),
  provisional: Type.Boolean({ description: 'The date lies beyond the official calendar data' }),
  warning: Type.Optional(Type.String({ description: 'The operator warning of a provisional deadline' })),
  basis: DeadlineBasisSchema,
}, { additionalProperties: false, description: 'A deadline: its legal day, the instant it ends, and how it was computed' });
export type DeadlineView = Static<typeof DeadlineSchema>;

/** 红黄绿灯: GREEN, YELLOW the early warning (预警), RED overdue (超期), PAUSED while suspended. */
export const LightSchema = StringEnum(LIGHTS, {
  description: '红黄绿灯: green, yellow (预警, formerly `blue`), red (超期), paused (a special procedure, 第45条)',
});
export type LightView = Static<typeof LightSchema>;

/** Why a light shows what it shows. */
export const LightReasonSchema = Type.Object({
  code: StringEnum(['overdue', 'completed-late', 'completed', 'paused', 'warn-percent', 'warn-days-left', 'within'], {
    description: '`overdue`, `completed-late`, `completed` (in time), `paused` (第45条), `warn-percent`, `warn-days-left`, `within`',
  }),
  endsAt: Instant('The instant the limit ends (24:00 or office closing of its last day)'),
  warnAtPercent: Type.Number({ description: 'Percent of the limit used from which the light is yellow' }),
  warnWhenDaysLeft: Type.Optional(Type.Number({ description: 'Yellow as well when at most this many days are left' })),
}, { additionalProperties: false, description: 'Why the light is what it is, with the thresholds it was read with' });

/** The numbers of a light. */
const readingFields = {
  light: LightSchema,
  elapsed: Type.Number({ description: 'Days of the limit used before the evaluated day' }),
  limit: Type.Number({ description: 'The limit including any extension' }),
  remaining: Type.Number({ description: 'Days of the limit left' }),
  completed: Type.Boolean({ description: 'The case or step was completed' }),
  overdue: Type.Boolean({ description: 'The last day passed without completion, or completion came after it' }),
  reason: LightReasonSchema,
};

/** A light with the numbers behind it (the case's promised clock in `clocks.reading`). */
export const LightReadingSchema = Type.Object(readingFields, { additionalProperties: false, description: 'A light with the numbers behind it' });

/** The light of one clock of a case, with its deadline and reason. */
export const ClockLightSchema = Type.Object({
  ...readingFields,
  clock: Type.String({ description: '`promised`, `statutory`, `step:<id>`, `co-department:<dept>` or `task:<task id>`' }),
  kind: StringEnum(['promised', 'statutory', 'step', 'co-department', 'task'], { description: 'Which kind of clock' }),
  department: Type.String({ description: 'The department that answers for it' }),
  due: LegalDate('The last day of the limit'),
  dueAt: Instant('The instant the limit ends (24:00 or office closing of `due`)'),
  article: Type.Optional(Type.String({ description: 'The article the limit comes from' })),
  unit: Type.Optional(TimeUnitSchema),
  elementId: Type.Optional(Type.String({ description: 'The step\'s element id, for a step or task clock' })),
  name: Type.Optional(Type.String({ description: 'The step\'s name, when one of its tasks is open' })),
}, { additionalProperties: false, description: 'One clock\'s light (红黄绿灯) with its deadline and reason' });
export type ClockLightView = Static<typeof ClockLightSchema>;

/** One special procedure (特别程序) of the suspension ledger. */
export const SuspensionSchema = Type.Object({
  id: Type.String(),
  type: StringEnum(SPECIAL_PROCEDURE_TYPES, { description: 'The special procedure\'s kind' }),
  start: LegalDate('The day it started; days after it up to `end` are not counted'),
  end: Type.Optional(LegalDate('The day it ended; absent while it runs')),
  reason: Type.Optional(Type.String({ description: 'The reason as recorded; the pages word `reasonCode` instead when there is one' })),
  reasonCode: Type.Optional(Type.String({ description: 'The code of a reason the engine wrote itself (a hearing requested: `hearing.requested-by`, contracts/messages/timeline.ts)' })),
  reasonParams: Type.Optional(Type.Record(Type.String(), Type.Union([Type.String(), Type.Number()]), { description: 'The parameters of `reasonCode`: the party by name' })),
  basis: Type.Optional(Type.String({ description: 'The legal basis' })),
  expectedDuration: Type.Optional(LimitSchema),
  expectedEnd: Type.Optional(LegalDate('The expected end told to the applicant (第45条)')),
  pauses: Type.Object({ statutory: Type.Boolean(), promised: Type.Boolean() }, { additionalProperties: false, description: 'Which clocks it pauses, fixed when it started' }),
  pauseBasis: Type.String({ description: 'Why it pauses (or not) those clocks' }),
  gbKind: Type.Optional(StringEnum(['2'], { description: 'GB/T 39046 A.7 kind 2 (除延长审批之外的情况)' })),
}, { additionalProperties: false, description: 'A special procedure and the clocks it pauses (行政许可法 第45条)' });

/** The one extension (延长审批, 行政许可法 第42条). */
export const ExtensionSchema = Type.Object({
  extension: LimitSchema,
  approvedBy: Type.String(),
  reason: Type.String({ description: 'The reason told to the applicant' }),
  at: Instant('When it was approved'),
  article: Type.String(),
  gbKind: StringEnum(['1'], { description: 'GB/T 39046 A.7 kind 1 (延长审批)' }),
  late: Type.Optional(Type.Boolean({ description: 'Granted after the limit ran out: a supervised violation' })),
}, { additionalProperties: false, description: 'The granted extension' });

/** On time, or late by a number of days. */
export const CompletionSchema = Type.Object({
  onTime: Type.Boolean(),
  lateDays: Type.Integer({ description: 'Days of the deadline\'s unit after the deadline; 0 when on time' }),
  deadline: LegalDate('The last day it was assessed against'),
  calendarVersion: Type.String(),
}, { additionalProperties: false, description: 'Whether a completion was on time against a deadline' });
