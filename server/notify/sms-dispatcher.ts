/**
 * Sends the applicant's notifications by SMS (手机短信): a polling loop over `applicant_notifications` rows
 * whose SMS is pending and due. Each row is claimed by bumping its attempt count (a second node that read
 * the same row finds the count moved and leaves it), sent through the gateway port in Chinese, then marked
 * sent, or scheduled again with a doubling pause, or marked failed after `maxAttempts` rounds. The outbox
 * keeps engine effects; this keeps the applicant's messages, whose text depends on the read model.
 */
import type { Knex } from 'knex';
import { notificationText, type NotificationKind, type NotificationParams } from '../../contracts/messages/notifications.js';
import type { Clock } from '../../engine/runtime/ports.js';
import { json } from '../store/rows.js';
import type { SmsGateway } from './sms-gateway.js';
import type { NotifyLog } from './webhook-notifier.js';

/** Options of `SmsDispatcher`. */
export interface SmsDispatcherOptions {
  knex: Knex;
  gateway: SmsGateway;
  clock: Clock;
  log: NotifyLog;
  /** Rows per round. */
  batch?: number;
  /** Rounds (each with the gateway's own retries) before a message is marked failed. */
  maxAttempts?: number;
  /** Pause after failed round n before the next; 1 min, 2 min, 4 min … by default. */
  backoffMs?: (round: number) => number;
  /** The signature the provider shows in front of the text (【…】), if it does not add its own. */
  sign?: string;
}

/** What one round did. */
export interface SmsRoundReport {
  sent: number;
  retrying: number;
  failed: number;
}

/** The SMS text of a notification: the signature, the title and the text, in Chinese. */
export function smsText(kind: NotificationKind, params: NotificationParams, sign?: string): string {
  const { title, text } = notificationText(kind, params, 'zh-CN');
  return `${sign ? `【${sign}】` : ''}${title}：${text}`;
}

/** Polls pending SMS and hands them to the gateway. */
export class SmsDispatcher {
  private timer: NodeJS.Timeout | undefined;
  private running: Promise<unknown> = Promise.resolve();
  private stopped = false;

  constructor(private readonly options: SmsDispatcherOptions) {}

  /** Sends what is due now; one round at a time per process. */
  round(): Promise<SmsRoundReport> {
    const next = this.running.catch(() => undefined).then(() => this.once());
    this.running = next;
    return next;
  }

  /** Runs a round every `intervalMs` until `stop`. */
  start(intervalMs: number): void {
    this.stopped = false;
    const loop = () => {
      this.timer = setTimeout(() => {
        this.round()
          .catch((err: unknown) => this.options.log.warn({ error: err instanceof Error ? err.message : String(err) }, 'sms round failed'))
          .finally(() => (this.stopped ? undefined : loop()));
      }, intervalMs);
      this.timer.unref();
    };
    loop();
  }

  /** Stops the loop and waits for the round in flight. */
  async stop(): Promise<void> {
    this.stopped = true;
    clearTimeout(this.timer);
    await this.running.catch(() => undefined);
  }

  private async once(): Promise<SmsRoundReport> {
    const { knex, gateway, clock, log } = this.options;
    const maxAttempts = this.options.maxAttempts ?? 5;
    const backoff = this.options.backoffMs ?? ((n) => 60_000 * 2 ** (n - 1));
    const now = clock.now();
    const report: SmsRoundReport = { sent: 0, retrying: 0, failed: 0 };
    const rows = await knex('applicant_notifications')
      .where('sms_state', 'pending').where('sms_next_at', '<=', now.toISOString())
      .orderBy('id').limit(this.options.batch ?? 20)
      .select('id', 'kind', 'params', 'sms_to', 'sms_attempts');
    for (const row of rows as Array<{ id: number | string; kind: NotificationKind; params: unknown; sms_to: string; sms_attempts: number }>) {
      const attempts = Number(row.sms_attempts) + 1;
      // The claim: whoever moves the count first sends; a lease keeps the row from the next round meanwhile.
      const claimed = await knex('applicant_notifications')
        .where({ id: row.id, sms_state: 'pending', sms_attempts: row.sms_attempts })
        .update({ sms_attempts: attempts, sms_next_at: new Date(now.getTime() + 10 * 60_000).toISOString() });
      if (claimed !== 1) continue;
      const ref = `notification-${row.id}`;
      try {
        await gateway.send({ to: row.sms_to, text: smsText(row.kind, json(row.params) as unknown as NotificationParams, this.options.sign), ref });
        await knex('applicant_notifications').where({ id: row.id }).update({ sms_state: 'sent', sms_sent_at: clock.now().toISOString(), sms_error: null });
        report.sent++;
      } catch (error) {
        const reason = (error instanceof Error ? error.message : String(error)).slice(0, 300);
        const failed = attempts >= maxAttempts;
        await knex('applicant_notifications').where({ id: row.id }).update({
          sms_state: failed ? 'failed' : 'pending', sms_error: reason,
          sms_next_at: new Date(clock.now().getTime() + backoff(attempts)).toISOString(),
        });
        if (failed) report.failed++;
        else report.retrying++;
        log.warn({ ref, attempts, failed }, 'sms not delivered');
      }
    }
    return report;
  }
}
