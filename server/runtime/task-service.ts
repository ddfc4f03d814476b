/**
 * Claiming, completing and operating (转办, 委派, 加签 …) a task, for every kind of case (plain BPMN on the core, approval cases on the
 * approval aggregate): the one path of the task routes and of the case service. Who may work the step is
 * decided by `stepAuthority` on the case as the runner loads it for the command (the runner's
 * `precondition`), so the check reads nothing of its own and sees the state the command commits on: one
 * case load per claim or completion.
 */
import { openTasks, type CaseState } from '../../engine/core/index.js';
import type { Actor, Json, Refusal, TaskOperation, Variables } from '../../engine/core/types.js';
import type { ExecuteOptions } from '../../engine/runtime/case-runner.js';
import type { StoredCase } from '../../engine/runtime/ports.js';
import { stepAuthority, type StepWorker } from '../identity/step-authority.js';

/** The commands of working a task. */
export type TaskCommand =
  | { type: 'task.claim'; taskId: string; assignee: string; actor?: Actor }
  | { type: 'task.complete'; taskId: string; actor?: Actor; outcome?: string; opinion?: string; variables?: Variables };

/** Runs one command on a case with the runner's options; answers whatever that runner answers. */
export type TaskRun<R> = (caseNo: string, command: TaskCommand | TaskOperation, opts: Pick<ExecuteOptions, 'precondition'>) => Promise<R>;

/** Who works the task: the actor recorded on the event and the worker whose step authority is checked. */
export interface TaskWorker {
  /** Absent: nobody, who works no step. */
  actor?: Actor | undefined;
  /** The user with their step roles and groups; by default the actor, its roles taken as its groups. */
  worker?: StepWorker;
  /** The department owning the case's definition (for a step naming none); by default the approval item's. */
  owner?: string;
}

/** The worker of an actor whose roles carry its step roles (the case service's actors, `caseActor`). */
export function workerOfActor(actor: Actor | undefined): StepWorker {
  const roles = actor?.roles ?? [];
  return { id: actor?.id ?? 'nobody', ...(actor?.department ? { department: actor.department } : {}), roles, groups: roles };
}

/** The process state of a stored case: the approval aggregate keeps it under `process`, the core's state is it. */
function processOf(state: Json): CaseState {
  const s = state as unknown as { process?: CaseState };
  return s.process ?? (state as unknown as CaseState);
}

/** The implementing department of an approval case (the owner of its steps that name none). */
function itemDepartment(state: Json): string | undefined {
  return (state as unknown as { approval?: { item?: { department?: string } } | null }).approval?.item?.department;
}

/**
 * The runner's precondition of working task `taskId`: the step authority of `worker` on the task as the case
 * holds it. A task that is not open is left to the engine to refuse.
 */
export function stepPrecondition(taskId: string, worker: StepWorker, owner?: string): (loaded: StoredCase) => Refusal<string> | undefined {
  return (loaded) => {
    const task = openTasks(processOf(loaded.state)).find((t) => t.taskId === taskId);
    if (!task) return undefined;
    const department = owner ?? itemDepartment(loaded.state);
    const refused = stepAuthority(worker, { ...task, ...(department !== undefined ? { owner: department } : {}) });
    return refused && { code: refused.code, message: refused.message, details: refused.details };
  };
}

/** Claims and completes tasks through `run` (the runtime's runner for the routes, the approval runner for the case service). */
export class TaskService<R> {
  constructor(private readonly run: TaskRun<R>) {}

  /** 签收: `assignee` takes the task; refused (STEP_*) unless the worker may work the step. */
  claim(caseNo: string, args: { taskId: string; assignee: string } & TaskWorker): Promise<R> {
    return this.run(caseNo, { type: 'task.claim', taskId: args.taskId, assignee: args.assignee, ...(args.actor ? { actor: args.actor } : {}) }, this.guard(args));
  }

  /** Completes the task with its outcome, opinion and variables; the same step authority as claiming it. */
  complete(caseNo: string, args: { taskId: string; outcome?: string; opinion?: string; variables?: Variables } & TaskWorker): Promise<R> {
    const { taskId, outcome, opinion, variables, actor } = args;
    return this.run(caseNo, {
      type: 'task.complete', taskId, ...(actor ? { actor } : {}), ...(outcome !== undefined ? { outcome } : {}), ...(opinion !== undefined ? { opinion } : {}), ...(variables ? { variables } : {}),
    }, this.guard(args));
  }

  /**
   * 转办, 委派, 加签/减签, 驳回, 拿回, 催办 and 抄送 on the task `operation` names: who may operate it and to whom
   * it may go are checked by the routes before; the engine decides the rest (the holder, the step's state).
   */
  operate(caseNo: string, operation: TaskOperation): Promise<R> {
    return this.run(caseNo, operation, {});
  }

  private guard(args: { taskId: string } & TaskWorker): Pick<ExecuteOptions, 'precondition'> {
    return { precondition: stepPrecondition(args.taskId, args.worker ?? workerOfActor(args.actor), args.owner) };
  }
}
