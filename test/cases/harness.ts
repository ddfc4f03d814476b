/**
 * End-to-end wiring for case tests: a fresh SQLite database with the shipped items deployed, the case
 * service on the real runtime, the official calendar and a controlled clock in Beijing time.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { ChineseWorkingCalendar } from '../../engine/calendar/index.js';
import { approvalReplay, type ApprovalCaseState } from '../../engine/approval/index.js';
import type { Actor } from '../../engine/core/types.js';
import { ControlledClock } from '../../engine/runtime/clock.js';
import { TimerPoller } from '../../engine/runtime/timer-poller.js';
import { createCaseService, type CaseServiceWiring } from '../../server/cases/create-case-service.js';
import { deployItem } from '../../server/cases/deploy-item.js';
import { readItemFolder } from '../../server/cases/item-folder.js';
import type { MaterialInput } from '../../server/cases/service-types.js';
import { KnexItemRepository } from '../../server/cases/knex-item-repository.js';
import { dropSchema, testSchemaName } from '../store/pg-schema.js';
import { KnexCaseStore } from '../../server/store/knex-case-store.js';
import { openStore, type OpenedStore } from '../../server/store/open-store.js';
import { itemFolder } from '../items/support.js';

export const calendar = new ChineseWorkingCalendar();

/** Beijing wall-clock time as an instant. */
export function bj(date: string, time = '10:00'): string {
  return `${date}T${time}:00+08:00`;
}

/** The n-th working day after `date`. */
export function wd(date: string, n: number): string {
  return calendar.addWorkingDays(date, n);
}

/** An uploaded PDF material. */
export function pdf(material: string, text = material): MaterialInput {
  return { material, file: { name: `${material}.pdf`, contentType: 'application/pdf', bytes: new TextEncoder().encode(`%PDF-1.7 ${text}`) } };
}

/** A certificate another department issued, referenced not uploaded. */
export function shared(material: string, type: string, number: string, issuer: string): MaterialInput {
  return { material, shared: { type, number, issuer } };
}

/** An accepted task completion. */
type Completed = Extract<Awaited<ReturnType<CaseServiceWiring['service']['completeTask']>>, { ok: true }>;

export interface World extends CaseServiceWiring {
  store: OpenedStore;
  clock: ControlledClock;
  poller: TimerPoller;
  /** Moves the clock to Beijing `date` `time`. */
  at(date: string, time?: string): void;
  /** The id of the open task at `elementId`; throws naming the open ones when there is none. */
  taskOf(caseNo: string, elementId: string): Promise<string>;
  /** Completes the open task at `elementId` as `actor`; throws with the rejection's message when refused. */
  complete(caseNo: string, elementId: string, actor: Actor, outcome?: string, opinion?: string): Promise<Completed>;
  /** The stored state and the state its stored log replays to. */
  stored(caseNo: string): Promise<{ state: ApprovalCaseState; replayed: ApprovalCaseState }>;
  dispose(): Promise<void>;
}

/** Opens a world on `start` with the given shipped items deployed (version 1 each). */
export async function world(codes: string[], start: string, options: { knexCases?: boolean; postgresUrl?: string } = {}): Promise<World> {
  const dir = mkdtempSync(path.join(tmpdir(), 'shenpi-cases-'));
  // `postgresUrl`: the store on PostgreSQL, in a schema of its own dropped on dispose.
  const schema = options.postgresUrl ? testSchemaName('world') : undefined;
  const store = options.postgresUrl
    ? await openStore({ kind: 'postgres', url: options.postgresUrl, schema: schema! })
    : await openStore({ kind: 'sqlite', file: path.join(dir, 'cases.sqlite') });
  const deployer = new KnexItemRepository(store.knex);
  for (const code of codes) {
    const result = await deployItem(await readItemFolder(itemFolder(code)), { items: deployer, definitions: store.definitions, at: new Date(Date.parse(start)).toISOString() });
    if (!result.ok) throw new Error(`${code}: ${result.findings.map((f) => f.message).join('; ')}`);
  }
  const clock = new ControlledClock(start);
  // `knexCases`: the approval cases on the knex store (PostgreSQL's path) instead of SQLite's fast path, to compare.
  const serviceStore = options.knexCases ? { ...store, cases: new KnexCaseStore(store.knex) } : store;
  const wiring = await createCaseService({ store: serviceStore, clock, calendar, files: { dir: path.join(dir, 'files') } });
  const taskOf = async (caseNo: string, elementId: string): Promise<string> => {
    const open = (await wiring.service.getCase(caseNo))!.openTasks;
    const task = open.find((t) => t.elementId === elementId);
    if (!task) throw new Error(`no open task ${elementId}: ${open.map((t) => t.elementId)}`);
    return task.taskId;
  };
  const poller = new TimerPoller({ timers: store.timers, runner: wiring.runner, clock, owner: 'test-node' });
  return {
    ...wiring, store, clock, poller,
    at: (date, time = '10:00') => clock.pin(bj(date, time)),
    taskOf,
    async complete(caseNo, elementId, actor, outcome, opinion) {
      const taskId = await taskOf(caseNo, elementId);
      const result = await wiring.service.completeTask(caseNo, { taskId, actor, ...(outcome ? { outcome } : {}), ...(opinion ? { opinion } : {}) });
      if (!result.ok) throw new Error(result.refusal.message);
      return result;
    },
    async stored(caseNo) {
      const loaded = await store.cases.loadCase(caseNo);
      const state = loaded!.state as unknown as ApprovalCaseState;
      return { state, replayed: approvalReplay(await store.cases.listEvents(caseNo)) };
    },
    async dispose() {
      if (schema) await dropSchema(store.knex, schema);
      await store.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
