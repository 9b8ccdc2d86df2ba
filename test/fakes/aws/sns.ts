/**
 * SNS (query protocol, `http://sns.amazonaws.com/doc/2010-03-31/`): ListTopics, ListSubscriptions
 * (the region's) and ListSubscriptionsByTopic (one topic's), 100 a page with `NextToken` (an
 * unconfirmed subscription's ARN is `PendingConfirmation`), and a topic's tags.
 */
import type { SyntheticAccount, Topic } from './account.js';
import { formParams, list, page, queryError, queryReply, val, type ServiceHandler } from './wire.js';

const NS = 'http://sns.amazonaws.com/doc/2010-03-31/';

/** ListTopics and ListSubscriptions return up to 100 a page; neither takes a page size. */
const PAGE_SIZE = 100;

export function sns(account: SyntheticAccount): ServiceHandler {
  return (request, region) => {
    const params = formParams(request);
    const action = params.get('Action') ?? '';
    const token = params.get('NextToken');
    const topics = account.topics.filter((t) => t.region === region);
    const arn = (t: Topic) => `arn:aws:sns:${region}:${account.accountId}:${t.name}`;
    switch (action) {
      case 'ListTopics': {
        const { items, next } = page(topics, token, PAGE_SIZE);
        return queryReply(NS, action, list('Topics', items, (t) => val('TopicArn', arn(t))) + val('NextToken', next));
      }
      case 'ListSubscriptions':
      case 'ListSubscriptionsByTopic': {
        const listed = action === 'ListSubscriptions' ? topics : topics.filter((t) => arn(t) === params.get('TopicArn'));
        if (action === 'ListSubscriptionsByTopic' && listed.length === 0) return queryError(NS, 'NotFound', 'Topic does not exist', 404);
        const subscriptions = listed.flatMap((t) => t.subscriptions.map((s) => ({ topic: arn(t), ...s })));
        const { items, next } = page(subscriptions, token, PAGE_SIZE);
        return queryReply(
          NS,
          action,
          list(
            'Subscriptions',
            items,
            (s) =>
              val('Owner', account.accountId) +
              val('Protocol', s.protocol) +
              val('Endpoint', s.endpoint) +
              val('SubscriptionArn', s.confirmed ? `${s.topic}:${s.id}` : 'PendingConfirmation') +
              val('TopicArn', s.topic),
          ) + val('NextToken', next),
        );
      }
      case 'ListTagsForResource': {
        const topic = topics.find((t) => arn(t) === params.get('ResourceArn'));
        if (topic === undefined) return queryError(NS, 'ResourceNotFound', 'Resource does not exist', 404);
        return queryReply(
          NS,
          action,
          list('Tags', Object.entries(topic.tags), ([k, v]) => val('Key', k) + val('Value', v)),
        );
      }
      default:
        return queryError(NS, 'InvalidAction', `the fake SNS does not answer ${action}`);
    }
  };
}
