/**
 * Tells a database instance's owner when its free storage is under a share of what is allocated:
 * the lowest `FreeStorageSpace` CloudWatch reported in the last hour against `AllocatedStorage`
 * read live. No data, or a failed read, is said as such — never taken for enough space.
 */
import { Type } from '@sinclair/typebox';
import { defineAction, type ReadAnswer } from './define-action.js';

const GIB = 1024 ** 3;

export default defineAction({
  id: 'rds-free-storage-alert',
  title: "Tell the owner when a database's free storage runs low",
  resourceType: 'AWS::RDS::DBInstance',
  options: Type.Object(
    { minFreePercent: Type.Optional(Type.Number({ exclusiveMinimum: 0, maximum: 100, description: 'alert under this free share (default 10)' })) },
    { additionalProperties: false },
  ),
  permissions: ['rds:DescribeDBInstances', 'cloudwatch:GetMetricStatistics'],
  destructive: false,
  recordsOnly: true,
  reads: (db, { now }) => [
    { service: 'rds', operation: 'DescribeDBInstances', input: { DBInstanceIdentifier: db.id }, permission: 'rds:DescribeDBInstances' },
    {
      service: 'cloudwatch',
      operation: 'GetMetricStatistics',
      input: {
        Namespace: 'AWS/RDS',
        MetricName: 'FreeStorageSpace',
        Dimensions: [{ Name: 'DBInstanceIdentifier', Value: db.id }],
        StartTime: new Date(now.getTime() - 3_600_000),
        EndTime: now,
        Period: 300,
        Statistics: ['Minimum'],
      },
      permission: 'cloudwatch:GetMetricStatistics',
    },
  ],
  plan(db, { options, answers }) {
    const threshold = options.minFreePercent ?? 10;
    // Aurora storage grows with the data: there is no allocation to run out of.
    if (db.config.clusterIdentifier !== null) return { kind: 'in-desired-state', summary: 'Aurora storage grows on its own' };
    const allocated = allocatedGiB(answers[0]);
    if (typeof allocated === 'string') return { kind: 'refused', summary: allocated };
    const free = lowestFree(answers[1]);
    if (typeof free === 'string') return { kind: 'refused', summary: free };
    const percent = (free / (allocated * GIB)) * 100;
    const said = `${(free / GIB).toFixed(1)} GiB free of ${allocated} GiB (${percent.toFixed(1)}%)`;
    if (percent >= threshold) return { kind: 'in-desired-state', summary: said };
    const message = `Database ${db.name} (${db.region}) is running out of storage: ${said}, under ${threshold}%. Grow its storage or turn on storage autoscaling.`;
    return { kind: 'record', summary: `notify the owner: ${said}`, records: [{ kind: 'notify', message }] };
  },
});

function allocatedGiB(answer: ReadAnswer | undefined): number | string {
  if (answer === undefined || !answer.ok) return `the allocated storage could not be read${answer?.ok === false ? ` (${answer.error})` : ''}`;
  const [instance] = (answer.value['DBInstances'] ?? []) as { AllocatedStorage?: number }[];
  const size = instance?.AllocatedStorage;
  return typeof size === 'number' && size > 0 ? size : 'DescribeDBInstances answered without AllocatedStorage';
}

function lowestFree(answer: ReadAnswer | undefined): number | string {
  if (answer === undefined || !answer.ok) return `FreeStorageSpace could not be read${answer?.ok === false ? ` (${answer.error})` : ''}`;
  const points = ((answer.value['Datapoints'] ?? []) as { Minimum?: number }[]).map((p) => p.Minimum).filter((m): m is number => typeof m === 'number');
  return points.length === 0 ? 'CloudWatch reported no FreeStorageSpace in the last hour' : Math.min(...points);
}
