/** Every validation rule, by name. The name is the `rule` of each finding and the file name under `rules/`. */
import type { RuleDefinition, RuleFactory } from './rule.js';
import approvalAttributes from './rules/approval-attributes.js';
import boundaryEvent from './rules/boundary-event.js';
import businessRuleTask from './rules/business-rule-task.js';
import callActivity from './rules/call-activity.js';
import dataAssociationIgnored from './rules/data-association-ignored.js';
import elementId from './rules/element-id.js';
import endEventRequired from './rules/end-event-required.js';
import eventBasedGateway from './rules/event-based-gateway.js';
import eventDefinitionSupported from './rules/event-definition-supported.js';
import eventSubprocess from './rules/event-subprocess.js';
import expressionBudget from './rules/expression-budget.js';
import expressionSyntax from './rules/expression-syntax.js';
import gatewayFlows from './rules/gateway-flows.js';
import ioMapping from './rules/io-mapping.js';
import messageReference from './rules/message-reference.js';
import multiInstance from './rules/multi-instance.js';
import parallelGatewayConditions from './rules/parallel-gateway-conditions.js';
import reachableFromStart from './rules/reachable-from-start.js';
import reachesEnd from './rules/reaches-end.js';
import sequenceFlow from './rules/sequence-flow.js';
import serviceTaskAction from './rules/service-task-action.js';
import singleEventDefinition from './rules/single-event-definition.js';
import startEventRequired from './rules/start-event-required.js';
import timerDefinition from './rules/timer-definition.js';
import unsupportedElement from './rules/unsupported-element.js';
import untypedTask from './rules/untyped-task.js';
import userTaskAssignment from './rules/user-task-assignment.js';

/** The rule factories, keyed by rule name (bpmnlint's resolver can serve these as `shenpi/<name>`). */
export const RULE_FACTORIES: Readonly<Record<string, RuleFactory>> = {
  'unsupported-element': unsupportedElement,
  'event-definition-supported': eventDefinitionSupported,
  'single-event-definition': singleEventDefinition,
  'element-id': elementId,
  'start-event-required': startEventRequired,
  'end-event-required': endEventRequired,
  'reachable-from-start': reachableFromStart,
  'reaches-end': reachesEnd,
  'sequence-flow': sequenceFlow,
  'event-subprocess': eventSubprocess,
  'boundary-event': boundaryEvent,
  'gateway-flows': gatewayFlows,
  'parallel-gateway-conditions': parallelGatewayConditions,
  'event-based-gateway': eventBasedGateway,
  'timer-definition': timerDefinition,
  'expression-syntax': expressionSyntax,
  'expression-budget': expressionBudget,
  'user-task-assignment': userTaskAssignment,
  'approval-attributes': approvalAttributes,
  'multi-instance': multiInstance,
  'io-mapping': ioMapping,
  'call-activity': callActivity,
  'business-rule-task': businessRuleTask,
  'service-task-action': serviceTaskAction,
  'message-reference': messageReference,
  'data-association-ignored': dataAssociationIgnored,
  'untyped-task': untypedTask,
};

/** Instantiates every rule once. */
export function createRules(): Record<string, RuleDefinition> {
  return Object.fromEntries(Object.entries(RULE_FACTORIES).map(([name, factory]) => [name, factory()]));
}
