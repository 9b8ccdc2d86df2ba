/**
 * A bot run's notices: one digest per recipient for the run, saying per resource what the bot
 * will do and when (after its grace period), the fix to make first, and how to ask for an
 * exemption. The bots' runtime calls it with what its plan decided; owners are resolved here
 * (tags, the creator lookup-creator recorded, the account's owner, the fallback channel).
 */
import type { AccountEntry } from '../config/account-entry.js';
import type { Finding } from '../findings/finding.js';
import type { Remediation } from '../engine/define-insight.js';
import type { Severity } from '../model/severity.js';
import type { Store } from '../store/store.js';
import type { NotifyConfig } from './notify-config.js';
import { noticeTime } from './notice-item.js';
import type { NoticeItem } from './plan-digests.js';
import { queueDigests, type QueuedDigests } from './queue-digests.js';
import { resolveOwner } from './resolve-owner.js';

export interface BotRunNotice {
  /** The bot's id. */
  readonly bot: string;
  readonly resource: Finding['resource'] & {
    /** The resource's tags as the run read them. */
    readonly tags: Readonly<Record<string, string>>;
    /** Who created it, when lookup-creator recorded it (a principal ARN or an e-mail address). */
    readonly creator?: string | undefined;
  };
  /** What is wrong: the finding the bot acts on, or the bot's own description of what it matched. */
  readonly title: string;
  readonly severity: Severity;
  readonly reason: string;
  /** The finding's id, when the bot acts on a finding (else one is made from the bot and the resource). */
  readonly findingId?: string | undefined;
  /** The fix the owner can make first (the insight's remediation). */
  readonly remediation?: Remediation | undefined;
  /** What the bot will do (`block public access`), and when (ISO 8601: now plus its grace period). */
  readonly action: { readonly what: string; readonly at: string };
}

export interface BotRunNotifications {
  /** The run's id: the period of its notices (a run enqueued twice is one message per recipient). */
  readonly runId: string;
  readonly notices: readonly BotRunNotice[];
}

export interface BotRunNoticeOptions {
  readonly notify: NotifyConfig;
  readonly accounts: ReadonlyMap<string, AccountEntry>;
  readonly now: Date;
  /** How to ask for an exemption; default: the digests' standard text. */
  readonly exemptionHelp?: string;
}

/** The digest items of a bot run's notices: per resource and finding, the owner and what the bot will do when. */
export function botRunItems(run: BotRunNotifications, options: Pick<BotRunNoticeOptions, 'notify' | 'accounts'>): NoticeItem[] {
  const rules = { ownerTags: options.notify.ownerTags, fallbackChannel: options.notify.slack?.fallbackChannel };
  return run.notices.map((notice) => {
    const { resource } = notice;
    const account = options.accounts.get(resource.accountId);
    const id = notice.findingId ?? `${notice.bot}:${resource.arn}`;
    const botAction = { what: `${notice.action.what} (bot ${notice.bot})`, at: noticeTime(notice.action.at) };
    return {
      // Told once per action and time: the same plan in the next run within the quiet period is not told again.
      subject: `${id}@${notice.bot}@${notice.action.at}`,
      finding: {
        id,
        title: notice.title,
        severity: notice.severity,
        reason: notice.reason,
        resource: { arn: resource.arn, type: resource.type, accountId: resource.accountId, region: resource.region, name: resource.name },
      },
      change: 'bot-run',
      remediation: notice.remediation,
      botAction,
      owner: resolveOwner({ tags: resource.tags, creator: resource.creator, account }, rules),
      severity: notice.severity,
      environment: account?.environment,
    };
  });
}

/**
 * Queues one digest per recipient for the bot run in the outbox (nothing is sent here: the caller
 * delivers with `deliverOutbox`, or leaves it to `vigil outbox flush` with `--no-notify`).
 */
export async function queueBotRunNotifications(store: Store, run: BotRunNotifications, options: BotRunNoticeOptions): Promise<QueuedDigests> {
  return queueDigests(store, botRunItems(run, options), {
    notify: options.notify,
    period: `bot-run:${run.runId}`,
    now: options.now,
    ...(options.exemptionHelp !== undefined && { exemptionHelp: options.exemptionHelp }),
  });
}
