/**
 * Webhook request signing. The signature is HMAC-SHA256 over `<timestamp>.<body>` (the timestamp binds the
 * body to a moment, so a captured request cannot be replayed later outside the receiver's tolerance).
 */
import { createHmac, timingSafeEqual } from 'node:crypto';

/** Header with the Unix time in seconds at signing. */
export const TIMESTAMP_HEADER = 'x-shenpi-timestamp';
/** Header with `sha256=<hex>`. */
export const SIGNATURE_HEADER = 'x-shenpi-signature';
/** Header with the outbox message id: receivers de-duplicate by it (delivery is at least once). */
export const DELIVERY_HEADER = 'x-shenpi-delivery';

/** The signature header value for `body` sent at `timestamp`. */
export function signWebhook(secret: string, timestamp: number, body: string): string {
  return `sha256=${createHmac('sha256', secret).update(`${timestamp}.${body}`).digest('hex')}`;
}

/**
 * What a receiver does: true when `signature` is right for `body` and `timestamp` is within `toleranceSec`
 * of `nowSec`. Constant-time comparison.
 */
export function verifyWebhook(args: { secret: string; timestamp: string | undefined; signature: string | undefined; body: string; nowSec: number; toleranceSec?: number }): boolean {
  const ts = Number(args.timestamp);
  if (!Number.isInteger(ts) || args.signature === undefined) return false;
  if (Math.abs(args.nowSec - ts) > (args.toleranceSec ?? 300)) return false;
  const expected = Buffer.from(signWebhook(args.secret, ts, args.body));
  const given = Buffer.from(args.signature);
  return expected.length === given.length && timingSafeEqual(expected, given);
}
