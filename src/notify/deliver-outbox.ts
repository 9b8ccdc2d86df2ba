/**
 * Delivers what the outbox holds, at least once and never twice for a key: claim (a lease), send,
 * then mark sent. A failure is retried with exponential back-off (or after the service's
 * Retry-After) until the attempts run out, then the message is dead. A message whose sender died
 * between sending and marking it (its lease ran out) is in doubt: the transport is asked whether it
 * arrived; it is settled or sent again accordingly, or left in doubt when the transport cannot tell.
 * A message that replies to another (`replyTo`: that message's key) waits until the other is
 * delivered, then goes in its thread (`thread`: its receipt); when the other is dead or left no
 * receipt, the reply goes as a message of its own — it is never dropped.
 */
import { randomUUID } from 'node:crypto';
import { errorMessage } from '../error-message.js';
import {
  claimMessages,
  deferClaim,
  markFailed,
  markSent,
  outboxMessageByKey,
  outboxMessages,
  releaseInDoubt,
  settleInDoubt,
  type OutboxMessage,
} from '../store/outbox.js';
import type { Store } from '../store/store.js';
import type { SendOutcome, Transports } from './transport.js';

export interface DeliveryPolicy {
  readonly maxAttempts: number;
  /** The first retry's delay; each next one doubles, up to `maxDelayMs`. */
  readonly baseDelayMs: number;
  readonly maxDelayMs: number;
  /** How long a claim lasts: longer than any one send takes. */
  readonly leaseMs: number;
  readonly batchSize: number;
}

export const DEFAULT_DELIVERY_POLICY: DeliveryPolicy = { maxAttempts: 8, baseDelayMs: 60_000, maxDelayMs: 6 * 3_600_000, leaseMs: 5 * 60_000, batchSize: 50 };

export interface DeliveryReport {
  readonly sent: number;
  readonly retrying: number;
  readonly dead: number;
  /** In-doubt messages the transport showed had arrived (marked sent without sending). */
  readonly settled: number;
  /** In-doubt messages that stay so (the transport cannot tell). */
  readonly inDoubt: number;
  /** Messages whose claim ran out while this run was sending them (another sender may have them). */
  readonly lostClaims: number;
}

export function retryDelayMs(attempt: number, policy: DeliveryPolicy): number {
  return Math.min(policy.maxDelayMs, policy.baseDelayMs * 2 ** Math.max(0, attempt - 1));
}

export async function deliverOutbox(
  store: Store,
  transports: Transports,
  options: { now: () => Date; policy?: DeliveryPolicy; channels?: readonly string[] },
): Promise<DeliveryReport> {
  const policy = options.policy ?? DEFAULT_DELIVERY_POLICY;
  const channels = options.channels ?? Object.keys(transports);
  const counts = { sent: 0, retrying: 0, dead: 0, settled: 0, inDoubt: 0, lostClaims: 0 };
  const token = randomUUID();
  for (const channel of channels) {
    const transport = transports[channel];
    if (transport === undefined) throw new Error(`no transport for outbox channel '${channel}'`);
    // Claiming first turns messages whose lease ran out into in-doubt ones, resolved before sending anew.
    let claimed = await claimMessages(store, { token, now: options.now().toISOString(), leaseMs: policy.leaseMs, limit: policy.batchSize, channel });
    await resolveInDoubt(store, transport, channel, options.now, counts);
    for (;;) {
      if (claimed.length === 0)
        claimed = await claimMessages(store, { token, now: options.now().toISOString(), leaseMs: policy.leaseMs, limit: policy.batchSize, channel });
      if (claimed.length === 0) break;
      for (const message of claimed) await deliverOne(store, transport, message, token, policy, options.now, counts);
      claimed = [];
    }
  }
  return counts;
}

async function resolveInDoubt(
  store: Store,
  transport: Transports[string],
  channel: string,
  now: () => Date,
  counts: { settled: number; inDoubt: number },
): Promise<void> {
  for (const message of await outboxMessages(store, 'in-doubt')) {
    if (message.channel !== channel) continue;
    const payload = await withThread(store, JSON.parse(message.payload));
    const arrived = transport.wasDelivered === undefined || payload === 'wait' ? undefined : await transport.wasDelivered(payload, message.dedupe_key);
    const receipt = typeof arrived === 'object' ? arrived.receipt : undefined;
    if ((arrived === true || typeof arrived === 'object') && (await settleInDoubt(store, Number(message.id), now().toISOString(), receipt))) counts.settled++;
    else if (arrived === false) await releaseInDoubt(store, Number(message.id), now().toISOString());
    else counts.inDoubt++;
  }
}

async function deliverOne(
  store: Store,
  transport: Transports[string],
  message: OutboxMessage,
  token: string,
  policy: DeliveryPolicy,
  now: () => Date,
  counts: { sent: number; retrying: number; dead: number; lostClaims: number },
): Promise<void> {
  const id = Number(message.id);
  const payload = await withThread(store, JSON.parse(message.payload));
  if (payload === 'wait') {
    const retryAt = new Date(now().getTime() + policy.baseDelayMs).toISOString();
    if (await deferClaim(store, { id, token, retryAt, reason: 'waiting for the message it replies to' })) counts.retrying++;
    else counts.lostClaims++;
    return;
  }
  // A transport that throws (a network error it did not map) is retried; the error is recorded.
  const outcome: SendOutcome = await transport
    .send(payload, message.dedupe_key)
    .catch((error: unknown): SendOutcome => ({ ok: false, kind: 'retry', error: errorMessage(error) }));
  if (outcome.ok) {
    if (await markSent(store, id, token, now().toISOString(), outcome.receipt)) counts.sent++;
    else counts.lostClaims++;
    return;
  }
  const attempts = Number(message.attempts);
  const delay = outcome.kind === 'retry' ? Math.max(outcome.retryAfterMs ?? 0, retryDelayMs(attempts, policy)) : 0;
  const dead = outcome.kind === 'permanent' || attempts >= policy.maxAttempts;
  const marked = await markFailed(store, {
    id,
    token,
    error: outcome.kind === 'permanent' ? `permanent: ${outcome.error}` : outcome.error,
    retryAt: new Date(now().getTime() + delay).toISOString(),
    maxAttempts: outcome.kind === 'permanent' ? 0 : policy.maxAttempts,
  });
  if (!marked) counts.lostClaims++;
  else if (dead) counts.dead++;
  else counts.retrying++;
}

/**
 * A reply's payload with the thread of the message it replies to; `wait` while that message may
 * still go out; without a thread when it never will (dead) or left no receipt.
 */
async function withThread(store: Store, payload: unknown): Promise<unknown> {
  const replyTo = (payload as { replyTo?: unknown } | null)?.replyTo;
  if (typeof replyTo !== 'string') return payload;
  const original = await outboxMessageByKey(store, replyTo);
  if (original === undefined || original.state === 'dead') return payload;
  if (original.state !== 'sent') return 'wait';
  return original.receipt === null ? payload : { ...(payload as object), thread: JSON.parse(original.receipt) as unknown };
}
