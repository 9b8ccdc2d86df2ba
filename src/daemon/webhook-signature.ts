/**
 * The webhook's authentication, as Slack and Stripe sign theirs: `X-Vigil-Timestamp: <unix
 * seconds>` and `X-Vigil-Signature: sha256=<hex HMAC-SHA256(secret, "<timestamp>.<raw body>")>`,
 * compared in constant time. A timestamp more than 5 minutes away is refused, and so is a
 * signature seen before within that window (a replay).
 */
import { createHmac, timingSafeEqual } from 'node:crypto';

export const SIGNATURE_TOLERANCE_SECONDS = 300;

export type SignatureCheck = { ok: true } | { ok: false; reason: string };

export function signBody(secret: string, timestamp: string, body: string): string {
  return `sha256=${createHmac('sha256', secret).update(`${timestamp}.${body}`).digest('hex')}`;
}

export class WebhookVerifier {
  /** Signatures accepted within the tolerance window, with when they may be forgotten. */
  private readonly seen = new Map<string, number>();

  constructor(private readonly secret: string) {}

  verify(headers: { timestamp: string | undefined; signature: string | undefined }, rawBody: string, now: Date): SignatureCheck {
    const { timestamp, signature } = headers;
    if (timestamp === undefined || signature === undefined) return { ok: false, reason: 'missing X-Vigil-Timestamp or X-Vigil-Signature' };
    if (!/^[0-9]{1,12}$/.test(timestamp)) return { ok: false, reason: 'X-Vigil-Timestamp is not unix seconds' };
    const nowSeconds = Math.floor(now.getTime() / 1000);
    if (Math.abs(nowSeconds - Number(timestamp)) > SIGNATURE_TOLERANCE_SECONDS) return { ok: false, reason: 'the timestamp is more than 5 minutes away' };
    const expected = Buffer.from(signBody(this.secret, timestamp, rawBody));
    const given = Buffer.from(signature);
    if (given.length !== expected.length || !timingSafeEqual(given, expected)) return { ok: false, reason: 'the signature does not match' };
    for (const [seen, until] of this.seen) if (until < nowSeconds) this.seen.delete(seen);
    if (this.seen.has(signature)) return { ok: false, reason: 'this signature was used already (replay)' };
    this.seen.set(signature, Number(timestamp) + SIGNATURE_TOLERANCE_SECONDS);
    return { ok: true };
  }
}
