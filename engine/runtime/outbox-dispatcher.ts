/**
 * The outbox dispatcher: delivers effects committed with their case to the ports that perform them, at
 * least once. A crash between delivery and `markDispatched` delivers again, so handlers de-duplicate by
 * the message id.
 */
import { describeError, exponentialBackoff } from './backoff.js';
import { PollingLoop } from './polling-loop.js';
import type { Clock, Notifier, OutboxMessage, OutboxStore } from './ports.js';

/** Delivers one message; throws to have it retried later. */
export type OutboxHandler = (message: OutboxMessage) => Promise<void>;

/** Configuration of an `OutboxDispatcher`. */
export interface OutboxDispatcherOptions {
  outbox: OutboxStore;
  clock: Clock;
  /** Receives every message type without a handler of its own. */
  notifier: Notifier;
  /** Handlers by effect type (`action.run`, `message.send` …). */
  handlers?: Partial<Record<string, OutboxHandler>>;
  batchSize?: number;
  /** How long a claimed message is hidden from other dispatchers. */
  leaseMs?: number;
  intervalMs?: number;
  backoffMs?: (attempts: number) => number;
  onError?: (error: unknown) => void;
}

/** Delivers outbox messages after commit, with backoff on failure. */
export class OutboxDispatcher {
  private readonly loop: PollingLoop;

  constructor(private readonly options: OutboxDispatcherOptions) {
    this.loop = new PollingLoop(
      async () => (await this.runOnce()).claimed === (options.batchSize ?? 50),
      options.intervalMs ?? 500,
      options.onError ?? (() => {}),
    );
  }

  /** Starts delivering in the background. */
  start(): void {
    this.loop.start();
  }

  /** Stops delivering and waits for the batch in flight. */
  stop(): Promise<void> {
    return this.loop.stop();
  }

  /** Delivers soon; pass it as the case runner's `afterCommit`. */
  wake(): void {
    this.loop.wake();
  }

  /** Claims one batch and delivers it in id order. */
  async runOnce(): Promise<{ claimed: number; delivered: number; failed: number }> {
    const { outbox, clock } = this.options;
    const now = clock.now();
    const messages = await outbox.claimOutbox({
      now: now.toISOString(),
      lockUntil: new Date(now.getTime() + (this.options.leaseMs ?? 30_000)).toISOString(),
      limit: this.options.batchSize ?? 50,
    });
    let delivered = 0;
    let failed = 0;
    for (const message of messages) {
      const handler = this.options.handlers?.[message.type] ?? ((m: OutboxMessage) => this.options.notifier.notify(m));
      try {
        await handler(message);
        await outbox.markDispatched(message.id, clock.now().toISOString());
        delivered++;
      } catch (error) {
        const delay = (this.options.backoffMs ?? exponentialBackoff)(message.attempts + 1);
        await outbox.markFailed({ id: message.id, error: describeError(error), nextAttemptAt: new Date(clock.now().getTime() + delay).toISOString() });
        failed++;
      }
    }
    return { claimed: messages.length, delivered, failed };
  }
}
