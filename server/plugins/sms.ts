/**
 * The SMS plugin: with `SHENPI_SMS_URL` set, the applicant's notifications also go out by SMS through the
 * HTTP gateway adapter, a round every `SHENPI_SMS_INTERVAL_MS` once the server is ready (stopped, waiting
 * for the round in flight, when it closes). `app.sms.round()` sends what is due now (tests, operators).
 */
import { HttpSmsGateway, type SmsGateway } from '../notify/sms-gateway.js';
import { SmsDispatcher, type SmsRoundReport } from '../notify/sms-dispatcher.js';
import { sharedPlugin } from './plugin.js';
import './types.js';

/** Options of the SMS plugin. */
export interface SmsPluginOptions extends Record<string, unknown> {
  /** Replaces the HTTP gateway (tests). */
  gateway?: SmsGateway;
  /** Start the polling loop on ready (default true). */
  background?: boolean;
}

/** What the plugin decorates `app.sms` with. */
export interface SmsServices {
  /** Whether an SMS gateway is configured. */
  enabled: boolean;
  /** One round now; nothing is sent when no gateway is configured. */
  round(): Promise<SmsRoundReport>;
}

declare module 'fastify' {
  interface FastifyInstance {
    sms: SmsServices;
  }
}

/** Decorates `app.sms`. */
export const smsPlugin = sharedPlugin<SmsPluginOptions>('shenpi-sms', async (app, options) => {
  const config = app.config.sms;
  const gateway = options.gateway ?? (config ? new HttpSmsGateway({ url: config.url, key: config.key, attempts: config.attempts, timeoutMs: config.timeoutMs, log: app.log }) : undefined);
  if (!gateway) {
    app.decorate('sms', { enabled: false, round: async () => ({ sent: 0, retrying: 0, failed: 0 }) });
    return;
  }
  const dispatcher = new SmsDispatcher({ knex: app.store.knex, gateway, clock: app.runtime.clock, log: app.log, ...(config?.sign ? { sign: config.sign } : {}) });
  app.decorate('sms', { enabled: true, round: () => dispatcher.round() });
  if (options.background !== false) app.addHook('onReady', async () => dispatcher.start(config?.intervalMs ?? 5_000));
  app.addHook('onClose', async () => dispatcher.stop());
});
