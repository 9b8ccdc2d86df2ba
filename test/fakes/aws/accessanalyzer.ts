/**
 * IAM Access Analyzer (REST-JSON): ListAnalyzers (`GET /analyzer`), the region's analyzers of the
 * asked `type` (all when none), paged by `maxResults` / `nextToken`. Timestamps are ISO 8601
 * (`date-time`), as this API sends them.
 */
import type { Analyzer, SyntheticAccount } from './account.js';
import { page, pageSize, queryParam, restJsonError, restJsonReply, restOperation, type RestRoutes, type ServiceHandler } from './wire.js';

export const ACCESS_ANALYZER_ROUTES: RestRoutes = { 'GET /analyzer': 'ListAnalyzers' };

function analyzer(accountId: string, a: Analyzer): Record<string, unknown> {
  return {
    arn: `arn:aws:access-analyzer:${a.region}:${accountId}:analyzer/${a.name}`,
    name: a.name,
    type: a.type,
    createdAt: a.createdAt,
    lastResourceAnalyzed: `arn:aws:s3:::cloudtrail-logs-${accountId}`,
    lastResourceAnalyzedAt: a.createdAt,
    tags: {},
    status: a.status,
  };
}

export function accessanalyzer(account: SyntheticAccount): ServiceHandler {
  return (request, region) => {
    const operation = restOperation(ACCESS_ANALYZER_ROUTES, request);
    if (operation !== 'ListAnalyzers') return restJsonError('ValidationException', { message: `the fake Access Analyzer does not answer ${operation}` }, 400);
    const type = queryParam(request, 'type');
    const matching = account.analyzers.filter((a) => a.region === region && (type === undefined || a.type === type));
    const { items, next } = page(matching, queryParam(request, 'nextToken'), pageSize(queryParam(request, 'maxResults'), 100, 1000));
    return restJsonReply({ analyzers: items.map((a) => analyzer(account.accountId, a)), ...(next !== undefined ? { nextToken: next } : {}) });
  };
}
