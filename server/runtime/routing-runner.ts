/**
 * Several engines over one store: plain BPMN cases run on the engine core, approval cases on the approval
 * aggregate. The timer poller and the task routes see every case, so they must hand each command to the
 * runner of that case's engine; a `RoutingRunner` asks each route whether it owns the case, in order, and
 * falls back to the core runner.
 */
import type { OrgSnapshot } from '../../engine/core/organisation.js';
import type { Command } from '../../engine/core/types.js';
import type { ExecuteOptions } from '../../engine/runtime/case-runner.js';
import type { CaseWrite, Clock, CommandResult } from '../../engine/runtime/ports.js';
import type { WorkingCalendar } from '../../engine/calendar/types.js';
import type { Runner } from '../metrics/shenpi-metrics.js';
import type { OpenedStore } from '../store/open-store.js';

/** A runner for the cases it owns. */
export interface CaseEngineRoute {
  /** For logs: `approval`, … */
  name: string;
  runner: Runner;
  /** True when `caseNo` is one of this engine's cases (e.g. its item key is an approval item's code). */
  owns(caseNo: string): Promise<boolean>;
}

/** What a route factory gets from the runtime: the same store, clock and calendar as the core runner. */
export interface CaseEngineDeps {
  store: OpenedStore;
  clock: Clock;
  calendar: WorkingCalendar;
  /** Pass as the route's runner `afterCommit`, so its effects are delivered at once too. */
  afterCommit: (write: CaseWrite) => void;
  /** The organisation snapshot the runner hands each command (candidate rules). */
  organisation?: () => Promise<OrgSnapshot | undefined>;
}

/** Builds the extra routes once the store is open (the case lifecycle supplies one). */
export type CaseEngineFactory = (deps: CaseEngineDeps) => Promise<CaseEngineRoute[]>;

/** Sends each command to the runner owning its case. */
export class RoutingRunner implements Runner {
  constructor(
    private readonly fallback: Runner,
    private readonly routes: readonly CaseEngineRoute[],
  ) {}

  async execute(caseNo: string, command: Command, opts?: ExecuteOptions): Promise<CommandResult> {
    return (await this.runnerFor(caseNo)).execute(caseNo, command, opts);
  }

  async executeAll(caseNo: string, commands: Command[], opts?: Omit<ExecuteOptions, 'idempotencyKey'>): Promise<CommandResult[]> {
    return (await this.runnerFor(caseNo)).executeAll(caseNo, commands, opts);
  }

  /** The runner of `caseNo`'s engine. */
  async runnerFor(caseNo: string): Promise<Runner> {
    for (const route of this.routes) if (await route.owns(caseNo)) return route.runner;
    return this.fallback;
  }
}
