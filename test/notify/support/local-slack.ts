/**
 * A local Slack Web API for Slack's own WebClient (its `slackApiUrl` option): records every call,
 * keeps posted messages per channel (with their metadata, for conversations.history and, in a
 * thread, conversations.replies), knows users by e-mail and channels by name (conversations.list;
 * a `#name` posted to is kept under its id, and history by name is refused as Slack does), and
 * answers scripted failures — HTTP 429 with Retry-After, or `{ ok: false, error }`.
 */
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface SlackCall {
  readonly method: string;
  readonly params: Record<string, unknown>;
}

export type ScriptedAnswer = { readonly rateLimited: number } | { readonly error: string };

export interface LocalSlack {
  readonly apiUrl: string;
  readonly calls: SlackCall[];
  /** channel or user id → messages posted there. */
  readonly posted: Map<string, Record<string, unknown>[]>;
  /** e-mail → user id. */
  readonly users: Map<string, string>;
  /** Channels that do not exist (chat.postMessage answers channel_not_found). */
  readonly missingChannels: Set<string>;
  /** Channel name (without #) → id: such a channel's messages are kept under its id. */
  readonly channelIds: Map<string, string>;
  /** Answers for the next calls of a method, in order, before it works normally again. */
  script(method: string, ...answers: ScriptedAnswer[]): void;
  close(): Promise<void>;
}

const JSON_FIELDS = new Set(['blocks', 'metadata', 'attachments']);

function parseParams(body: string, contentType: string | undefined): Record<string, unknown> {
  if (contentType?.includes('application/json') === true) return JSON.parse(body) as Record<string, unknown>;
  const params: Record<string, unknown> = {};
  for (const [name, value] of new URLSearchParams(body)) params[name] = JSON_FIELDS.has(name) ? JSON.parse(value) : value;
  return params;
}

export async function startLocalSlack(): Promise<LocalSlack> {
  const scripts = new Map<string, ScriptedAnswer[]>();
  const slack = {
    apiUrl: '',
    calls: [] as SlackCall[],
    posted: new Map<string, Record<string, unknown>[]>(),
    users: new Map<string, string>(),
    missingChannels: new Set<string>(),
    channelIds: new Map<string, string>(),
    script: (method: string, ...answers: ScriptedAnswer[]) => scripts.set(method, [...(scripts.get(method) ?? []), ...answers]),
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
  function answer(method: string, params: Record<string, unknown>): Record<string, unknown> {
    switch (method) {
      case 'users.lookupByEmail': {
        const id = slack.users.get(String(params['email']));
        return id === undefined ? { ok: false, error: 'users_not_found' } : { ok: true, user: { id } };
      }
      case 'conversations.open':
        return { ok: true, channel: { id: `D-${String(params['users'])}` } };
      case 'chat.postMessage': {
        const named = String(params['channel']);
        if (slack.missingChannels.has(named)) return { ok: false, error: 'channel_not_found' };
        const channel = named.startsWith('#') ? (slack.channelIds.get(named.slice(1)) ?? named) : named;
        const ts = `${Date.now()}.${slack.calls.length}`;
        const where = /^[UW]/.test(channel) ? `D-${channel}` : channel;
        slack.posted.set(where, [...(slack.posted.get(where) ?? []), { ...params, ts }]);
        return { ok: true, channel: where, ts };
      }
      case 'conversations.history': {
        const channel = String(params['channel']);
        if (channel.startsWith('#')) return { ok: false, error: 'channel_not_found' };
        return { ok: true, messages: (slack.posted.get(channel) ?? []).filter((m) => m['thread_ts'] === undefined), has_more: false };
      }
      case 'conversations.replies': {
        const ts = String(params['ts']);
        const thread = (slack.posted.get(String(params['channel'])) ?? []).filter((m) => m['ts'] === ts || m['thread_ts'] === ts);
        return { ok: true, messages: thread, has_more: false };
      }
      case 'conversations.list':
        return { ok: true, channels: [...slack.channelIds].map(([name, id]) => ({ id, name })), response_metadata: { next_cursor: '' } };
      default:
        return { ok: false, error: 'unknown_method' };
    }
  }
  const server = createServer((request, response) => {
    let body = '';
    request.on('data', (chunk: Buffer) => (body += chunk.toString()));
    request.on('end', () => {
      const method = (request.url ?? '').replace(/^\/api\//, '').replace(/\?.*$/, '');
      const params = parseParams(body, request.headers['content-type']);
      slack.calls.push({ method, params });
      const scripted = scripts.get(method)?.shift();
      if (scripted !== undefined && 'rateLimited' in scripted) {
        response.writeHead(429, { 'retry-after': String(scripted.rateLimited) }).end();
        return;
      }
      response.writeHead(200, { 'content-type': 'application/json' });
      response.end(JSON.stringify(scripted !== undefined ? { ok: false, error: scripted.error } : answer(method, params)));
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return Object.assign(slack, { apiUrl: `http://127.0.0.1:${(server.address() as AddressInfo).port}/api/` });
}
