/**
 * Delivers Slack messages with Slack's own client: a DM when the target is an e-mail address
 * (users.lookupByEmail), the channel otherwise, the fallback channel when neither can be reached.
 * The outbox key travels in the message's metadata, so a message in doubt can be looked for.
 * Rate limits come back as a retry after Slack's Retry-After; the outbox waits, not this process.
 * A delivered message's channel and ts are its receipt: a reply (a finding resolved) is posted in
 * that thread. Looking for a message in doubt reads the channel's history (or the thread's
 * replies), which takes a channel id: a `#name` is resolved to its id first.
 */
import { WebAPIPlatformError, WebAPIRateLimitedError, WebClient } from '@slack/web-api';
import { errorMessage } from '../error-message.js';
import type { SlackMessage } from './slack-digest.js';
import type { SendOutcome, Transport } from './transport.js';

/** Where a delivered message is: what a reply in its thread needs. */
export interface SlackReceipt {
  readonly channel: string;
  readonly ts: string;
}

export interface SlackPayload extends SlackMessage {
  /** A channel (#name or id), a user id, or an e-mail address to DM. */
  readonly target: string;
  /** The outbox key of the message this one replies to, in its thread (the delivery loop fills `thread`). */
  readonly replyTo?: string;
  /** The thread to post in: the receipt of the message replied to. */
  readonly thread?: SlackReceipt;
}

export const SLACK_EVENT_TYPE = 'vigil_notice';

/** Errors after which the target will not work as addressed: the fallback channel is tried. */
const UNREACHABLE = new Set(['channel_not_found', 'not_in_channel', 'users_not_found', 'is_archived', 'user_not_found']);
/** Errors of the token itself: nothing will go out until someone fixes it; retried with back-off. */
const TOKEN_ERRORS = new Set(['invalid_auth', 'account_inactive', 'token_revoked', 'not_authed']);

export interface SlackTransportOptions {
  readonly token: string;
  readonly apiUrl?: string | undefined;
  readonly fallbackChannel?: string | undefined;
}

export function slackClient(options: SlackTransportOptions): WebClient {
  return new WebClient(options.token, {
    ...(options.apiUrl === undefined ? {} : { slackApiUrl: options.apiUrl }),
    rejectRateLimitedCalls: true,
    retryConfig: { retries: 0 },
  });
}

const isEmail = (target: string): boolean => target.includes('@') && !target.startsWith('@');

export function slackTransport(options: SlackTransportOptions, client: WebClient = slackClient(options)): Transport {
  async function channelOf(target: string): Promise<string> {
    if (!isEmail(target)) return target;
    const found = await client.users.lookupByEmail({ email: target });
    const id = found.user?.id;
    if (id === undefined) throw new Error(`users.lookupByEmail gave no user id for ${target}`);
    return id;
  }

  async function post(target: string, payload: SlackPayload, key: string): Promise<SlackReceipt> {
    // A reply goes in its thread; when that cannot be reached, the fallback gets it as a message of its own.
    const thread = target === payload.target ? payload.thread : undefined;
    const posted = await client.chat.postMessage({
      channel: thread?.channel ?? (await channelOf(target)),
      ...(thread !== undefined && { thread_ts: thread.ts }),
      text: payload.text,
      blocks: payload.blocks as never,
      metadata: { event_type: SLACK_EVENT_TYPE, event_payload: { key } },
    });
    if (posted.channel === undefined || posted.ts === undefined) throw new Error('chat.postMessage answered ok without channel and ts');
    return { channel: posted.channel, ts: posted.ts };
  }

  /** A channel's id: conversations.history and conversations.replies take no `#name`. */
  async function channelIdOf(name: string): Promise<string | undefined> {
    let cursor: string | undefined;
    do {
      const page = await client.conversations.list({
        exclude_archived: true,
        limit: 1000,
        types: 'public_channel,private_channel',
        ...(cursor !== undefined && { cursor }),
      });
      const found = (page.channels ?? []).find((channel) => channel.name === name.slice(1));
      if (found?.id !== undefined) return found.id;
      cursor = page.response_metadata?.next_cursor || undefined;
    } while (cursor !== undefined);
    return undefined;
  }

  /** The id of the conversation a target's messages are in, or undefined when there is none (nothing arrived there). */
  async function conversationOf(target: string): Promise<string | undefined> {
    let channel: string;
    try {
      channel = await channelOf(target);
    } catch (error) {
      // Nobody to DM: nothing arrived there.
      if (error instanceof WebAPIPlatformError && UNREACHABLE.has(error.data.error)) return undefined;
      throw error;
    }
    if (channel.startsWith('#')) return channelIdOf(channel);
    if (/^[UW][A-Z0-9]+$/.test(channel)) return (await client.conversations.open({ users: channel })).channel?.id ?? channel;
    return channel;
  }

  const carriesKey = (message: { metadata?: { event_payload?: unknown } }, key: string): boolean =>
    (message.metadata?.event_payload as Record<string, unknown> | undefined)?.['key'] === key;

  async function findByKey(target: string, key: string): Promise<SlackReceipt | undefined> {
    const channel = await conversationOf(target);
    if (channel === undefined) return undefined;
    const history = await client.conversations.history({ channel, include_all_metadata: true, limit: 200 });
    const found = (history.messages ?? []).find((message) => carriesKey(message, key));
    return found?.ts === undefined ? undefined : { channel, ts: found.ts };
  }

  async function findReply(thread: SlackReceipt, key: string): Promise<SlackReceipt | undefined> {
    const replies = await client.conversations.replies({ channel: thread.channel, ts: thread.ts, include_all_metadata: true, limit: 200 });
    const found = (replies.messages ?? []).find((message) => carriesKey(message as never, key));
    return found?.ts === undefined ? undefined : { channel: thread.channel, ts: found.ts };
  }

  return {
    channel: 'slack',
    async send(raw, key): Promise<SendOutcome> {
      const payload = raw as SlackPayload;
      const targets = [
        payload.target,
        ...(options.fallbackChannel !== undefined && options.fallbackChannel !== payload.target ? [options.fallbackChannel] : []),
      ];
      const unreachable: string[] = [];
      for (const target of targets) {
        try {
          return { ok: true, receipt: await post(target, payload, key) };
        } catch (error) {
          if (error instanceof WebAPIRateLimitedError)
            return { ok: false, kind: 'retry', error: `rate limited by Slack`, retryAfterMs: error.retryAfter * 1000 };
          if (error instanceof WebAPIPlatformError && UNREACHABLE.has(error.data.error)) {
            unreachable.push(`${target}: ${error.data.error}`);
            continue;
          }
          if (error instanceof WebAPIPlatformError && TOKEN_ERRORS.has(error.data.error))
            return { ok: false, kind: 'retry', error: `Slack token: ${error.data.error}` };
          return { ok: false, kind: 'retry', error: errorMessage(error) };
        }
      }
      return { ok: false, kind: 'permanent', error: `unreachable: ${unreachable.join('; ')}` };
    },
    /** Arrived (with its receipt) when a message carrying `key` is in the target's (or the fallback's) history, or the thread's replies; undefined when Slack cannot say. */
    async wasDelivered(raw, key) {
      const payload = raw as SlackPayload;
      const targets = [payload.target, ...(options.fallbackChannel === undefined ? [] : [options.fallbackChannel])];
      try {
        if (payload.thread !== undefined) {
          const reply = await findReply(payload.thread, key);
          return reply === undefined ? false : { receipt: reply };
        }
        for (const target of targets) {
          const found = await findByKey(target, key);
          if (found !== undefined) return { receipt: found };
        }
        return false;
      } catch (error) {
        if (error instanceof WebAPIPlatformError || error instanceof WebAPIRateLimitedError) return undefined;
        throw error;
      }
    },
  };
}
