/**
 * Wiring of the case service over an opened store: the approval aggregate as the runner's engine with its
 * summary columns and read model (`approval-projection.ts`), the item repository, the rule evaluator for
 * business rule tasks, and local file storage.
 */
import type { OrgSnapshot } from '../../engine/core/organisation.js';
import type { WorkingCalendar } from '../../engine/calendar/types.js';
import { approvalEngine, summarize, type ApprovalCaseState, type ApprovalCommand } from '../../engine/approval/index.js';
import { CaseRunner } from '../../engine/runtime/case-runner.js';
import type { Sealer } from '../../engine/core/types.js';
import type { CaseWrite, Clock } from '../../engine/runtime/ports.js';
import { CachedDefinitionRepository } from '../../engine/runtime/definition-cache.js';
import { KnexCaseStore } from '../store/knex-case-store.js';
import type { OpenedStore } from '../store/open-store.js';
import { SqliteCaseStore } from '../store/sqlite-case-store.js';
import { applicantNoticesProjection, projectApplicantNoticesSync } from '../notify/applicant-notices.js';
import { approvalProjection, projectApprovalCaseSync } from './approval-projection.js';
import { CaseService } from './case-service.js';
import { LocalDiskStorage, type FileStorage } from './file-storage.js';
import { ItemRuleEvaluator } from './item-rules.js';
import { KnexItemRepository } from './knex-item-repository.js';
import { openCaseLister } from './open-cases.js';

/** What `createCaseService` builds. */
export interface CaseServiceWiring {
  service: CaseService;
  runner: CaseRunner<ApprovalCaseState, ApprovalCommand>;
  items: KnexItemRepository;
  rules: ItemRuleEvaluator;
  files: FileStorage;
}

/**
 * Builds the case service on `store`. Business rule tasks evaluate the tables of the item version their case
 * runs, loaded from the item repository.
 */
export async function createCaseService(args: {
  store: OpenedStore;
  clock: Clock;
  calendar: WorkingCalendar;
  files: FileStorage | { dir: string };
  afterCommit?: (write: CaseWrite) => void;
  /** Seals certificates with the issuing department's key; without it they are recorded unsealed. */
  sealer?: Sealer;
  organisation?: () => Promise<OrgSnapshot | undefined>;
}): Promise<CaseServiceWiring> {
  const items = new KnexItemRepository(args.store.knex);
  const rules = new ItemRuleEvaluator(items);
  // The same tables as the store's own case store, plus the approval read model and the applicant's notifications in every commit. On SQLite
  // that is the store's own prepared statements and group commit, the read model in each command's savepoint.
  const cases = args.store.cases instanceof SqliteCaseStore
    ? args.store.cases.withProjections([projectApprovalCaseSync, projectApplicantNoticesSync])
    : new KnexCaseStore(args.store.knex, [approvalProjection, applicantNoticesProjection]);
  const runner = new CaseRunner<ApprovalCaseState, ApprovalCommand>({
    engine: approvalEngine,
    summarize,
    store: cases,
    // A deployed version never changes: compile-once, not a query and a JSON parse per command.
    definitions: new CachedDefinitionRepository(args.store.definitions),
    clock: args.clock,
    calendar: args.calendar,
    rules,
    ...(args.afterCommit ? { afterCommit: args.afterCommit } : {}),
    ...(args.sealer ? { sealer: args.sealer } : {}),
    ...(args.organisation ? { organisation: args.organisation } : {}),
  });
  const files = 'dir' in args.files ? new LocalDiskStorage(args.files.dir) : args.files;
  const service = new CaseService({
    runner, store: cases, items, files, clock: args.clock, calendar: args.calendar, openCases: openCaseLister(args.store.knex),
  });
  return { service, runner, items, rules, files };
}
