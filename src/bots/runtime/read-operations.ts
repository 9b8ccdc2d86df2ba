/**
 * The calls an action may declare as `reads`, which planning sends even in a dry run: each only
 * reads. Anything else changes something and is sent only by applying a plan.
 */
const readOperations: ReadonlySet<string> = new Set([
  'cloudtrail:LookupEvents',
  'cloudwatch:GetMetricStatistics',
  'rds:DescribeDBClusterSnapshots',
  'rds:DescribeDBInstances',
  'rds:DescribeDBSnapshots',
  'sfn:GetExecutionHistory',
]);

export function isReadOperation(service: string, operation: string): boolean {
  return readOperations.has(`${service}:${operation}`);
}
