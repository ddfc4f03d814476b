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

/**
 * Rejections that firing again cannot cure: the definition's expression runs past the evaluation budget on
 * this case's data. The timer is quarantined as an incident at once (an operator may retry it after a fix)
 * instead of spending the budget on every round; the other timers go on.
 */
const QUARANTINE = new Set(['EVALUATION_BUDGET_EXCEEDED']);

/** Configuration of a `TimerPoller`. */
export interface TimerPollerOptions {
  timers: TimerStore;
  runner: {
    execute(caseNo: string, command: Command, opts?: ExecuteOptions): Promise<CommandResult>;
    executeAll(caseNo: string, commands: Command[], opts?: ExecuteOptions): Promise<CommandResult[]>;
  };
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
    // One lane per case: timers of the same case fired in parallel would only conflict on its version.
    const byCase = new Map<string, TimerRecord[]>();
    for (const timer of claimed) byCase.set(timer.caseNo, [...(byCase.get(timer.caseNo) ?? []), timer]);
    await forEachConcurrently([...byCase.values()], this.options.concurrency ?? 4, (timers) => this.fireCase(timers, report));
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

  /** Fires a case's due timers in one transaction; if that throws, one by one, so one bad timer holds back none. */
  private async fireCase(timers: TimerRecord[], report: PollReport): Promise<void> {
    if (timers.length > 1) {
      try {
        const results = await this.options.runner.executeAll(timers[0]!.caseNo, timers.map(fireCommand), { retryOnConflict: 3 });
        for (const [i, timer] of timers.entries()) await this.settle(timer, results[i]!, report);
        return;
      } catch {
        // Fall through: the single firings below record each timer's own error.
      }
    }
    for (const timer of timers) {
      try {
        await this.settle(timer, await this.options.runner.execute(timer.caseNo, fireCommand(timer), { retryOnConflict: 3 }), report);
      } catch (error) {
        await this.failed(timer, describeError(error), report);
      }
    }
  }

  private async settle(timer: TimerRecord, result: CommandResult, report: PollReport): Promise<void> {
    if (result.ok) {
      report.fired++;
    } else if (STALE.has(result.refusal.code)) {
      const reason = `${result.refusal.code}: ${result.refusal.message}`;
      await this.options.timers.dropTimer({ caseNo: timer.caseNo, timerId: timer.timerId, reason });
      report.dropped++;
    } else {
      await this.failed(timer, `${result.refusal.code}: ${result.refusal.message}`, report, QUARANTINE.has(result.refusal.code));
    }
  }

  /** Counts a failed attempt; the store turns the timer into an incident after `maxAttempts`, or now. */
  private async failed(timer: TimerRecord, error: string, report: PollReport, quarantine = false): Promise<void> {
    const attempts = timer.attempts + 1;
    const retryAt = new Date(this.options.clock.now().getTime() + (this.options.backoffMs ?? exponentialBackoff)(attempts));
    const after = await this.options.timers.failTimer({
      caseNo: timer.caseNo, timerId: timer.timerId, owner: this.options.owner, error,
      retryAt: retryAt.toISOString(), maxAttempts: quarantine ? attempts : this.options.maxAttempts ?? 5,
    });
    report.failed++;
    if (after?.status === 'incident') report.incidents++;
  }
}

function fireCommand(timer: TimerRecord): Command {
  return { type: 'timer.fire', timerId: timer.timerId, actor: TIMER_ACTOR };
}
