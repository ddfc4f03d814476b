/**
 * A start/stop loop around a `runOnce` function. The interval is a polling cadence, never a business
 * deadline: deadlines are rows compared with the clock on every round.
 */

/** Runs `round` repeatedly: again at once while it reports a full batch, else after `intervalMs`. */
export class PollingLoop {
  private timer: NodeJS.Timeout | undefined;
  private running: Promise<void> | undefined;
  private stopped = true;

  constructor(
    private readonly round: () => Promise<boolean>,
    private readonly intervalMs: number,
    private readonly onError: (error: unknown) => void,
  ) {}

  /** Starts the loop (no-op when started). */
  start(): void {
    if (!this.stopped) return;
    this.stopped = false;
    this.schedule(0);
  }

  /** Runs a round soon, e.g. right after a commit added work. */
  wake(): void {
    if (!this.stopped && !this.running) this.schedule(0);
  }

  /** Stops the loop and waits for the round in flight. */
  async stop(): Promise<void> {
    this.stopped = true;
    clearTimeout(this.timer);
    await this.running;
  }

  private schedule(delayMs: number): void {
    clearTimeout(this.timer);
    this.timer = setTimeout(() => void this.tick(), delayMs);
    // A poller alone must not keep a CLI or a test process alive.
    this.timer.unref();
  }

  private async tick(): Promise<void> {
    if (this.stopped || this.running) return;
    let more = false;
    this.running = this.round().then(
      (full) => { more = full; },
      (error) => this.onError(error),
    );
    await this.running;
    this.running = undefined;
    if (!this.stopped) this.schedule(more ? 0 : this.intervalMs);
  }
}
