/**
 * Delivers Slack messages with Slack's own client: a DM when the target is an e-mail address
 * (users.lookupByEmail), the channel otherwise, the fallback channel when neither can be reached.
 * The outbox key travels in the message's metadata, so a message in doubt can be looked for.
 * Rate limits come back as a retry after Slack's Retry-After; the outbox waits, not this process.
 */
import { WebAPIPlatformError, WebAPIRateLimitedError, WebClient } from '@slack/web-api';
import { errorMessage } from '../error-message.js';
import type { SlackMessage } from './slack-digest.js';
import type { SendOutcome, Transport } from './transport.js';

export interface SlackPayload extends SlackMessage {
  /** A channel (#name or id), a user id, or an e-mail address to DM. */
  readonly target: string;
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

  async function post(target: string, payload: SlackPayload, key: string): Promise<void> {
    await client.chat.postMessage({
      channel: await channelOf(target),
      text: payload.text,
      blocks: payload.blocks as never,
      metadata: { event_type: SLACK_EVENT_TYPE, event_payload: { key } },
    });
  }

  async function historyHasKey(target: string, key: string): Promise<boolean> {
    let channel: string;
    try {
      channel = await channelOf(target);
    } catch (error) {
      // Nobody to DM: nothing arrived there.
      if (error instanceof WebAPIPlatformError && UNREACHABLE.has(error.data.error)) return false;
      throw error;
    }
    if (/^[UW][A-Z0-9]+$/.test(channel)) channel = (await client.conversations.open({ users: channel })).channel?.id ?? channel;
    const history = await client.conversations.history({ channel, include_all_metadata: true, limit: 200 });
    return (history.messages ?? []).some((message) => (message.metadata?.event_payload as Record<string, unknown> | undefined)?.['key'] === key);
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
          await post(target, payload, key);
          return { ok: true };
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
    /** True when a message carrying `key` is in the target's (or the fallback's) history; undefined when Slack cannot say. */
    async wasDelivered(raw, key) {
      const payload = raw as SlackPayload;
      const targets = [payload.target, ...(options.fallbackChannel === undefined ? [] : [options.fallbackChannel])];
      try {
        for (const target of targets) {
          if (await historyHasKey(target, key)) return true;
        }
        return false;
      } catch (error) {
        if (error instanceof WebAPIPlatformError || error instanceof WebAPIRateLimitedError) return undefined;
        throw error;
      }
    },
  };
}
