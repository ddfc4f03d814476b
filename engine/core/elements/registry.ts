/** Which behaviour runs which BPMN element type. */
import type { NodeKind } from '../model.js';
import type { ElementBehavior } from './behavior.js';
import { boundaryEvent } from './boundary-event.js';
import { businessRuleTask } from './business-rule-task.js';
import { callActivity } from './call-activity.js';
import { endEvent } from './end-event.js';
import { eventBasedGateway } from './event-based-gateway.js';
import { exclusiveGateway } from './exclusive-gateway.js';
import { inclusiveGateway } from './inclusive-gateway.js';
import { intermediateCatchEvent } from './intermediate-catch-event.js';
import { intermediateThrowEvent } from './intermediate-throw-event.js';
import { manualTask } from './manual-task.js';
import { parallelGateway } from './parallel-gateway.js';
import { receiveTask } from './receive-task.js';
import { sendTask } from './send-task.js';
import { serviceTask } from './service-task.js';
import { startEvent } from './start-event.js';
import { subProcess } from './sub-process.js';
import { task } from './task.js';
import { userTask } from './user-task.js';

export { multiInstanceBody } from './multi-instance-body.js';
export { processInstance } from './process.js';

const behaviors: Record<NodeKind, ElementBehavior> = {
  startEvent,
  endEvent,
  intermediateCatchEvent,
  intermediateThrowEvent,
  boundaryEvent,
  userTask,
  manualTask,
  task,
  serviceTask,
  businessRuleTask,
  sendTask,
  receiveTask,
  subProcess,
  callActivity,
  exclusiveGateway,
  parallelGateway,
  inclusiveGateway,
  eventBasedGateway,
};

/** The behaviour of an element type. */
export function behaviorFor(kind: NodeKind): ElementBehavior {
  return behaviors[kind];
}
