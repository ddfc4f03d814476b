/** A task as the inbox (`GET /api/tasks`), one task (`GET /api/tasks/:id`) and a process case list it. */
import { Type, type Static } from '@sinclair/typebox';
import { ClockLightSchema } from './clocks.js';
import { StringEnum } from './enum.js';
import { Instant } from './time.js';

/** Where a task stands. */
export const TASK_STATUSES = ['active', 'completed', 'cancelled'] as const;

/** A projected task, with the light of the clock that supervises it while active. */
export const TaskRowSchema = Type.Object({
  caseNo: Type.String(),
  taskId: Type.String(),
  elementId: Type.String({ description: 'The step\'s element id' }),
  name: Type.Optional(Type.String()),
  kind: Type.String({ description: 'userTask, manualTask, receiveTask, businessRuleTask' }),
  department: Type.Optional(Type.String()),
  role: Type.Optional(Type.String()),
  candidateGroups: Type.Array(Type.String()),
  candidates: Type.Optional(Type.Array(Type.String(), { description: 'The users the step\'s candidate rule resolved to' })),
  stage: Type.Optional(Type.String({ description: 'The stage id (pre-review, register, joint-review …)' })),
  assignee: Type.Optional(Type.String()),
  assigneeName: Type.Optional(Type.String({ description: 'The assignee\'s real name, as the pages show them' })),
  dueAt: Type.Optional(Instant('The step\'s own due instant from its BPMN time limit')),
  status: StringEnum(TASK_STATUSES),
  createdAt: Instant(),
  completedAt: Type.Optional(Instant()),
  light: Type.Optional({ ...ClockLightSchema, description: 'The light of the clock that supervises the step (approval cases), with its reason' }),
}, { additionalProperties: false, description: 'A task' });

/** A task of the inbox. */
export type TaskRowView = Static<typeof TaskRowSchema>;

/** A JSON value, as variables and facts carry them. */
export type JsonValue = null | boolean | number | string | JsonValue[] | { [key: string]: JsonValue };

/**
 * Case variables sent with a command: an object of at most 200 properties whose JSON the server also bounds
 * in bytes (`x-json-size-limited`, SHENPI_VARIABLES_LIMIT).
 */
export const VariablesSchema = Type.Unsafe<Record<string, JsonValue>>({ type: 'object', additionalProperties: true, maxProperties: 200, 'x-json-size-limited': true });

/** `:id` in the path of a task route: the task id (`<caseNo>:<key>`). */
export const TaskParamsSchema = Type.Object({ id: Type.String({ minLength: 3, maxLength: 200 }) });
export type TaskParams = Static<typeof TaskParamsSchema>;

/** The inbox's filters (`GET /api/tasks`); active tasks, at most 100, unless asked otherwise. */
export const TaskInboxQuerySchema = Type.Object({
  caseNo: Type.Optional(Type.String({ maxLength: 64 })),
  department: Type.Optional(Type.String({ maxLength: 128 })),
  role: Type.Optional(Type.String({ maxLength: 128 })),
  assignee: Type.Optional(Type.String({ maxLength: 64 })),
  status: Type.Optional(StringEnum(TASK_STATUSES, { default: 'active' })),
  limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 500, default: 100 })),
}, { additionalProperties: false });
export type TaskInboxQuery = Static<typeof TaskInboxQuerySchema>;

/** Claiming a task (签收): for the caller; `assignee`, if sent, must be the caller. */
export const TaskClaimBodySchema = Type.Object({ assignee: Type.Optional(Type.String({ maxLength: 64 })) }, { additionalProperties: false });
export type TaskClaimBody = Static<typeof TaskClaimBodySchema>;

/** Completing a task: its outcome, the opinion (审批意见) and variables for the process. */
export const TaskCompleteBodySchema = Type.Object({
  outcome: Type.Optional(Type.String({ minLength: 1, maxLength: 64 })),
  opinion: Type.Optional(Type.String({ maxLength: 4000 })),
  variables: Type.Optional(VariablesSchema),
}, { additionalProperties: false });
export type TaskCompleteBody = Static<typeof TaskCompleteBodySchema>;
