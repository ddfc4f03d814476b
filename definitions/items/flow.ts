/**
 * The flow chart of the disclosure (流程图) as the ordered list of the process's steps, read from the
 * compiled BPMN process itself: the steps in the order a token first reaches them from the start events.
 */
import type { ExecutableDefinition, NodeDef, TimeLimit } from '../../engine/core/model.js';

/** One step of the published flow. */
export interface FlowStep {
  id: string;
  name: string;
  kind: NodeDef['kind'];
  department?: string;
  role?: string;
  stage?: string;
  timeLimit?: TimeLimit;
  specialProcedure?: string;
  /** Joint approval: the co-departments working this step in parallel. */
  coDepartments?: string[];
}

const STEP_KINDS = new Set<NodeDef['kind']>(['userTask', 'manualTask', 'serviceTask', 'receiveTask', 'businessRuleTask', 'callActivity', 'subProcess', 'sendTask']);

/** The steps of `definition` in breadth-first order from the main process's start events. */
export function flowSteps(definition: ExecutableDefinition): FlowStep[] {
  const scope = definition.scopes[definition.processId];
  const queue = [...(scope?.startEvents ?? [])];
  const seen = new Set(queue);
  const steps: FlowStep[] = [];
  while (queue.length > 0) {
    const node = definition.nodes[queue.shift()!]!;
    if (STEP_KINDS.has(node.kind)) {
      const a = node.approval;
      steps.push({
        id: node.id,
        name: node.name ?? node.id,
        kind: node.kind,
        ...(a?.department ? { department: a.department } : {}),
        ...(a?.role ? { role: a.role } : {}),
        ...(a?.stage ? { stage: a.stage } : {}),
        ...(a?.timeLimit ? { timeLimit: a.timeLimit } : {}),
        ...(a?.specialProcedure ? { specialProcedure: a.specialProcedure.kind } : {}),
        ...(a?.joint ? { coDepartments: [...a.joint.coDepartments] } : {}),
      });
    }
    const next = [...node.outgoing.map((f) => definition.flows[f]!.targetId), ...(node.boundaryEvents ?? [])];
    for (const id of next) {
      if (!seen.has(id)) {
        seen.add(id);
        queue.push(id);
      }
    }
  }
  return steps;
}
