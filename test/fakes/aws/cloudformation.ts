/** CloudFormation (query protocol): DescribeStacks, a page of up to 100 stacks per call (`NextToken`). */
import type { Stack, SyntheticAccount } from './account.js';
import { formParams, list, page, queryError, queryReply, val, type ServiceHandler } from './wire.js';

const NS = 'http://cloudformation.amazonaws.com/doc/2010-05-15/';

function stack(accountId: string, s: Stack): string {
  return (
    val('StackId', `arn:aws:cloudformation:${s.region}:${accountId}:stack/${s.name}/${s.uuid}`) +
    val('StackName', s.name) +
    val('Description', `${s.name} resources`) +
    val('CreationTime', s.createdAt) +
    (s.status.startsWith('UPDATE') ? val('LastUpdatedTime', new Date(Date.parse(s.createdAt) + 86_400_000).toISOString()) : '') +
    val('StackStatus', s.status) +
    (s.status.includes('ROLLBACK') ? val('StackStatusReason', 'The following resource(s) failed to create: [Queue].') : '') +
    val('DisableRollback', false) +
    list('Tags', Object.entries(s.tags), ([k, v]) => val('Key', k) + val('Value', v)) +
    val('EnableTerminationProtection', s.protected) +
    `<DriftInformation>${val('StackDriftStatus', 'NOT_CHECKED')}</DriftInformation>`
  );
}

export function cloudformation(account: SyntheticAccount): ServiceHandler {
  return (request, region) => {
    const params = formParams(request);
    const action = params.get('Action') ?? '';
    if (action !== 'DescribeStacks') return queryError(NS, 'InvalidAction', `the fake CloudFormation does not answer ${action}`);
    const { items, next } = page(
      account.stacks.filter((s) => s.region === region),
      params.get('NextToken'),
      100,
    );
    return queryReply(NS, action, list('Stacks', items, (s) => stack(account.accountId, s)) + val('NextToken', next));
  };
}
