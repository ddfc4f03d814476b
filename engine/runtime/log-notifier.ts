/** The default `Notifier`: writes one JSON line per message, for deployments without SMS or mail yet. */
import type { Notifier, OutboxMessage } from './ports.js';

/** Logs each message; idempotent by nature (a repeated line carries the same outbox id). */
export class LogNotifier implements Notifier {
  constructor(private readonly log: (line: string) => void = (line) => console.info(line)) {}

  async notify(message: OutboxMessage): Promise<void> {
    this.log(JSON.stringify({ outboxId: message.id, caseNo: message.caseNo, type: message.type, payload: message.payload }));
  }
}
