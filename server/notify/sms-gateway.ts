/**
 * The SMS channel's provider port and its HTTP adapter. A gateway takes one message (a mobile number and a
 * text) and either accepts it or throws. `HttpSmsGateway` posts JSON to the provider's URL with the API key
 * as a bearer token, retrying a failed post a few times with a doubling pause; the key never reaches the log
 * or an error message, and the URL is logged as its origin only (a provider may carry credentials in it).
 */
import type { NotifyLog } from './webhook-notifier.js';

/** One SMS: where it goes, what it says, and a reference the provider may use to de-duplicate. */
export interface SmsMessage {
  to: string;
  text: string;
  ref: string;
}

/** The provider port of the SMS channel. */
export interface SmsGateway {
  /** Resolves when the provider accepted the message; throws with a reason (never a secret) otherwise. */
  send(message: SmsMessage): Promise<void>;
}

/** Options of `HttpSmsGateway`. */
export interface HttpSmsGatewayOptions {
  url: string;
  /** The provider's API key, sent as `Authorization: Bearer <key>`. */
  key: string;
  /** Posts per `send` before giving up (the dispatcher tries again later). */
  attempts: number;
  timeoutMs: number;
  log: NotifyLog;
  /** Pause before retry n (1-based); 200 ms, 400 ms … by default. */
  retryDelayMs?: (retry: number) => number;
}

/** A mobile number as the log may show it: the first three and the last four digits. */
export function maskedNumber(to: string): string {
  return to.length > 7 ? `${to.slice(0, 3)}****${to.slice(-4)}` : '****';
}

/** The URL without its path, query or user info, for the log. */
function originOf(url: string): string {
  try {
    return new URL(url).origin;
  } catch {
    return '(invalid url)';
  }
}

/** Posts each SMS to an HTTP gateway as `{ to, text, ref }`. */
export class HttpSmsGateway implements SmsGateway {
  constructor(private readonly options: HttpSmsGatewayOptions) {}

  async send(message: SmsMessage): Promise<void> {
    const { attempts, log } = this.options;
    let lastError = '';
    for (let attempt = 1; attempt <= attempts; attempt++) {
      if (attempt > 1) await sleep((this.options.retryDelayMs ?? ((n) => 200 * 2 ** (n - 1)))(attempt - 1));
      try {
        const status = await this.post(message);
        if (status >= 200 && status < 300) {
          log.info({ ref: message.ref, to: maskedNumber(message.to), attempt }, 'sms accepted by the gateway');
          return;
        }
        lastError = `HTTP ${status}`;
      } catch (error) {
        lastError = this.scrub(error instanceof Error ? error.message : String(error));
      }
      log.warn({ ref: message.ref, to: maskedNumber(message.to), gateway: originOf(this.options.url), attempt, error: lastError }, 'sms delivery failed');
    }
    throw new Error(`Expected the SMS gateway at ${originOf(this.options.url)} to accept message ${message.ref}, but ${attempts} attempt(s) failed: ${lastError}`);
  }

  private async post(message: SmsMessage): Promise<number> {
    const response = await fetch(this.options.url, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${this.options.key}` },
      body: JSON.stringify({ to: message.to, text: message.text, ref: message.ref }),
      signal: AbortSignal.timeout(this.options.timeoutMs),
    });
    // Drain the body so the connection is released to the pool.
    await response.arrayBuffer().catch(() => undefined);
    return response.status;
  }

  /** An error text with the key and the full URL taken out. */
  private scrub(text: string): string {
    return text.split(this.options.key).join('***').split(this.options.url).join(originOf(this.options.url)).slice(0, 200);
  }
}

function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}
