/** Event selectors → the S3 object-level events a trail records in full, per kind, as a table. */
import { describe, expect, it } from 'vitest';
import type { AdvancedFieldSelector, GetEventSelectorsResponse } from '@aws-sdk/client-cloudtrail';
import { s3DataEventsOf, type S3DataEvents } from '../../../src/collect/collectors/cloudtrail/s3-data-events.js';
import type { S3DataEventScope } from '../../../src/model/types/cloudtrail/trail.js';

const ALL: S3DataEventScope = { buckets: 'all', exceptArnPrefixes: [] };
const NONE: S3DataEventScope = { buckets: 'none' };
const allBut = (...exceptArnPrefixes: string[]): S3DataEventScope => ({ buckets: 'all', exceptArnPrefixes });
const only = (...arnPrefixes: string[]): S3DataEventScope => ({ buckets: 'prefixes', arnPrefixes });
const same = (scope: S3DataEventScope): S3DataEvents => ({ read: scope, write: scope });

/** An advanced selector for S3 object data events, with more conditions. */
const s3Objects = (...more: AdvancedFieldSelector[]) => ({
  Name: 'S3 data events',
  FieldSelectors: [{ Field: 'eventCategory', Equals: ['Data'] }, { Field: 'resources.type', Equals: ['AWS::S3::Object'] }, ...more],
});
const arn = (condition: Omit<AdvancedFieldSelector, 'Field'>): AdvancedFieldSelector => ({ Field: 'resources.ARN', ...condition });
const readOnly = (value: 'true' | 'false'): AdvancedFieldSelector => ({ Field: 'readOnly', Equals: [value] });
const management = { Name: 'Management events', FieldSelectors: [{ Field: 'eventCategory', Equals: ['Management'] }] };

const basic = (readWrite: 'All' | 'ReadOnly' | 'WriteOnly', ...values: string[]) => ({
  ReadWriteType: readWrite,
  IncludeManagementEvents: true,
  DataResources: [{ Type: 'AWS::S3::Object', Values: values }],
  ExcludeManagementEventSources: [],
});

const cases: { name: string; selectors: GetEventSelectorsResponse; expected: S3DataEvents }[] = [
  // Basic event selectors.
  {
    name: 'basic: management events only',
    selectors: { EventSelectors: [{ ReadWriteType: 'All', IncludeManagementEvents: true, DataResources: [] }] },
    expected: same(NONE),
  },
  { name: 'basic: all buckets as arn:aws:s3', selectors: { EventSelectors: [basic('All', 'arn:aws:s3')] }, expected: same(ALL) },
  { name: 'basic: all buckets as arn:aws:s3:::', selectors: { EventSelectors: [basic('All', 'arn:aws:s3:::')] }, expected: same(ALL) },
  { name: 'basic: all buckets in the China partition', selectors: { EventSelectors: [basic('All', 'arn:aws-cn:s3')] }, expected: same(ALL) },
  { name: 'basic: all buckets, write-only', selectors: { EventSelectors: [basic('WriteOnly', 'arn:aws:s3')] }, expected: { read: NONE, write: ALL } },
  { name: 'basic: all buckets, read-only', selectors: { EventSelectors: [basic('ReadOnly', 'arn:aws:s3')] }, expected: { read: ALL, write: NONE } },
  {
    name: 'basic: all buckets, ReadWriteType left out (All by default)',
    selectors: { EventSelectors: [{ DataResources: [{ Type: 'AWS::S3::Object', Values: ['arn:aws:s3'] }] }] },
    expected: same(ALL),
  },
  {
    name: 'basic: two buckets and a key prefix of a third',
    selectors: { EventSelectors: [basic('All', 'arn:aws:s3:::trade-records/', 'arn:aws:s3:::payroll/', 'arn:aws:s3:::exports/2026/')] },
    expected: same(only('arn:aws:s3:::exports/2026/', 'arn:aws:s3:::payroll/', 'arn:aws:s3:::trade-records/')),
  },
  {
    name: 'basic: a bucket without its trailing slash is not counted',
    selectors: { EventSelectors: [basic('All', 'arn:aws:s3:::trade-records', 'arn:aws:s3:::payroll/')] },
    expected: same(only('arn:aws:s3:::payroll/')),
  },
  {
    name: 'basic: Lambda data events are not S3',
    selectors: { EventSelectors: [{ ReadWriteType: 'All', DataResources: [{ Type: 'AWS::Lambda::Function', Values: ['arn:aws:lambda'] }] }] },
    expected: same(NONE),
  },
  {
    name: 'basic: a read selector for one bucket and a write selector for all',
    selectors: { EventSelectors: [basic('ReadOnly', 'arn:aws:s3:::trade-records/'), basic('WriteOnly', 'arn:aws:s3')] },
    expected: { read: only('arn:aws:s3:::trade-records/'), write: ALL },
  },
  {
    name: 'basic: a key prefix within a bucket already recorded adds nothing',
    selectors: { EventSelectors: [basic('All', 'arn:aws:s3:::trade-records/2026/'), basic('All', 'arn:aws:s3:::trade-records/')] },
    expected: same(only('arn:aws:s3:::trade-records/')),
  },
  { name: 'no selectors at all', selectors: { EventSelectors: [], AdvancedEventSelectors: [] }, expected: same(NONE) },

  // Advanced event selectors.
  {
    name: 'advanced: every bucket (the console template "Log all events")',
    selectors: { AdvancedEventSelectors: [management, s3Objects()] },
    expected: same(ALL),
  },
  { name: 'advanced: management events only', selectors: { AdvancedEventSelectors: [management] }, expected: same(NONE) },
  { name: 'advanced: readOnly = true', selectors: { AdvancedEventSelectors: [s3Objects(readOnly('true'))] }, expected: { read: ALL, write: NONE } },
  { name: 'advanced: readOnly = false', selectors: { AdvancedEventSelectors: [s3Objects(readOnly('false'))] }, expected: { read: NONE, write: ALL } },
  {
    name: 'advanced: readOnly NotEquals true',
    selectors: { AdvancedEventSelectors: [s3Objects({ Field: 'readOnly', NotEquals: ['true'] })] },
    expected: { read: NONE, write: ALL },
  },
  {
    name: 'advanced: a read selector and a write selector together record both',
    selectors: { AdvancedEventSelectors: [s3Objects(readOnly('true')), s3Objects(readOnly('false'))] },
    expected: same(ALL),
  },
  {
    name: 'advanced: StartsWith the buckets named',
    selectors: { AdvancedEventSelectors: [s3Objects(arn({ StartsWith: ['arn:aws:s3:::trade-records/', 'arn:aws:s3:::payroll/'] }))] },
    expected: same(only('arn:aws:s3:::payroll/', 'arn:aws:s3:::trade-records/')),
  },
  {
    name: 'advanced: StartsWith every bucket',
    selectors: { AdvancedEventSelectors: [s3Objects(arn({ StartsWith: ['arn:aws:s3:::', 'arn:aws:s3:::payroll/'] }))] },
    expected: same(ALL),
  },
  {
    name: 'advanced: every bucket but the log bucket',
    selectors: { AdvancedEventSelectors: [s3Objects(arn({ NotStartsWith: ['arn:aws:s3:::cloudtrail-logs/'] }))] },
    expected: same(allBut('arn:aws:s3:::cloudtrail-logs/')),
  },
  {
    name: 'advanced: every bucket but one object counts the object as a prefix',
    selectors: { AdvancedEventSelectors: [s3Objects(arn({ NotEquals: ['arn:aws:s3:::payroll/secret.csv'] }))] },
    expected: same(allBut('arn:aws:s3:::payroll/secret.csv')),
  },
  {
    name: 'advanced: excluding every bucket records none',
    selectors: { AdvancedEventSelectors: [s3Objects(arn({ NotStartsWith: ['arn:aws:s3'] }))] },
    expected: same(NONE),
  },
  {
    name: 'advanced: a bucket listed and a key prefix of it excluded drops the bucket',
    selectors: {
      AdvancedEventSelectors: [
        s3Objects(arn({ StartsWith: ['arn:aws:s3:::trade-records/', 'arn:aws:s3:::payroll/'], NotStartsWith: ['arn:aws:s3:::trade-records/tmp/'] })),
      ],
    },
    expected: same(only('arn:aws:s3:::payroll/')),
  },
  {
    name: 'advanced: exact object ARNs (Equals) cover no bucket',
    selectors: { AdvancedEventSelectors: [s3Objects(arn({ Equals: ['arn:aws:s3:::trade-records/report.csv'] }))] },
    expected: same(NONE),
  },
  {
    name: 'advanced: EndsWith covers no bucket',
    selectors: { AdvancedEventSelectors: [s3Objects(arn({ EndsWith: ['.csv'] }))] },
    expected: same(NONE),
  },
  {
    name: 'advanced: NotEndsWith may exclude objects of every bucket',
    selectors: { AdvancedEventSelectors: [s3Objects(arn({ NotEndsWith: ['.tmp'] }))] },
    expected: same(NONE),
  },
  {
    name: 'advanced: an eventName filter records only some events',
    selectors: { AdvancedEventSelectors: [s3Objects({ Field: 'eventName', Equals: ['PutObject', 'DeleteObject'] })] },
    expected: same(NONE),
  },
  {
    name: 'advanced: an eventName exclusion records only some events',
    selectors: { AdvancedEventSelectors: [s3Objects(readOnly('true'), { Field: 'eventName', NotEquals: ['HeadObject'] })] },
    expected: same(NONE),
  },
  {
    name: 'advanced: a userIdentity filter records only some events',
    selectors: { AdvancedEventSelectors: [s3Objects({ Field: 'userIdentity.arn', NotStartsWith: ['arn:aws:sts::111122223333:assumed-role/backup'] })] },
    expected: same(NONE),
  },
  {
    name: 'advanced: a full write selector beside a filtered read selector',
    selectors: { AdvancedEventSelectors: [s3Objects(readOnly('false')), s3Objects(readOnly('true'), { Field: 'eventName', Equals: ['GetObject'] })] },
    expected: { read: NONE, write: ALL },
  },
  {
    name: 'advanced: two exclusions, each recorded by the other selector',
    selectors: {
      AdvancedEventSelectors: [
        s3Objects(arn({ NotStartsWith: ['arn:aws:s3:::cloudtrail-logs/'] })),
        s3Objects(arn({ NotStartsWith: ['arn:aws:s3:::scratch/'] })),
      ],
    },
    expected: same(ALL),
  },
  {
    name: 'advanced: an exclusion recorded by a bucket selector',
    selectors: {
      AdvancedEventSelectors: [
        s3Objects(arn({ NotStartsWith: ['arn:aws:s3:::cloudtrail-logs/'] })),
        s3Objects(arn({ StartsWith: ['arn:aws:s3:::cloudtrail-logs/'] })),
      ],
    },
    expected: same(ALL),
  },
  {
    name: 'advanced: two ARN conditions in one selector must both hold',
    selectors: {
      AdvancedEventSelectors: [
        s3Objects(arn({ StartsWith: ['arn:aws:s3:::trade'] }), arn({ StartsWith: ['arn:aws:s3:::trade-records/', 'arn:aws:s3:::payroll/'] })),
      ],
    },
    expected: same(only('arn:aws:s3:::trade-records/')),
  },
  {
    name: 'advanced: S3 access point data events are not object events of a bucket',
    selectors: {
      AdvancedEventSelectors: [
        {
          Name: 'Access points',
          FieldSelectors: [
            { Field: 'eventCategory', Equals: ['Data'] },
            { Field: 'resources.type', Equals: ['AWS::S3::AccessPoint'] },
          ],
        },
      ],
    },
    expected: same(NONE),
  },
  {
    name: 'advanced: a selector without resources.type is not understood',
    selectors: { AdvancedEventSelectors: [{ Name: 'Data', FieldSelectors: [{ Field: 'eventCategory', Equals: ['Data'] }] }] },
    expected: same(NONE),
  },
  {
    name: 'advanced: readOnly with an operator the module does not know',
    selectors: { AdvancedEventSelectors: [s3Objects({ Field: 'readOnly', StartsWith: ['t'] })] },
    expected: same(NONE),
  },
];

describe('s3DataEventsOf', () => {
  for (const c of cases) {
    it(c.name, () => {
      expect(s3DataEventsOf(c.selectors)).toEqual(c.expected);
    });
  }
});
