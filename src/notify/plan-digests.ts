/**
 * Items (a finding, what changed, its owner) into notices: one digest per recipient, never one
 * message per finding, rendered for its transport (Block Kit for Slack, HTML + text + CSV for
 * e-mail). What a recipient was told within the quiet period is left out; a recipient with nothing
 * left gets nothing. Pure: the store is asked beforehand (queue-digests.ts), the demo asks nothing.
 */
import { emailDigest } from './email-digest.js';
import type { Notice } from './enqueue-notice.js';
import type { NotifyConfig } from './notify-config.js';
import { recipientsOf, type Recipient, type Routed } from './notice-routing.js';
import { EXEMPTION_HELP, type DigestItem, type OwnerDigest } from './owner-digest.js';
import { slackDigest } from './slack-digest.js';
import type { SlackPayload } from './slack-transport.js';

export interface NoticeItem extends DigestItem, Routed {
  /** What the quiet period counts, per recipient: the finding's id, or the finding and the due date of a bot's action. */
  readonly subject: string;
}

export interface PlannedNotice {
  readonly notice: Notice;
  readonly recipient: Recipient;
  readonly digest: OwnerDigest;
  /** The subjects it tells. */
  readonly subjects: readonly string[];
}

export interface DigestPlan {
  readonly notify: NotifyConfig;
  /** The period the notices belong to (a day, a bot run id): part of their outbox key. */
  readonly period: string;
  readonly exemptionHelp?: string | undefined;
  /** Whether the recipient was told this subject within the quiet period. */
  readonly toldRecently?: (recipient: Recipient, subject: string) => boolean;
}

export function recipientKey(recipient: Pick<Recipient, 'channel' | 'address'>): string {
  return `${recipient.channel}\u0000${recipient.address}`;
}

export function planDigests(items: readonly NoticeItem[], plan: DigestPlan): PlannedNotice[] {
  const groups = new Map<string, { recipient: Recipient; items: Map<string, NoticeItem> }>();
  for (const item of items) {
    for (const recipient of recipientsOf(item, plan.notify)) {
      if (plan.toldRecently?.(recipient, item.subject) === true) continue;
      const key = recipientKey(recipient);
      const group = groups.get(key) ?? { recipient, items: new Map<string, NoticeItem>() };
      groups.set(key, group);
      if (!group.items.has(item.subject)) group.items.set(item.subject, item);
    }
  }
  return [...groups.entries()]
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([, { recipient, items: told }]) => {
      const digest: OwnerDigest = {
        owner: recipient.owner,
        items: [...told.values()].map(({ finding, change, remediation, botAction }) => ({ finding, change, remediation, botAction })),
        exemptionHelp: plan.exemptionHelp ?? EXEMPTION_HELP,
        ...(recipient.because !== undefined && { because: recipient.because }),
      };
      const payload: unknown =
        recipient.channel === 'slack'
          ? ({ target: recipient.address, ...slackDigest(digest) } satisfies SlackPayload)
          : emailDigest(digest, [recipient.address]);
      return {
        notice: { channel: recipient.channel, recipient: recipient.address, period: plan.period, payload },
        recipient,
        digest,
        subjects: [...told.keys()],
      };
    });
}
