/**
 * The SNS topic collector against a mocked SNS: ListTopics and the region-wide ListSubscriptions,
 * each in three pages (NextToken), shaped as the SNS API reference documents Topic and Subscription
 * (an unconfirmed subscription's SubscriptionArn is `PendingConfirmation`); errors as the SDK's
 * service exceptions (AuthorizationErrorException is SNS's access denied).
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { mockClient } from 'aws-sdk-client-mock';
import {
  AuthorizationErrorException,
  ListSubscriptionsByTopicCommand,
  ListSubscriptionsCommand,
  ListTagsForResourceCommand,
  ListTopicsCommand,
  SNSClient,
  ThrottledException,
  type Subscription,
} from '@aws-sdk/client-sns';
import snsTopic from '../../../src/collect/collectors/sns/topic.js';
import { unknown } from '../../../src/model/unknown.js';
import { ACCOUNT, byId, OBSERVED_AT, runCollector, sentOperations } from '../support/harness.js';

const REGION = 'eu-west-1';
const OTHER_ACCOUNT = '444455556666';
const $metadata = { httpStatusCode: 200, requestId: 'req', attempts: 1, totalRetryDelay: 0 };
const topicArn = (name: string, account = ACCOUNT) => `arn:aws:sns:${REGION}:${account}:${name}`;

function subscription(topic: string, protocol: string, endpoint: string, confirmed = true, account = ACCOUNT, owner = ACCOUNT): Subscription {
  return {
    SubscriptionArn: confirmed
      ? `${topicArn(topic, account)}:${Buffer.from(endpoint).toString('hex').slice(0, 8)}-0fd4-4079-afb4-ce8c8260f0ca`
      : 'PendingConfirmation',
    Owner: owner,
    Protocol: protocol,
    Endpoint: endpoint,
    TopicArn: topicArn(topic, account),
  };
}

const TOPIC_PAGES: { names: string[]; next?: string }[] = [
  { names: ['security-alerts', 'pending-only'], next: 'topics-1' },
  { names: ['quiet-topic'], next: 'topics-2' },
  { names: ['ops-pager', 'member-alarms'] },
];

const SUBSCRIPTION_PAGES: { subscriptions: Subscription[]; next?: string }[] = [
  {
    subscriptions: [
      subscription('security-alerts', 'email', 'security@example.com'),
      // Not yet confirmed by its recipient.
      subscription('security-alerts', 'email', 'ciso@example.com', false),
    ],
    next: 'subscriptions-1',
  },
  { subscriptions: [subscription('pending-only', 'email', 'new-hire@example.com', false)], next: 'subscriptions-2' },
  {
    subscriptions: [
      subscription('ops-pager', 'https', 'https://events.pagerduty.com/integration/abc123/enqueue'),
      subscription('ops-pager', 'sqs', `arn:aws:sqs:${REGION}:${ACCOUNT}:ops-inbox`),
      // This account's subscription to another account's topic: not a topic of this account.
      subscription('org-alerts', 'email', 'security@example.com', true, OTHER_ACCOUNT),
    ],
  },
];

/**
 * What ListSubscriptionsByTopic answers, per topic, in pages: every subscription of the topic,
 * including those another account owns, which ListSubscriptions does not return. The security
 * account's queue on member-alarms comes on the last of three pages.
 */
const SECURITY_ACCOUNT = '777788889999';
const BY_TOPIC_PAGES: Record<string, { subscriptions: Subscription[]; next?: string }[]> = {
  'member-alarms': [
    { subscriptions: [subscription('member-alarms', 'email', 'old-team@example.com', false)], next: 'member-alarms-1' },
    { subscriptions: [], next: 'member-alarms-2' },
    { subscriptions: [subscription('member-alarms', 'sqs', `arn:aws:sqs:${REGION}:${SECURITY_ACCOUNT}:org-alarm-inbox`, true, ACCOUNT, SECURITY_ACCOUNT)] },
  ],
  'pending-only': [{ subscriptions: [subscription('pending-only', 'email', 'new-hire@example.com', false)] }],
  'quiet-topic': [{ subscriptions: [] }],
};

const sns = mockClient(SNSClient);

function authorizationError(action: string): AuthorizationErrorException {
  return new AuthorizationErrorException({
    $metadata: { httpStatusCode: 403 },
    message: `User: arn:aws:iam::${ACCOUNT}:role/vigil is not authorized to perform: ${action} on resource: arn:aws:sns:${REGION}:${ACCOUNT}:*`,
  });
}

function wire(): void {
  sns.on(ListTopicsCommand).callsFake((input: { NextToken?: string }) => {
    const page = TOPIC_PAGES[input.NextToken === undefined ? 0 : Number(input.NextToken.replace('topics-', ''))];
    if (page === undefined) throw new Error(`unexpected token ${input.NextToken}`);
    return { Topics: page.names.map((name) => ({ TopicArn: topicArn(name) })), ...(page.next !== undefined ? { NextToken: page.next } : {}), $metadata };
  });
  sns.on(ListSubscriptionsCommand).callsFake((input: { NextToken?: string }) => {
    const page = SUBSCRIPTION_PAGES[input.NextToken === undefined ? 0 : Number(input.NextToken.replace('subscriptions-', ''))];
    if (page === undefined) throw new Error(`unexpected token ${input.NextToken}`);
    return { Subscriptions: page.subscriptions, ...(page.next !== undefined ? { NextToken: page.next } : {}), $metadata };
  });
  sns.on(ListSubscriptionsByTopicCommand).callsFake((input: { TopicArn: string; NextToken?: string }) => {
    const pages = BY_TOPIC_PAGES[input.TopicArn.split(':')[5] ?? ''];
    const page = pages?.[input.NextToken === undefined ? 0 : Number(input.NextToken.split('-').pop())];
    if (page === undefined) throw new Error(`unexpected ListSubscriptionsByTopic ${input.TopicArn} ${input.NextToken}`);
    return { Subscriptions: page.subscriptions, ...(page.next !== undefined ? { NextToken: page.next } : {}), $metadata };
  });
  sns.on(ListTagsForResourceCommand).callsFake((input: { ResourceArn: string }) => ({
    Tags: input.ResourceArn === topicArn('security-alerts') ? [{ Key: 'owner', Value: 'security' }] : [],
    $metadata,
  }));
}

beforeEach(() => {
  sns.reset();
  wire();
});

afterEach(() => {
  sns.reset();
});

describe('SNS topic collector', () => {
  it('reads every page of topics and subscriptions and normalises a topic exactly', async () => {
    const { resources, coverage } = await runCollector(snsTopic);
    expect(coverage).toEqual([]);
    expect(sns.commandCalls(ListTopicsCommand).map((call) => call.args[0].input.NextToken)).toEqual([undefined, 'topics-1', 'topics-2']);
    expect(sns.commandCalls(ListSubscriptionsCommand).map((call) => call.args[0].input.NextToken)).toEqual([undefined, 'subscriptions-1', 'subscriptions-2']);
    expect(resources.map((r) => r.id).sort()).toEqual(['member-alarms', 'ops-pager', 'pending-only', 'quiet-topic', 'security-alerts']);
    expect(byId(resources, 'security-alerts')).toEqual({
      arn: topicArn('security-alerts'),
      type: 'AWS::SNS::Topic',
      accountId: ACCOUNT,
      region: REGION,
      id: 'security-alerts',
      name: 'security-alerts',
      tags: { owner: 'security' },
      source: 'api',
      observedAt: OBSERVED_AT,
      config: {
        subscriptions: [
          { protocol: 'email', endpoint: 'security@example.com', confirmed: true },
          { protocol: 'email', endpoint: 'ciso@example.com', confirmed: false },
        ],
      },
    });
  });

  it('a PendingConfirmation subscription is unconfirmed; a topic nobody subscribed to has none; foreign topics are not emitted', async () => {
    const { resources } = await runCollector(snsTopic);
    expect(byId(resources, 'pending-only').config.subscriptions).toEqual([{ protocol: 'email', endpoint: 'new-hire@example.com', confirmed: false }]);
    expect(byId(resources, 'quiet-topic').config.subscriptions).toEqual([]);
    expect(byId(resources, 'ops-pager').config.subscriptions).toEqual([
      { protocol: 'https', endpoint: 'https://events.pagerduty.com/integration/abc123/enqueue', confirmed: true },
      { protocol: 'sqs', endpoint: `arn:aws:sqs:${REGION}:${ACCOUNT}:ops-inbox`, confirmed: true },
    ]);
    expect(resources.map((r) => r.arn)).not.toContain(topicArn('org-alerts', OTHER_ACCOUNT));
  });

  it('asks ListSubscriptionsByTopic, all pages, only of topics the listing shows without a confirmed subscription', async () => {
    const { resources, coverage } = await runCollector(snsTopic);
    expect(coverage).toEqual([]);
    const asked = sns
      .commandCalls(ListSubscriptionsByTopicCommand)
      .map((call) => `${call.args[0].input.TopicArn?.split(':')[5]} ${call.args[0].input.NextToken ?? '-'}`);
    expect(asked.sort()).toEqual(['member-alarms -', 'member-alarms member-alarms-1', 'member-alarms member-alarms-2', 'pending-only -', 'quiet-topic -']);
    // Another account's queue subscribed to this account's topic: only the topic's own list shows it.
    expect(byId(resources, 'member-alarms').config.subscriptions).toEqual([
      { protocol: 'email', endpoint: 'old-team@example.com', confirmed: false },
      { protocol: 'sqs', endpoint: `arn:aws:sqs:${REGION}:${SECURITY_ACCOUNT}:org-alarm-inbox`, confirmed: true },
    ]);
    expect(byId(resources, 'quiet-topic').config.subscriptions).toEqual([]);
  });

  it('a topic whose own subscription list cannot be read has unknown subscriptions, not none', async () => {
    sns.on(ListSubscriptionsByTopicCommand, { TopicArn: topicArn('quiet-topic') }).rejects(authorizationError('SNS:ListSubscriptionsByTopic'));
    const { resources, coverage } = await runCollector(snsTopic);
    expect(byId(resources, 'quiet-topic').config.subscriptions).toEqual(unknown('AuthorizationErrorException: sns:ListSubscriptionsByTopic'));
    expect(byId(resources, 'security-alerts').config.subscriptions).not.toEqual(expect.objectContaining({ $unknown: expect.anything() }));
    expect(coverage).toEqual([expect.objectContaining({ operation: 'ListSubscriptionsByTopic', resourceArn: topicArn('quiet-topic') })]);
  });

  it('AuthorizationError on ListSubscriptions: every topic is kept with its subscriptions unknown', async () => {
    sns.on(ListSubscriptionsCommand).rejects(authorizationError('SNS:ListSubscriptions'));
    const { resources, coverage } = await runCollector(snsTopic);
    expect(resources).toHaveLength(5);
    for (const resource of resources) expect(resource.config.subscriptions).toEqual(unknown('AuthorizationErrorException: sns:ListSubscriptions'));
    expect(coverage).toEqual([
      {
        accountId: ACCOUNT,
        region: REGION,
        service: 'sns',
        operation: 'ListSubscriptions',
        resourceType: 'AWS::SNS::Topic',
        error: { code: 'AuthorizationErrorException', message: expect.stringContaining('SNS:ListSubscriptions') },
        count: 1,
      },
    ]);
  });

  it('a failing last page of subscriptions makes them unknown, not short', async () => {
    sns
      .on(ListSubscriptionsCommand, { NextToken: 'subscriptions-2' })
      .rejects(new ThrottledException({ $metadata: { httpStatusCode: 400 }, message: 'Rate exceeded' }));
    const { resources } = await runCollector(snsTopic);
    expect(byId(resources, 'ops-pager').config.subscriptions).toEqual(unknown('ThrottledException: sns:ListSubscriptions'));
    expect(byId(resources, 'quiet-topic').config.subscriptions).toEqual(unknown('ThrottledException: sns:ListSubscriptions'));
  });

  it('AuthorizationError on ListTopics: no topics, and coverage names the call', async () => {
    sns.on(ListTopicsCommand).rejects(authorizationError('SNS:ListTopics'));
    const { resources, coverage } = await runCollector(snsTopic);
    expect(resources).toEqual([]);
    expect(coverage).toEqual([expect.objectContaining({ operation: 'ListTopics', error: expect.objectContaining({ code: 'AuthorizationErrorException' }) })]);
  });

  it('tags that cannot be read are unknown for that topic', async () => {
    sns.on(ListTagsForResourceCommand, { ResourceArn: topicArn('security-alerts') }).rejects(authorizationError('SNS:ListTagsForResource'));
    const { resources } = await runCollector(snsTopic);
    expect(byId(resources, 'security-alerts').tags).toEqual(unknown('AuthorizationErrorException: sns:ListTagsForResource'));
    expect(byId(resources, 'quiet-topic').tags).toEqual({});
  });

  it('runs only the listing calls for the subscriptions', async () => {
    const { resources } = await runCollector(snsTopic, { fields: ['subscriptions'] });
    expect([...new Set(sentOperations(sns.send.getCalls()))].sort()).toEqual(['ListSubscriptions', 'ListSubscriptionsByTopic', 'ListTopics']);
    expect(byId(resources, 'security-alerts').tags).toEqual(unknown('NotCollected: sns:ListTagsForResource'));
  });
});
