/**
 * AWS-owned accounts that appear as principals in resource policies. Before the service principal
 * `logdelivery.elasticloadbalancing.amazonaws.com` existed (Regions launched before August 2022),
 * a bucket receiving Application or Classic Load Balancer access logs granted s3:PutObject to the
 * Elastic Load Balancing account of its Region. Such a grant goes to another account, but one AWS
 * runs; reports name it so rather than as an unknown account.
 */
import type { Principal } from './principals.js';

/** Region → the Elastic Load Balancing account that delivers access logs there. */
export const ELB_LOG_DELIVERY_ACCOUNTS: Readonly<Record<string, string>> = {
  'us-east-1': '127311923021',
  'us-east-2': '033677994240',
  'us-west-1': '027434742980',
  'us-west-2': '797873946194',
  'af-south-1': '098369216593',
  'ap-east-1': '754344448648',
  'ap-south-1': '718504428378',
  'ap-northeast-1': '582318560864',
  'ap-northeast-2': '600734575887',
  'ap-northeast-3': '383597477331',
  'ap-southeast-1': '114774131450',
  'ap-southeast-2': '783225319266',
  'ap-southeast-3': '589379963580',
  'ca-central-1': '985666609251',
  'eu-central-1': '054676820928',
  'eu-west-1': '156460612806',
  'eu-west-2': '652711504416',
  'eu-west-3': '009996457667',
  'eu-south-1': '635631232127',
  'eu-north-1': '897822967062',
  'me-south-1': '076674570225',
  'sa-east-1': '507241528517',
  'us-gov-west-1': '048591011584',
  'us-gov-east-1': '190560391635',
  'cn-north-1': '638102146993',
  'cn-northwest-1': '037604701340',
};

export const ELB_LOG_DELIVERY_SERVICE = 'logdelivery.elasticloadbalancing.amazonaws.com';

const ELB_ACCOUNT_REGION = new Map(Object.entries(ELB_LOG_DELIVERY_ACCOUNTS).map(([region, account]) => [account, region]));

/** A label for an account AWS runs for a service, or undefined for any other account. */
export function awsServiceAccount(accountId: string): string | undefined {
  const region = ELB_ACCOUNT_REGION.get(accountId);
  return region === undefined ? undefined : `Elastic Load Balancing log delivery (${region})`;
}

/** Whether the principal is Elastic Load Balancing delivering access logs (service principal or regional account). */
export function isElbLogDelivery(principal: Principal): boolean {
  if (principal.kind === 'service') return principal.service === ELB_LOG_DELIVERY_SERVICE;
  return principal.kind === 'account' && principal.arn === undefined && ELB_ACCOUNT_REGION.has(principal.accountId);
}
