/** The `notify:` section of `vigil.yaml`: where owners' digests and the CISO/CIO e-mails go. */
import { Type, type Static } from '@sinclair/typebox';
import { Severity } from '../model/severity.js';

const EnvName = Type.String({ pattern: '^[A-Za-z_][A-Za-z0-9_]*$', description: 'the name of an environment variable (never the secret itself)' });
const SlackTarget = Type.String({ pattern: '^(#[a-z0-9_.-]+|[CGUD][A-Z0-9]{6,})$', description: 'a channel (#name) or a Slack id' });

export const NotifySlack = Type.Object(
  {
    tokenEnv: EnvName,
    /** Slack's Web API, or a Slack-compatible gateway. */
    apiUrl: Type.Optional(Type.String({ format: 'uri', default: 'https://slack.com/api/' })),
    /** Where a digest goes when its owner cannot be reached (and owners nobody could resolve). */
    fallbackChannel: Type.Optional(SlackTarget),
  },
  { additionalProperties: false },
);

export const NotifyEmail = Type.Object(
  {
    from: Type.String({ format: 'email' }),
    smtp: Type.Optional(
      Type.Object(
        {
          host: Type.String({ minLength: 1 }),
          port: Type.Optional(Type.Integer({ minimum: 1, maximum: 65535, default: 587 })),
          /** TLS from the start (port 465); otherwise STARTTLS when the server offers it. */
          secure: Type.Optional(Type.Boolean({ default: false })),
          userEnv: Type.Optional(EnvName),
          passwordEnv: Type.Optional(EnvName),
        },
        { additionalProperties: false },
      ),
    ),
    ses: Type.Optional(Type.Object({ region: Type.String({ pattern: '^[a-z]{2}(-gov|-iso[a-z]*)?-[a-z]+-[0-9]$' }) }, { additionalProperties: false })),
    /** Who gets the daily report and the dead-letter summary (the CISO and CIO). */
    to: Type.Optional(Type.Array(Type.String({ format: 'email' }), { uniqueItems: true })),
  },
  { additionalProperties: false },
);

export const NotifyRoute = Type.Object(
  {
    severity: Type.Optional(Type.Array(Severity, { uniqueItems: true, minItems: 1 })),
    environment: Type.Optional(Type.Array(Type.String({ minLength: 1 }), { uniqueItems: true, minItems: 1 })),
    slack: Type.Optional(SlackTarget),
    email: Type.Optional(Type.String({ format: 'email' })),
  },
  { additionalProperties: false },
);

export const NotifyConfig = Type.Object(
  {
    slack: Type.Optional(NotifySlack),
    email: Type.Optional(NotifyEmail),
    /** Resource tags naming the owner, in the order they are looked at. */
    ownerTags: Type.Optional(
      Type.Array(Type.String({ minLength: 1 }), { uniqueItems: true, minItems: 1, default: ['owner', 'owner-email', 'owner-slack', 'team'] }),
    ),
    /** The same finding is not told again to the same owner within this period (`7d`, `12h`). */
    quietPeriod: Type.Optional(Type.String({ pattern: '^[0-9]+[dh]$', default: '7d' })),
    /** Extra recipients by severity and environment (critical → also the security channel). */
    routes: Type.Optional(Type.Array(NotifyRoute)),
  },
  { additionalProperties: false },
);
export type NotifyConfig = Static<typeof NotifyConfig>;
export type NotifyRoute = Static<typeof NotifyRoute>;

export const DEFAULT_OWNER_TAGS: readonly string[] = ['owner', 'owner-email', 'owner-slack', 'team'];

/** `7d` / `12h` in milliseconds (the schema has checked the shape). */
export function periodMs(period: string): number {
  const amount = Number(period.slice(0, -1));
  return amount * (period.endsWith('d') ? 86_400_000 : 3_600_000);
}
