/**
 * Delivers outbox effects: each message is logged, and posted to the configured webhook URL signed with
 * HMAC-SHA256. A failed post is retried a few times with a doubling pause; if all fail, `notify` throws and
 * the outbox dispatcher schedules the message again later with its own backoff, so nothing is lost.
 */
import type { Notifier, OutboxMessage } from '../../engine/runtime/ports.js';
import { MIN_WEBHOOK_SECRET_BYTES } from '../config.js';
import { DELIVERY_HEADER, SIGNATURE_HEADER, signWebhook, TIMESTAMP_HEADER } from './signature.js';

/** Where a notifier writes its structured log lines (a pino logger fits). */
export interface NotifyLog {
  info(obj: object, msg: string): void;
  warn(obj: object, msg: string): void;
}

/** Options of a `WebhookNotifier`. */
export interface WebhookNotifierOptions {
  url: string;
  secret: string;
  /** Posts per `notify` call before giving up to the outbox's schedule. */
  attempts: number;
  timeoutMs: number;
  log: NotifyLog;
  /** Pause before retry n (1-based); 200 ms, 400 ms … by default. */
  retryDelayMs?: (retry: number) => number;
  /** Wall-clock seconds for the signature timestamp. */
  nowSec?: () => number;
}

/** The JSON body posted for one outbox message. */
export function webhookBody(message: OutboxMessage): string {
  return JSON.stringify({ id: message.id, caseNo: message.caseNo, type: message.type, payload: message.payload, createdAt: message.createdAt });
}

/** Logs every message and posts it, signed, to a URL. */
export class WebhookNotifier implements Notifier {
  /** Throws when the secret is shorter than {@link MIN_WEBHOOK_SECRET_BYTES}: a short HMAC key can be guessed. */
  constructor(private readonly options: WebhookNotifierOptions) {
    const bytes = Buffer.byteLength(options.secret, 'utf8');
    if (bytes < MIN_WEBHOOK_SECRET_BYTES) throw new Error(`Expected a webhook secret of at least ${MIN_WEBHOOK_SECRET_BYTES} bytes, but it is ${bytes}`);
  }

  async notify(message: OutboxMessage): Promise<void> {
    const { log, attempts } = this.options;
    log.info({ outboxId: message.id, caseNo: message.caseNo, type: message.type }, 'outbox message');
    const body = webhookBody(message);
    let lastError = '';
    for (let attempt = 1; attempt <= attempts; attempt++) {
      if (attempt > 1) await sleep((this.options.retryDelayMs ?? ((n) => 200 * 2 ** (n - 1)))(attempt - 1));
      try {
        const status = await this.post(message, body);
        if (status >= 200 && status < 300) return;
        lastError = `HTTP ${status}`;
      } catch (error) {
        lastError = error instanceof Error ? error.message : String(error);
      }
      log.warn({ outboxId: message.id, attempt, error: lastError }, 'webhook delivery failed');
    }
    throw new Error(`Expected webhook ${this.options.url} to accept outbox message ${message.id}, but ${attempts} attempt(s) failed: ${lastError}`);
  }

  private async post(message: OutboxMessage, body: string): Promise<number> {
    const timestamp = (this.options.nowSec ?? (() => Math.floor(Date.now() / 1000)))();
    const response = await fetch(this.options.url, {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        [TIMESTAMP_HEADER]: String(timestamp),
        [SIGNATURE_HEADER]: signWebhook(this.options.secret, timestamp, body),
        [DELIVERY_HEADER]: String(message.id),
      },
      body,
      signal: AbortSignal.timeout(this.options.timeoutMs),
    });
    // Drain the body so the connection is released to the pool.
    await response.arrayBuffer().catch(() => undefined);
    return response.status;
  }
}

/** Logs every message, for deployments without a webhook. */
export class LoggingNotifier implements Notifier {
  constructor(private readonly log: NotifyLog) {}

  async notify(message: OutboxMessage): Promise<void> {
    this.log.info({ outboxId: message.id, caseNo: message.caseNo, type: message.type, payload: message.payload }, 'outbox message');
  }
}

function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}
