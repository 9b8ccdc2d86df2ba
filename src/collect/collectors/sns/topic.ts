/**
 * `AWS::SNS::Topic`, per region: every topic of ListTopics (all pages) and — as the selection asks —
 * their subscriptions and tags. Subscriptions come from one region-wide ListSubscriptions listing
 * (all pages), grouped by topic, instead of one ListSubscriptionsByTopic per topic. The API
 * reference calls that listing "the requester's subscriptions": one that another account owns on
 * a topic of this account (a security account's queue subscribed to a member's alarm topic) is
 * missing from it. So a topic the listing shows without a confirmed subscription is asked again
 * with ListSubscriptionsByTopic, which lists every subscription of the topic whoever owns it; a
 * topic that looks unsubscribed is few, so this costs a call for each of those only.
 * Subscriptions of this account to other accounts' topics are listed and ignored. A subscription
 * whose SubscriptionArn is `PendingConfirmation` is not confirmed. When the listing fails, every
 * topic's subscriptions are unknown.
 */
import {
  ListSubscriptionsByTopicCommand,
  ListSubscriptionsCommand,
  ListTagsForResourceCommand,
  ListTopicsCommand,
  type Subscription,
} from '@aws-sdk/client-sns';
import type { Tags } from '../../../model/resource.js';
import type { SnsSubscription, SnsTopicConfig } from '../../../model/types/sns/topic.js';
import { isUnknown, type Maybe, type Unknown } from '../../../model/unknown.js';
import type { CallRef, CollectContext } from '../../contract/collect-context.js';
import { defineCollector } from '../../contract/collector.js';
import { tagMap, listedOnce } from '../../contract/normalise.js';
import { readAllPages } from '../../contract/paginate.js';
import { UNEXPECTED_RESPONSE } from '../../contract/read-problem.js';

type Ctx = CollectContext<'AWS::SNS::Topic'>;

/** `arn:aws:sns:eu-west-1:111122223333:security-alerts` → `security-alerts`. */
function topicName(arn: string): string | undefined {
  const parts = arn.split(':');
  return parts.length === 6 && parts[0] === 'arn' && parts[2] === 'sns' && parts[5] !== '' ? parts[5] : undefined;
}

/** A confirmed subscription has an ARN; an unconfirmed one carries `PendingConfirmation` (or `Deleted` while it goes). */
function isConfirmed(subscriptionArn: string): boolean {
  return subscriptionArn.startsWith('arn:');
}

/** The subscriptions of a listing page as the model has them; undefined when one lacks a field every subscription has. */
function normaliseSubscriptions(listed: readonly Subscription[]): Map<string, SnsSubscription[]> | Subscription {
  const byTopic = new Map<string, SnsSubscription[]>();
  for (const s of listed) {
    if (s.TopicArn === undefined || s.SubscriptionArn === undefined || s.Protocol === undefined) return s;
    const list = byTopic.get(s.TopicArn) ?? [];
    const entry: SnsSubscription = { protocol: s.Protocol, endpoint: s.Endpoint ?? '', confirmed: isConfirmed(s.SubscriptionArn) };
    // A subscription repeated by a retried page is kept once.
    if (!list.some((e) => e.protocol === entry.protocol && e.endpoint === entry.endpoint && e.confirmed === entry.confirmed)) list.push(entry);
    byTopic.set(s.TopicArn, list);
  }
  return byTopic;
}

const malformed = (operation: string, s: Subscription) =>
  `${operation} returned a subscription without TopicArn, SubscriptionArn or Protocol (${String(s.Endpoint)})`;

async function subscriptionsByTopic(ctx: Ctx): Promise<(topicArn: string) => SnsTopicConfig['subscriptions']> {
  if (!ctx.runs('ListSubscriptions')) {
    const notCollected = ctx.notCollected('ListSubscriptions');
    return () => notCollected;
  }
  const pages = await readAllPages(ctx, {
    command: (token) => new ListSubscriptionsCommand(token !== undefined ? { NextToken: token } : {}),
    items: (page) => page.Subscriptions,
    next: (page) => ({ token: page.NextToken, truncated: false }),
  });
  if (pages.unknown !== undefined) {
    const failed = pages.unknown;
    return () => failed;
  }
  const call: CallRef = { service: 'sns', operation: 'ListSubscriptions', region: ctx.region };
  const byTopic = normaliseSubscriptions(pages.items);
  if (!(byTopic instanceof Map)) {
    const unreadable: Unknown = ctx.unreadable(call, UNEXPECTED_RESPONSE, malformed('ListSubscriptions', byTopic));
    return () => unreadable;
  }
  return (topicArn) => byTopic.get(topicArn) ?? [];
}

/** Every subscription of one topic, whoever owns it (ListSubscriptionsByTopic, all pages). */
async function everySubscriptionOf(ctx: Ctx, arn: string): Promise<Maybe<SnsSubscription[]>> {
  const pages = await readAllPages(ctx, {
    command: (token) => new ListSubscriptionsByTopicCommand({ TopicArn: arn, ...(token !== undefined ? { NextToken: token } : {}) }),
    items: (page) => page.Subscriptions,
    next: (page) => ({ token: page.NextToken, truncated: false }),
    resource: { arn },
  });
  if (pages.unknown !== undefined) return pages.unknown;
  const byTopic = normaliseSubscriptions(pages.items);
  if (!(byTopic instanceof Map)) {
    const call: CallRef = { service: 'sns', operation: 'ListSubscriptionsByTopic', region: ctx.region };
    return ctx.unreadable(call, UNEXPECTED_RESPONSE, malformed('ListSubscriptionsByTopic', byTopic), { arn });
  }
  return byTopic.get(arn) ?? [];
}

/** The topic's subscriptions: the listing's, or — when it shows none confirmed — the topic's own list. */
async function subscriptionsOfTopic(ctx: Ctx, arn: string, listed: SnsTopicConfig['subscriptions']): Promise<SnsTopicConfig['subscriptions']> {
  if (isUnknown(listed) || listed.some((s) => s.confirmed)) return listed;
  if (!ctx.runs('ListSubscriptionsByTopic')) return listed;
  return everySubscriptionOf(ctx, arn);
}

async function tags(ctx: Ctx, arn: string): Promise<Maybe<Tags>> {
  if (!ctx.runs('ListTagsForResource')) return ctx.notCollected('ListTagsForResource');
  // Not paginated: a topic has at most 50 tags.
  const outcome = await ctx.send(new ListTagsForResourceCommand({ ResourceArn: arn }));
  if (!outcome.ok) return ctx.unknownOf(outcome, { arn });
  return tagMap(
    outcome.value.Tags,
    (t) => t.Key,
    (t) => t.Value,
  );
}

export default defineCollector({
  resourceType: 'AWS::SNS::Topic',
  service: 'sns',
  scope: 'region',
  operations: [
    { operation: 'ListTopics', iamAction: 'sns:ListTopics', fills: ['name'], required: true, lists: true },
    { operation: 'ListSubscriptions', iamAction: 'sns:ListSubscriptions', fills: ['subscriptions'] },
    { operation: 'ListSubscriptionsByTopic', iamAction: 'sns:ListSubscriptionsByTopic', fills: ['subscriptions'] },
    { operation: 'ListTagsForResource', iamAction: 'sns:ListTagsForResource', fills: ['tags'] },
  ],
  async collect(ctx) {
    const [listed, subscriptionsOf] = await Promise.all([
      readAllPages(ctx, {
        command: (token) => new ListTopicsCommand(token !== undefined ? { NextToken: token } : {}),
        items: (page) => page.Topics,
        next: (page) => ({ token: page.NextToken, truncated: false }),
      }),
      subscriptionsByTopic(ctx),
    ]);
    const call: CallRef = { service: 'sns', operation: 'ListTopics', region: ctx.region };
    await Promise.all(
      listedOnce(ctx, call, listed.items, (t) => t.TopicArn, 'TopicArn').map(async ({ TopicArn: arn }) => {
        if (arn === undefined) return;
        const name = topicName(arn);
        if (name === undefined) {
          ctx.unreadable(call, UNEXPECTED_RESPONSE, `ListTopics returned ${arn}, which is no topic ARN; it is left out`, { arn });
          return;
        }
        const resource = ctx.resource({
          arn,
          id: name,
          tags: await tags(ctx, arn),
          config: { subscriptions: await subscriptionsOfTopic(ctx, arn, subscriptionsOf(arn)) },
        });
        ctx.emit(resource);
      }),
    );
  },
});
