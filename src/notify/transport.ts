/**
 * A transport delivers one outbox message on one channel (`slack`, `email`). Expected failures are
 * values: `retry` (the service is down, rate-limited: try again later), `permanent` (it will never
 * work as addressed: a bad token, an archived channel; the message is dead at once).
 */
export type SendOutcome =
  /** `receipt`: what the service answered that a later message may need (Slack: channel and ts, to reply in the thread). */
  | { readonly ok: true; readonly receipt?: unknown }
  | { readonly ok: false; readonly kind: 'retry'; readonly error: string; readonly retryAfterMs?: number }
  | { readonly ok: false; readonly kind: 'permanent'; readonly error: string };

export interface Transport {
  readonly channel: string;
  send(payload: unknown, key: string): Promise<SendOutcome>;
  /**
   * Whether the message with this key arrived, when the service can tell (Slack keeps the key in the
   * message's metadata); undefined when it cannot (SMTP): the message then stays in doubt for a human.
   * An arrival may come with the receipt `send` would have given.
   */
  wasDelivered?(payload: unknown, key: string): Promise<boolean | { readonly receipt: unknown } | undefined>;
}

export type Transports = Readonly<Record<string, Transport>>;
