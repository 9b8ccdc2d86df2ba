/** The transports `notify:` configures, with their secrets from the environment variables it names. */
import type { NotifyConfig } from './notify-config.js';
import { slackTransport } from './slack-transport.js';
import type { Transport } from './transport.js';

export type ConfiguredTransports = { ok: true; transports: Record<string, Transport> } | { ok: false; message: string };

export function configuredTransports(notify: NotifyConfig | undefined, env: NodeJS.ProcessEnv): ConfiguredTransports {
  const transports: Record<string, Transport> = {};
  if (notify?.slack !== undefined) {
    const token = env[notify.slack.tokenEnv];
    if (token === undefined || token === '')
      return { ok: false, message: `notify.slack.tokenEnv: the environment variable ${notify.slack.tokenEnv} is not set` };
    transports['slack'] = slackTransport({ token, apiUrl: notify.slack.apiUrl, fallbackChannel: notify.slack.fallbackChannel });
  }
  return { ok: true, transports };
}
