/**
 * Security Hub (REST-JSON): DescribeHub (`GET /accounts`), the account's hub in the region. A
 * region the account has not subscribed in answers InvalidAccessException (HTTP 401), as AWS does.
 * `SubscribedAt` is an ISO 8601 string, not a timestamp.
 */
import type { SyntheticAccount } from './account.js';
import { queryParam, restJsonError, restJsonReply, restOperation, type RestRoutes, type ServiceHandler } from './wire.js';

export const SECURITY_HUB_ROUTES: RestRoutes = { 'GET /accounts': 'DescribeHub' };

export function securityhub(account: SyntheticAccount): ServiceHandler {
  return (request, region) => {
    const operation = restOperation(SECURITY_HUB_ROUTES, request);
    if (operation !== 'DescribeHub')
      return restJsonError('InvalidInputException', { Code: 'InvalidInputException', Message: `the fake Security Hub does not answer ${operation}` }, 400);
    const hubArn = `arn:aws:securityhub:${region}:${account.accountId}:hub/default`;
    const asked = queryParam(request, 'HubArn');
    const subscribedAt = account.securityHub[region];
    if (subscribedAt === undefined || (asked !== undefined && asked !== hubArn)) {
      const code = 'InvalidAccessException';
      return restJsonError(code, { Code: code, Message: `Account ${account.accountId} is not subscribed to AWS Security Hub` }, 401);
    }
    return restJsonReply({ HubArn: hubArn, SubscribedAt: subscribedAt, AutoEnableControls: true, ControlFindingGenerator: 'SECURITY_CONTROL' });
  };
}
