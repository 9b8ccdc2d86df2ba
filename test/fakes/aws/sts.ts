/** STS (query protocol): GetCallerIdentity, answered as the account's `vigil` role session. */
import type { SyntheticAccount } from './account.js';
import { formParams, queryError, queryReply, val, type ServiceHandler } from './wire.js';

const NS = 'https://sts.amazonaws.com/doc/2011-06-15/';

export function sts(account: SyntheticAccount): ServiceHandler {
  return (request) => {
    const action = formParams(request).get('Action');
    if (action !== 'GetCallerIdentity') return queryError(NS, 'InvalidAction', `the fake STS does not answer ${String(action)}`);
    return queryReply(
      NS,
      action,
      val('Arn', `arn:aws:sts::${account.accountId}:assumed-role/vigil/vigil`) + val('UserId', 'AROAEXAMPLEROLEID:vigil') + val('Account', account.accountId),
    );
  };
}
