/** The transports `notify:` configures, with their secrets from the environment variables it names. */
import type { NotifyConfig } from './notify-config.js';
import { emailTransport, sesEmailTransport } from './email-transport.js';
import { slackTransport } from './slack-transport.js';
import type { Transport } from './transport.js';

export type ConfiguredTransports = { ok: true; transports: Record<string, Transport> } | { ok: false; message: string };

/** `channels`: only these transports (the daily report needs e-mail only, not a Slack token). */
export function configuredTransports(notify: NotifyConfig | undefined, env: NodeJS.ProcessEnv, channels?: readonly string[]): ConfiguredTransports {
  const transports: Record<string, Transport> = {};
  const wanted = (channel: string) => channels === undefined || channels.includes(channel);
  if (notify?.slack !== undefined && wanted('slack')) {
    const token = env[notify.slack.tokenEnv];
    if (token === undefined || token === '')
      return { ok: false, message: `notify.slack.tokenEnv: the environment variable ${notify.slack.tokenEnv} is not set` };
    transports['slack'] = slackTransport({ token, apiUrl: notify.slack.apiUrl, fallbackChannel: notify.slack.fallbackChannel });
  }
  const email = notify?.email;
  if (email !== undefined && wanted('email')) {
    if (email.ses !== undefined && email.smtp !== undefined) return { ok: false, message: 'notify.email: give smtp or ses, not both' };
    if (email.ses !== undefined) {
      transports['email'] = sesEmailTransport({ from: email.from, region: email.ses.region });
      return { ok: true, transports };
    }
    if (email.smtp === undefined) return { ok: false, message: 'notify.email: give smtp (or ses)' };
    const { smtp } = email;
    const user = smtp.userEnv === undefined ? undefined : env[smtp.userEnv];
    if (smtp.userEnv !== undefined && (user === undefined || user === ''))
      return { ok: false, message: `notify.email.smtp.userEnv: the environment variable ${smtp.userEnv} is not set` };
    const password = smtp.passwordEnv === undefined ? undefined : env[smtp.passwordEnv];
    if (smtp.passwordEnv !== undefined && password === undefined)
      return { ok: false, message: `notify.email.smtp.passwordEnv: the environment variable ${smtp.passwordEnv} is not set` };
    transports['email'] = emailTransport({ from: email.from, host: smtp.host, port: smtp.port ?? 587, secure: smtp.secure ?? false, user, password });
  }
  return { ok: true, transports };
}
