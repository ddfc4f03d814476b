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
