/**
 * What the infrastructure plugins put on the fastify instance and request. Decorators hold collaborators
 * (a store, a runner, a directory), never domain rules: those stay in plain modules that routes call.
 */
import type { OutboxDispatcher, TimerPoller } from '../../engine/runtime/index.js';
import type { ControlledClock } from '../../engine/runtime/clock.js';
import type { CommandResult, DefinitionRepository, Clock } from '../../engine/runtime/ports.js';
import type { WorkingCalendar } from '../../engine/calendar/types.js';
import type { AuditLog } from '../audit/audit-log.js';
import type { LocalityCalendar } from '../settings/locality-calendar.js';
import type { ServerConfig } from '../config.js';
import type { AuthUser } from '../identity/roles.js';
import type { LoginThrottle } from '../identity/login-throttle.js';
import type { RateCounters } from '../store/rate-counters.js';
import type { SeededAccount } from '../identity/seed.js';
import type { SessionStore, TokenProblem } from '../identity/sessions.js';
import type { UserDirectory } from '../identity/users.js';
import type { OrgDirectory } from '../organisation/directory.js';
import type { Runner, ShenpiMetrics } from '../metrics/shenpi-metrics.js';
import type { OpenedStore } from '../store/open-store.js';
import type { TaskService } from '../runtime/task-service.js';
import type { CaseService } from '../cases/case-service.js';
import type { FileStorage } from '../cases/file-storage.js';
import type { KnexItemRepository } from '../cases/knex-item-repository.js';
import type { SweepReport } from '../cases/supervision-sweep.js';
import type { SealKeyStore } from '../seal/key-store.js';

/** The async runtime of one server process. */
export interface RuntimeServices {
  runner: Runner;
  /** Claim, complete and the operations on a task, on `runner`; claim and complete check the step's authority on the case each command loads. */
  tasks: TaskService<CommandResult>;
  poller: TimerPoller;
  dispatcher: OutboxDispatcher;
  clock: Clock;
  /** Set when SHENPI_CLOCK=controlled: the clock that `POST /api/clock` moves. */
  controlledClock?: ControlledClock;
  calendar: WorkingCalendar;
  /** The same calendar, as the holder of the locality settings in force (`apply` puts a new version in force). */
  locality: LocalityCalendar;
  definitions: DefinitionRepository;
}

/** Accounts and sessions. */
export interface IdentityServices {
  users: UserDirectory;
  sessions: SessionStore;
  /** Login attempts per account, from any address (counted in the database, for the whole cluster). */
  throttle: LoginThrottle;
  /** The database counters behind the throttle and the per-address rate limits. */
  counters: RateCounters;
  /** Accounts created by this start (first start only), with their passwords, for `main` to print once. */
  seeded: SeededAccount[];
  /** Regions, departments, positions and their holders. */
  org: OrgDirectory;
}

/** Approval cases: the case service, deployed items, material files and the supervision sweep. */
export interface CaseServices {
  service: CaseService;
  items: KnexItemRepository;
  files: FileStorage;
  /** The departments' e-seal keys: they seal certificates; their public halves are published. */
  seals: SealKeyStore;
  /** Runs one supervision sweep now (after the one in progress, if any); `by`, the user who asked, is audited per case changed. */
  sweep(by?: string): Promise<SweepReport>;
}

declare module 'fastify' {
  interface FastifyInstance {
    config: ServerConfig;
    store: OpenedStore;
    identity: IdentityServices;
    audit: AuditLog;
    metrics: ShenpiMetrics;
    runtime: RuntimeServices;
    cases: CaseServices;
  }
  interface FastifyRequest {
    /** The authenticated user, or null. */
    user: AuthUser | null;
    /** Why a presented bearer token did not authenticate, or null. */
    authProblem: TokenProblem | 'malformed' | null;
  }
}
