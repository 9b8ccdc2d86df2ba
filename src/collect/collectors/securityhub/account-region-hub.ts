/**
 * The `securityHub` setting of `AWS::Account::Region`: the account's Security Hub subscription in
 * the region (DescribeHub without a hub ARN, which names the account's own hub).
 *
 * Security Hub has no "not configured" error code of its own: an account that is not subscribed
 * gets InvalidAccessException (HTTP 401) with the message "Account 111122223333 is not subscribed
 * to AWS Security Hub". The same code also answers other refusals ("Account … is not an
 * administrator for this organization"), so only that message means "not enabled" (null); any other
 * InvalidAccessException, AccessDeniedException or failure leaves the field unknown. This is why
 * the operation declares no `notConfigured` codes: a code alone cannot tell the cases apart.
 */
import { DescribeHubCommand } from '@aws-sdk/client-securityhub';
import { arnFor } from '../../../model/arn.js';
import type { SecurityHubSubscription } from '../../../model/types/account/account-region.js';
import type { Maybe } from '../../../model/unknown.js';
import type { Failed, SettingsContext } from '../../contract/collect-context.js';
import { defineSettingsCollector } from '../../contract/collector.js';
import { missing } from '../../contract/reported.js';

type Ctx = SettingsContext<'AWS::Account::Region'>;

const NOT_SUBSCRIBED_CODE = 'InvalidAccessException';
/** The message of the not-subscribed answer (the service's newer name, "AWS Security Hub CSPM", starts the same). */
const NOT_SUBSCRIBED_MESSAGE = /\bAccount \d{12} is not subscribed to AWS Security Hub\b/;

/** Whether a failed DescribeHub is the service's answer for an account that has not enabled it. */
export function isNotSubscribed(outcome: Failed): boolean {
  return outcome.failure.code === NOT_SUBSCRIBED_CODE && NOT_SUBSCRIBED_MESSAGE.test(outcome.failure.message);
}

async function subscription(ctx: Ctx): Promise<Maybe<SecurityHubSubscription | null>> {
  const ref = { arn: arnFor('AWS::Account::Region', ctx.accountId, ctx.region, ctx.region, ctx.partition) };
  const outcome = await ctx.send(new DescribeHubCommand({}));
  if (!outcome.ok) return isNotSubscribed(outcome) ? null : ctx.unknownOf(outcome, ref);
  const { HubArn, SubscribedAt, AutoEnableControls } = outcome.value;
  if (HubArn === undefined) return missing(ctx, outcome.call, 'HubArn', ref);
  if (AutoEnableControls === undefined) return missing(ctx, outcome.call, 'AutoEnableControls', ref);
  // SubscribedAt is a string in the API (ISO 8601), not a timestamp the SDK parses.
  const subscribed = SubscribedAt !== undefined ? new Date(SubscribedAt) : undefined;
  if (subscribed === undefined || Number.isNaN(subscribed.getTime())) {
    return ctx.unreadable(outcome.call, 'UnexpectedResponse', `DescribeHub returned SubscribedAt ${SubscribedAt ?? '(none)'}, not a date`, ref);
  }
  return { hubArn: HubArn, subscribedAt: subscribed.toISOString(), autoEnableControls: AutoEnableControls };
}

export default defineSettingsCollector({
  resourceType: 'AWS::Account::Region',
  service: 'securityhub',
  scope: 'region',
  fields: ['securityHub'],
  operations: [{ operation: 'DescribeHub', iamAction: 'securityhub:DescribeHub', fills: ['securityHub'] }],
  async collect(ctx) {
    if (!ctx.runs('DescribeHub')) return { securityHub: ctx.notCollected('DescribeHub') };
    return { securityHub: await subscription(ctx) };
  },
});
