/**
 * The timer poller: timers are rows, not `setTimeout`s (Node's timers stop at 24.8 days; an approval clock
 * runs for months). Every round leases the due rows and fires each as a `timer.fire` command through the
 * case runner, whose commit marks the row fired, so a timer fires once even when leases overlap.
 */
import type { Actor, Command } from '../core/types.js';
import { describeError, exponentialBackoff, forEachConcurrently } from './backoff.js';
import type { ExecuteOptions } from './case-runner.js';
import { PollingLoop } from './polling-loop.js';
import type { Clock, CommandResult, TimerRecord, TimerStore } from './ports.js';

/** The actor recorded on events caused by a timer. */
export const TIMER_ACTOR: Actor = { id: 'system:timer', name: 'timer poller' };

/** Rejections meaning the case no longer waits for the timer: it is dropped, not retried. */
const STALE = new Set(['TIMER_NOT_FOUND', 'CASE_NOT_ACTIVE', 'CASE_NOT_STARTED']);

/** Configuration of a `TimerPoller`. */
export interface TimerPollerOptions {
  timers: TimerStore;
  runner: { execute(caseNo: string, command: Command, opts?: ExecuteOptions): Promise<CommandResult> };
  clock: Clock;
  /** Identifies this node in `lock_owner`; unique per process. */
  owner: string;
  batchSize?: number;
  /** How long a claim is held; a node that dies is taken over after this. */
  leaseMs?: number;
  /** After this many failed firings the timer becomes an incident. */
  maxAttempts?: number;
  /** Polling cadence; a due timer fires within about this long. */
  intervalMs?: number;
  /** Firings in flight at once (useful on PostgreSQL; SQLite serialises writes anyway). */
  concurrency?: number;
  backoffMs?: (attempts: number) => number;
  onError?: (error: unknown) => void;
}

/** What one round did. */
export interface PollReport {
  claimed: number;
  fired: number;
  dropped: number;
  failed: number;
  incidents: number;
}

/** Fires due timers, at any horizon, exactly once across nodes. */
export class TimerPoller {
  private readonly loop: PollingLoop;

  constructor(private readonly options: TimerPollerOptions) {
    this.loop = new PollingLoop(
      async () => (await this.runOnce()).claimed === this.batchSize,
      options.intervalMs ?? 250,
      options.onError ?? (() => {}),
    );
  }

  private get batchSize(): number {
    return this.options.batchSize ?? 100;
  }

  /** Starts polling in the background. */
  start(): void {
    this.loop.start();
  }

  /** Stops polling and waits for the round in flight. */
  stop(): Promise<void> {
    return this.loop.stop();
  }

  /** Claims one batch of due timers and fires them. */
  async runOnce(): Promise<PollReport> {
    const { timers, clock, owner } = this.options;
    const now = clock.now();
    const claimed = await timers.claimDueTimers({
      now: now.toISOString(),
      owner,
      lockUntil: new Date(now.getTime() + (this.options.leaseMs ?? 30_000)).toISOString(),
      limit: this.batchSize,
    });
    const report: PollReport = { claimed: claimed.length, fired: 0, dropped: 0, failed: 0, incidents: 0 };
    await forEachConcurrently(claimed, this.options.concurrency ?? 4, (timer) => this.fire(timer, report));
    return report;
  }

  /** Runs rounds until no timer is due. */
  async drain(): Promise<PollReport> {
    const total: PollReport = { claimed: 0, fired: 0, dropped: 0, failed: 0, incidents: 0 };
    for (;;) {
      const report = await this.runOnce();
      for (const k of Object.keys(total) as (keyof PollReport)[]) total[k] += report[k];
      if (report.claimed === 0) return total;
    }
  }

  /** Timers that failed `maxAttempts` times, with their last error. */
  listIncidents(): Promise<TimerRecord[]> {
    return this.options.timers.listTimers({ status: 'incident' });
  }

  /** Schedules an incident again; it fires on the next round if due. */
  retryIncident(caseNo: string, timerId: string): Promise<boolean> {
    return this.options.timers.retryIncident(caseNo, timerId);
  }

  private async fire(timer: TimerRecord, report: PollReport): Promise<void> {
    const { runner, timers, owner } = this.options;
    let failure: string;
    try {
      const result = await runner.execute(timer.caseNo, { type: 'timer.fire', timerId: timer.timerId, actor: TIMER_ACTOR }, { retryOnConflict: 3 });
      if (result.ok) {
        report.fired++;
        return;
      }
      if (STALE.has(result.rejection.code)) {
        await timers.dropTimer({ caseNo: timer.caseNo, timerId: timer.timerId, reason: `${result.rejection.code}: ${result.rejection.message}` });
        report.dropped++;
        return;
      }
      failure = `${result.rejection.code}: ${result.rejection.message}`;
    } catch (error) {
      failure = describeError(error);
    }
    const attempts = timer.attempts + 1;
    const retryAt = new Date(this.options.clock.now().getTime() + (this.options.backoffMs ?? exponentialBackoff)(attempts));
    const after = await timers.failTimer({
      caseNo: timer.caseNo, timerId: timer.timerId, owner, error: failure,
      retryAt: retryAt.toISOString(), maxAttempts: this.options.maxAttempts ?? 5,
    });
    report.failed++;
    if (after?.status === 'incident') report.incidents++;
  }
}
