/**
 * Reads a CloudWatch Logs log group ARN — `arn:aws:logs:eu-west-1:111122223333:log-group:name:*` as
 * CloudTrail's CloudWatchLogsLogGroupArn writes it, or without the `:*` — into where the log group
 * is: its account, region and name (names may hold `/`, `.`, `#` and `-`, never `:`).
 */

export interface LogGroupLocation {
  readonly accountId: string;
  readonly region: string;
  readonly name: string;
}

const LOG_GROUP_ARN = /^arn:[a-z-]+:logs:([a-z0-9-]+):([0-9]{12}):log-group:([^:]+)(:\*)?$/;

export function parseLogGroupArn(arn: string): LogGroupLocation | undefined {
  const match = LOG_GROUP_ARN.exec(arn);
  if (match === null) return undefined;
  return { region: match[1] as string, accountId: match[2] as string, name: match[3] as string };
}
