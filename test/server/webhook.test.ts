/**
 * The webhook notifier against a real receiver on 127.0.0.1: signed requests, retries with backoff, and a
 * failure handed back to the outbox when every attempt fails.
 */
import Fastify, { type FastifyInstance } from 'fastify';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { OutboxMessage } from '../../engine/runtime/ports.js';
import { DELIVERY_HEADER, SIGNATURE_HEADER, TIMESTAMP_HEADER, signWebhook, verifyWebhook } from '../../server/notify/signature.js';
import { WebhookNotifier } from '../../server/notify/webhook-notifier.js';

const SECRET = 'webhook-secret-of-at-least-32-bytes';
const message: OutboxMessage = { id: 7, caseNo: 'SP-1', type: 'action.run', payload: { action: 'notify-applicant' }, attempts: 0, createdAt: '2026-03-02T01:00:00.000Z' };

let receiver: FastifyInstance;
let url: string;
let received: Array<{ headers: Record<string, unknown>; body: string }>;
let failFirst: number;

beforeEach(async () => {
  received = [];
  failFirst = 0;
  receiver = Fastify();
  // The raw text is what was signed; parse nothing before checking.
  receiver.addContentTypeParser('application/json', { parseAs: 'string' }, (_r, body, done) => done(null, body));
  receiver.post('/hook', async (request, reply) => {
    received.push({ headers: request.headers, body: request.body as string });
    if (received.length <= failFirst) return reply.status(503).send();
    const ok = verifyWebhook({ secret: SECRET, timestamp: request.headers[TIMESTAMP_HEADER] as string, signature: request.headers[SIGNATURE_HEADER] as string, body: request.body as string, nowSec: Math.floor(Date.now() / 1000) });
    return reply.status(ok ? 204 : 401).send();
  });
  url = `${await receiver.listen({ host: '127.0.0.1', port: 0 })}/hook`;
});
afterEach(() => receiver.close());

const lines: string[] = [];
const log = { info: (_o: object, m: string) => lines.push(m), warn: (_o: object, m: string) => lines.push(m) };
const notifier = (overrides: Partial<ConstructorParameters<typeof WebhookNotifier>[0]> = {}) =>
  new WebhookNotifier({ url, secret: SECRET, attempts: 3, timeoutMs: 2_000, log, retryDelayMs: () => 5, ...overrides });

describe('webhook notifier', () => {
  it('posts the message signed with HMAC-SHA256 over timestamp and body', async () => {
    await notifier().notify(message);
    expect(received).toHaveLength(1);
    const [req] = received;
    expect(JSON.parse(req!.body)).toEqual({ id: 7, caseNo: 'SP-1', type: 'action.run', payload: { action: 'notify-applicant' }, createdAt: '2026-03-02T01:00:00.000Z' });
    expect(req!.headers[DELIVERY_HEADER]).toBe('7');
    const ts = Number(req!.headers[TIMESTAMP_HEADER]);
    expect(req!.headers[SIGNATURE_HEADER]).toBe(signWebhook(SECRET, ts, req!.body));
  });

  it('retries after a failed delivery and succeeds', async () => {
    failFirst = 2;
    await notifier().notify(message);
    expect(received).toHaveLength(3);
    // The same delivery id every time: the receiver de-duplicates by it.
    expect(new Set(received.map((r) => r.headers[DELIVERY_HEADER]))).toEqual(new Set(['7']));
  });

  it('throws after the last attempt so the outbox schedules the message again', async () => {
    failFirst = 10;
    await expect(notifier().notify(message)).rejects.toThrow(/3 attempt\(s\) failed: HTTP 503/);
    expect(received).toHaveLength(3);
  });

  it('is refused by a receiver holding another secret', async () => {
    await expect(notifier({ secret: 'wrong-secret-but-of-a-valid-length-32', attempts: 1 }).notify(message)).rejects.toThrow(/HTTP 401/);
  });

  it('gives up on an unreachable URL with the network error', async () => {
    await receiver.close();
    await expect(notifier({ attempts: 2 }).notify(message)).rejects.toThrow(/2 attempt\(s\) failed/);
  });

  it('rejects a stale or tampered request on the receiving side', () => {
    const body = '{"id":1}';
    const sig = signWebhook(SECRET, 1000, body);
    expect(verifyWebhook({ secret: SECRET, timestamp: '1000', signature: sig, body, nowSec: 1010 })).toBe(true);
    expect(verifyWebhook({ secret: SECRET, timestamp: '1000', signature: sig, body, nowSec: 2000 })).toBe(false);
    expect(verifyWebhook({ secret: SECRET, timestamp: '1000', signature: sig, body: '{"id":2}', nowSec: 1010 })).toBe(false);
  });
});
