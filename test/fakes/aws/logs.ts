/**
 * CloudWatch Logs (JSON 1.1, `Logs_20140328.*`): DescribeLogGroups and DescribeMetricFilters (the
 * region's, or one group's when `logGroupName` is given), each at most 50 a page (`limit`,
 * `nextToken`), and a log group's tags (ListTagsForResource by the ARN without `:*`). Times are
 * epoch milliseconds in this API.
 */
import type { LogGroup, SyntheticAccount } from './account.js';
import { jsonError, jsonInput, jsonOperation, jsonReply, page, pageSize, type ServiceHandler } from './wire.js';

interface Input {
  limit?: number;
  nextToken?: string;
  logGroupName?: string;
  resourceArn?: string;
}

const millis = (iso: string) => Date.parse(iso);

export function logs(account: SyntheticAccount): ServiceHandler {
  return (request, region) => {
    const input = jsonInput<Input>(request);
    const groups = account.logGroups.filter((g) => g.region === region);
    const arn = (g: LogGroup) => `arn:aws:logs:${region}:${account.accountId}:log-group:${g.name}`;
    const operation = jsonOperation(request);
    const size = pageSize(input.limit, 50, 50);
    switch (operation) {
      case 'DescribeLogGroups': {
        const { items, next } = page(groups, input.nextToken, size);
        return jsonReply({
          logGroups: items.map((g) => ({
            logGroupName: g.name,
            creationTime: millis(g.createdAt),
            ...(g.retentionDays !== undefined ? { retentionInDays: g.retentionDays } : {}),
            metricFilterCount: g.metricFilters.length,
            arn: `${arn(g)}:*`,
            storedBytes: g.storedBytes,
            ...(g.kmsKey !== undefined ? { kmsKeyId: g.kmsKey } : {}),
            logGroupClass: 'STANDARD',
            logGroupArn: arn(g),
          })),
          ...(next !== undefined ? { nextToken: next } : {}),
        });
      }
      case 'DescribeMetricFilters': {
        const of = input.logGroupName === undefined ? groups : groups.filter((g) => g.name === input.logGroupName);
        if (input.logGroupName !== undefined && of.length === 0) return jsonError('ResourceNotFoundException', 'The specified log group does not exist.');
        const filters = of.flatMap((g) => g.metricFilters.map((f) => ({ group: g.name, ...f })));
        const { items, next } = page(filters, input.nextToken, size);
        return jsonReply({
          metricFilters: items.map((f) => ({
            filterName: f.name,
            filterPattern: f.pattern,
            metricTransformations: [{ metricName: f.metricName, metricNamespace: f.namespace, metricValue: '1' }],
            creationTime: millis(f.createdAt),
            logGroupName: f.group,
            applyOnTransformedLogs: false,
          })),
          ...(next !== undefined ? { nextToken: next } : {}),
        });
      }
      case 'ListTagsForResource': {
        const group = groups.find((g) => arn(g) === input.resourceArn);
        if (group === undefined) return jsonError('ResourceNotFoundException', 'The specified resource does not exist.');
        return jsonReply({ tags: group.tags });
      }
      default:
        return jsonError('UnknownOperationException', `the fake CloudWatch Logs does not answer ${operation}`);
    }
  };
}
