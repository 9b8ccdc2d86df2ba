/**
 * Tells the owner who created the resource and how: its create event in CloudTrail's event
 * history (LookupEvents by resource name, paced at 2 calls a second per account and region),
 * with the principal, source IP, user agent and time. CloudTrail keeps 90 days of events: older
 * resources, or an event not found, say "not found" rather than guess.
 */
import { Type } from '@sinclair/typebox';
import type { Resource } from '../../model/resource.js';
import { defineAction, type Creator, type ReadAnswer } from './define-action.js';
import { fillMessage, MESSAGE_PLACEHOLDERS } from './message-template.js';

const HISTORY_DAYS = 90;

/** The events that create a resource of each type (a restore or a replica creates one too). */
const CREATE_EVENTS: Readonly<Record<string, readonly string[]>> = {
  'AWS::RDS::DBInstance': [
    'CreateDBInstance',
    'CreateDBInstanceReadReplica',
    'RestoreDBInstanceFromDBSnapshot',
    'RestoreDBInstanceToPointInTime',
    'RestoreDBInstanceFromS3',
  ],
  'AWS::RDS::DBCluster': ['CreateDBCluster', 'RestoreDBClusterFromSnapshot', 'RestoreDBClusterToPointInTime', 'RestoreDBClusterFromS3'],
  'AWS::S3::Bucket': ['CreateBucket'],
  'AWS::EC2::Instance': ['RunInstances'],
  'AWS::EC2::Volume': ['CreateVolume'],
  'AWS::SageMaker::NotebookInstance': ['CreateNotebookInstance'],
  'AWS::CloudFormation::Stack': ['CreateStack'],
  'AWS::KMS::Key': ['CreateKey'],
};

export default defineAction({
  id: 'lookup-creator',
  title: 'Tell the owner who created the resource, from CloudTrail',
  resourceType: '*',
  options: Type.Object(
    { message: Type.String({ minLength: 1, description: `${MESSAGE_PLACEHOLDERS}; who created it follows` }) },
    { additionalProperties: false },
  ),
  permissions: ['cloudtrail:LookupEvents'],
  destructive: false,
  recordsOnly: true,
  reads: (resource) =>
    CREATE_EVENTS[resource.type] === undefined
      ? []
      : [
          {
            service: 'cloudtrail',
            operation: 'LookupEvents',
            // Without a time range LookupEvents searches its whole 90 days.
            input: { LookupAttributes: [{ AttributeKey: 'ResourceName', AttributeValue: resource.id }], MaxResults: 50 },
            permission: 'cloudtrail:LookupEvents',
            perSecond: 2,
            pages: { token: 'NextToken', max: 10 },
          },
        ],
  plan(resource, { options, account, now, answers }) {
    const events = CREATE_EVENTS[resource.type];
    if (events === undefined) return { kind: 'refused', summary: `no CloudTrail create event is known for ${resource.type}` };
    const found = createEvent(answers[0], events);
    const message = fillMessage(options.message, resource, account);
    if (typeof found === 'string') return { kind: 'refused', summary: found };
    if (found === undefined) {
      const why = notFound(resource, now, answers[0]);
      return { kind: 'record', summary: `creator ${why}`, records: [{ kind: 'notify', message: `${message} Created by: ${why}.` }] };
    }
    const how = `${found.event} by ${found.principal ?? 'an unknown principal'} from ${found.sourceIp ?? 'an unknown address'} with ${found.userAgent ?? 'an unknown client'} at ${found.time}`;
    return { kind: 'record', summary: `created: ${how}`, records: [{ kind: 'notify', message: `${message} Created: ${how}.`, creator: found }] };
  },
});

/** The create event among the answer's events, undefined when none is, or why the answer says nothing. */
function createEvent(answer: ReadAnswer | undefined, names: readonly string[]): Creator | undefined | string {
  if (answer === undefined) return 'CloudTrail was not asked';
  if (!answer.ok) return `CloudTrail's event history could not be read (${answer.error})`;
  const events = answer.pages.flatMap((page) => (Array.isArray(page['Events']) ? (page['Events'] as Record<string, unknown>[]) : []));
  const event = events.find((e) => typeof e['EventName'] === 'string' && names.includes(e['EventName']));
  if (event === undefined) return undefined;
  const record = parseRecord(event['CloudTrailEvent']);
  const identity = (record['userIdentity'] ?? {}) as Record<string, unknown>;
  const time = event['EventTime'] ?? record['eventTime'];
  return {
    principal: str(identity['arn']) ?? str(event['Username']),
    sourceIp: str(record['sourceIPAddress']),
    userAgent: str(record['userAgent']),
    time: time instanceof Date ? time.toISOString() : new Date(String(time)).toISOString(),
    event: String(event['EventName']),
  };
}

function notFound(resource: Resource, now: Date, answer: ReadAnswer | undefined): string {
  if (resource.createdAt !== undefined && now.getTime() - Date.parse(resource.createdAt) > HISTORY_DAYS * 86_400_000)
    return `not found (created on ${resource.createdAt.slice(0, 10)}, before CloudTrail's ${HISTORY_DAYS} days of event history)`;
  if (answer?.ok === true && answer.more) return 'not found in the most recent events CloudTrail holds for it';
  return `not found in CloudTrail's ${HISTORY_DAYS} days of event history`;
}

function parseRecord(text: unknown): Record<string, unknown> {
  if (typeof text !== 'string') return {};
  try {
    const parsed: unknown = JSON.parse(text);
    return typeof parsed === 'object' && parsed !== null ? (parsed as Record<string, unknown>) : {};
  } catch {
    // A record CloudTrail could not give whole still has the event's own name, user and time.
    return {};
  }
}

function str(value: unknown): string | null {
  return typeof value === 'string' && value !== '' ? value : null;
}
