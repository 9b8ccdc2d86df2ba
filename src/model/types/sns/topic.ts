/** `AWS::SNS::Topic`, with its subscriptions: id = the topic name. */
import { Type, type Static } from '@sinclair/typebox';
import { MaybeSchema } from '../../unknown.js';
import { defineResourceType } from '../../resource-type.js';

export const SnsSubscription = Type.Object(
  {
    protocol: Type.String({ description: 'email, email-json, sms, sqs, lambda, http, https, application, firehose' }),
    endpoint: Type.String(),
    /** False while the endpoint has not confirmed (SubscriptionArn `PendingConfirmation`). */
    confirmed: Type.Boolean(),
  },
  { additionalProperties: false },
);
export type SnsSubscription = Static<typeof SnsSubscription>;

/** `AWS::SNS::Topic`: id = the topic name. */
export const SnsTopicConfig = Type.Object({ subscriptions: MaybeSchema(Type.Array(SnsSubscription)) }, { additionalProperties: false });
export type SnsTopicConfig = Static<typeof SnsTopicConfig>;

/** The example: a topic with one confirmed e-mail subscription. */
export default defineResourceType({
  type: 'AWS::SNS::Topic',
  config: SnsTopicConfig,
  arn: ({ partition, accountId, region, id }) => `arn:${partition}:sns:${region}:${accountId}:${id}`,
  example: {
    id: () => 'security-alerts',
    config: () => ({ subscriptions: [{ protocol: 'email', endpoint: 'security@example.com', confirmed: true }] }),
  },
});
