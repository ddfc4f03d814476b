/** The open tasks of a case detail: the engine's task with the light of the clock that supervises it. */
import { Type } from '@sinclair/typebox';
import { ClockLightSchema } from './clocks.js';
import { StringEnum } from './enum.js';
import { Instant } from './time.js';

/** The kinds of BPMN task a person or a rule works. */
export const TASK_KINDS = ['userTask', 'manualTask', 'receiveTask', 'businessRuleTask'] as const;

/** The completion that opened a task: what 拿回 (take back) needs to undo it. */
export const HandoverSchema = Type.Object({
  taskId: Type.String({ description: 'The completed task' }),
  el: Type.String({ description: 'Its element id' }),
  scope: Type.String({ description: 'The scope the completed step ran in' }),
  by: Type.Optional(Type.String({ description: 'Who completed it (only they may take it back)' })),
  since: Type.Integer({ description: 'The instance number before the completion' }),
  restore: Type.Optional(Type.Record(Type.String(), Type.Record(Type.String(), Type.Array(Type.String())), {
    description: 'Arrivals at joins the completion consumed from other branches, by scope and gateway',
  })),
  resumedTo: Type.Optional(Type.String({ description: 'The rejecting step a 驳回 back-to-me went straight back to' })),
}, { additionalProperties: false, description: 'The completion that opened the task' });

/** An open task of a case. */
export const OpenTaskSchema = Type.Object({
  taskId: Type.String(),
  elementId: Type.String(),
  name: Type.Optional(Type.String()),
  kind: StringEnum(TASK_KINDS),
  department: Type.Optional(Type.String()),
  role: Type.Optional(Type.String()),
  candidateGroups: Type.Optional(Type.Array(Type.String())),
  candidates: Type.Optional(Type.Array(Type.String(), { description: 'The users a candidate rule resolved to at creation' })),
  stage: Type.Optional(Type.String({ description: 'The stage id (pre-review, register, joint-review …)' })),
  assignee: Type.Optional(Type.String()),
  assigneeName: Type.Optional(Type.String({ description: 'The assignee\'s real name' })),
  dueAt: Type.Optional(Instant('The step\'s own due instant from its BPMN time limit')),
  loopCounter: Type.Optional(Type.Integer({ description: 'Multi-instance: the loop counter' })),
  element: Type.Optional(Type.Unknown({ description: 'Multi-instance: the element of the collection (e.g. the co-department); any JSON' })),
  owner: Type.Optional(Type.String({ description: '委派 / 加签: who owns the step while the assignee works it' })),
  ownerName: Type.Optional(Type.String({ description: 'The owner\'s real name' })),
  delegated: Type.Optional(Type.Boolean({ description: '委派: the delegate works it and resolves it back to the owner' })),
  queue: Type.Optional(Type.Array(Type.String(), { description: '加签: the signers still to sign, in order' })),
  added: Type.Optional(Type.Array(Type.String(), { description: '加签: the signers the owner added' })),
  addedBy: Type.Optional(Type.String({ description: '加签 parallel: the owner\'s task' })),
  touched: Type.Optional(Type.Boolean({ description: 'Somebody worked the task (claimed, transferred, delegated, signed)' })),
  prev: Type.Optional(HandoverSchema),
  light: Type.Optional(ClockLightSchema),
}, { additionalProperties: false, description: 'An open task with the light of the clock that supervises it' });
