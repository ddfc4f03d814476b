/**
 * The runtime plugin: the case runner over the store, the timer poller and the outbox dispatcher. The
 * poller and dispatcher start when the server is ready and stop (waiting for the round in flight) when it
 * closes, before the store plugin closes the database under them.
 */
import { hostname } from 'node:os';
import { randomBytes } from 'node:crypto';
import type { WorkingCalendar } from '../../engine/calendar/types.js';
import type { CaseState } from '../../engine/core/state.js';
import { configureEvaluation } from '../../engine/expression/index.js';
import { CaseRunner } from '../../engine/runtime/case-runner.js';
import { ControlledClock, SystemClock } from '../../engine/runtime/clock.js';
import { coreEngine, summarizeCase } from '../../engine/runtime/core-engine.js';
import { CachedDefinitionRepository } from '../../engine/runtime/definition-cache.js';
import { OutboxDispatcher } from '../../engine/runtime/outbox-dispatcher.js';
import type { Notifier, RuleEvaluator } from '../../engine/runtime/ports.js';
import { TimerPoller } from '../../engine/runtime/timer-poller.js';
import { MeteredRunner } from '../metrics/shenpi-metrics.js';
import { LoggingNotifier, WebhookNotifier } from '../notify/webhook-notifier.js';
import { RoutingRunner, type CaseEngineFactory } from '../runtime/routing-runner.js';
import { TaskService } from '../runtime/task-service.js';
import { localityCalendarOf } from '../settings/calendar-in-force.js';
import { sharedPlugin } from './plugin.js';
import './types.js';

/** Options of the runtime plugin. */
export interface RuntimePluginOptions extends Record<string, unknown> {
  /** Answers business rule tasks; without it they are refused (INVALID_COMMAND). */
  rules?: RuleEvaluator;
  /** The working-day calendar; the official Chinese calendar by default. */
  calendar?: WorkingCalendar;
  /** Replaces the log/webhook notifier (tests). */
  notifier?: Notifier;
  /** Start the poller and dispatcher on ready (default true). */
  background?: boolean;
  /** Runners of other engines (the approval aggregate) for the cases they own; the core runs the rest. */
  caseEngines?: CaseEngineFactory;
}

/**
 * The timer poller on SQLite. The SQLite store writes the commits that reach it in one turn of the event
 * loop as one transaction (one fsync, see `server/store/group-commit.ts`), so firings in flight at once are
 * what makes a storm of due timers cheap: 32 cases in flight share a transaction, and a batch of 500 keeps
 * the lanes full between claims. (The default 4 in flight suits PostgreSQL's pool of connections.)
 */
export const SQLITE_POLLER = { concurrency: 32, batchSize: 500 } as const;

/** Decorates `app.runtime`. */
export const runtimePlugin = sharedPlugin<RuntimePluginOptions>('shenpi-runtime', async (app, options) => {
  const { config, store, metrics, log } = app;
  // Every expression and rule cell runs within the configured budget; wall time on the monotonic clock.
  configureEvaluation({ limits: config.evaluation, clock: () => performance.now() });
  const controlledClock = config.clock.kind === 'controlled' ? new ControlledClock(config.clock.start ?? new Date()) : undefined;
  const clock = controlledClock ?? new SystemClock();
  // The official calendar with the locality's settings in force (closures, business hours, counting rules).
  // The holiday arrangements the reform office loaded (GET/POST /api/calendar) lay over the package's.
  const calendar = await localityCalendarOf(store.knex, options.calendar);
  const definitions = new CachedDefinitionRepository(store.definitions);
  const notifier = options.notifier ?? (config.webhook ? new WebhookNotifier({ ...config.webhook, log }) : new LoggingNotifier(log));
  const dispatcher = new OutboxDispatcher({ outbox: store.outbox, clock, notifier, onError: (err) => log.error({ err }, 'outbox round failed') });
  // Candidate rules resolve over the organisation as this node last read it (see OrgDirectory.snapshot).
  const organisation = () => app.identity.org.snapshot();
  const core = new CaseRunner<CaseState>({
    engine: coreEngine,
    summarize: summarizeCase,
    store: store.cases,
    definitions,
    clock,
    calendar,
    ...(options.rules ? { rules: options.rules } : {}),
    // Deliver effects right after the commit that queued them instead of at the next polling round.
    afterCommit: () => dispatcher.wake(),
    organisation,
  });
  const afterCommit = () => dispatcher.wake();
  const routes = options.caseEngines ? await options.caseEngines({ store, clock, calendar, afterCommit, organisation }) : [];
  // One runner for the poller and the task routes: each case goes to the engine that owns it.
  const runner = new MeteredRunner(routes.length ? new RoutingRunner(core, routes) : core, metrics);
  const owner = `${hostname()}:${process.pid}:${randomBytes(4).toString('hex')}`;
  const poller = new TimerPoller({
    timers: store.timers, runner, clock, owner, onError: (err) => log.error({ err }, 'timer round failed'),
    ...(config.store.kind === 'sqlite' ? SQLITE_POLLER : {}),
  });

  const tasks = new TaskService((caseNo, command, opts) => runner.execute(caseNo, command, opts));
  app.decorate('runtime', { runner, tasks, poller, dispatcher, clock, calendar, locality: calendar, definitions, ...(controlledClock ? { controlledClock } : {}) });
  if (options.background !== false) {
    app.addHook('onReady', async () => {
      poller.start();
      dispatcher.start();
    });
  }
  app.addHook('onClose', async () => {
    await Promise.all([poller.stop(), dispatcher.stop()]);
  });
});
