/** Event selectors → the management events a trail records in full, as a table. */
import { describe, expect, it } from 'vitest';
import type { GetEventSelectorsResponse } from '@aws-sdk/client-cloudtrail';
import { managementEventsOf, type ManagementEvents } from '../../../src/collect/collectors/cloudtrail/management-events.js';

const management = (...more: { Field: string; Equals?: string[]; NotEquals?: string[]; StartsWith?: string[] }[]) => ({
  Name: 'Management events',
  FieldSelectors: [{ Field: 'eventCategory', Equals: ['Management'] }, ...more],
});

const s3DataEvents = {
  Name: 'S3 data events',
  FieldSelectors: [
    { Field: 'eventCategory', Equals: ['Data'] },
    { Field: 'resources.type', Equals: ['AWS::S3::Object'] },
  ],
};

const cases: { name: string; selectors: GetEventSelectorsResponse; expected: ManagementEvents }[] = [
  {
    name: 'default basic selector',
    selectors: { EventSelectors: [{ ReadWriteType: 'All', IncludeManagementEvents: true, DataResources: [], ExcludeManagementEventSources: [] }] },
    expected: 'All',
  },
  { name: 'basic selector with documented defaults left out', selectors: { EventSelectors: [{}] }, expected: 'All' },
  { name: 'basic read-only', selectors: { EventSelectors: [{ ReadWriteType: 'ReadOnly', IncludeManagementEvents: true }] }, expected: 'ReadOnly' },
  { name: 'basic write-only', selectors: { EventSelectors: [{ ReadWriteType: 'WriteOnly', IncludeManagementEvents: true }] }, expected: 'WriteOnly' },
  {
    name: 'basic read-only and write-only selectors together',
    selectors: {
      EventSelectors: [
        { ReadWriteType: 'ReadOnly', IncludeManagementEvents: true },
        { ReadWriteType: 'WriteOnly', IncludeManagementEvents: true },
      ],
    },
    expected: 'All',
  },
  {
    name: 'basic data events only',
    selectors: {
      EventSelectors: [{ ReadWriteType: 'All', IncludeManagementEvents: false, DataResources: [{ Type: 'AWS::S3::Object', Values: ['arn:aws:s3'] }] }],
    },
    expected: 'None',
  },
  {
    name: 'basic selector excluding KMS events records management events only in part',
    selectors: { EventSelectors: [{ ReadWriteType: 'All', IncludeManagementEvents: true, ExcludeManagementEventSources: ['kms.amazonaws.com'] }] },
    expected: 'None',
  },
  { name: 'no selectors at all', selectors: { EventSelectors: [], AdvancedEventSelectors: [] }, expected: 'None' },
  { name: 'advanced: all management events', selectors: { AdvancedEventSelectors: [management(), s3DataEvents] }, expected: 'All' },
  { name: 'advanced: readOnly = true', selectors: { AdvancedEventSelectors: [management({ Field: 'readOnly', Equals: ['true'] })] }, expected: 'ReadOnly' },
  { name: 'advanced: readOnly = false', selectors: { AdvancedEventSelectors: [management({ Field: 'readOnly', Equals: ['false'] })] }, expected: 'WriteOnly' },
  {
    name: 'advanced: readOnly != true',
    selectors: { AdvancedEventSelectors: [management({ Field: 'readOnly', NotEquals: ['true'] })] },
    expected: 'WriteOnly',
  },
  {
    name: 'advanced: a read selector and a write selector',
    selectors: { AdvancedEventSelectors: [management({ Field: 'readOnly', Equals: ['true'] }), management({ Field: 'readOnly', Equals: ['false'] })] },
    expected: 'All',
  },
  {
    name: 'advanced: excluding KMS events records management events only in part',
    selectors: { AdvancedEventSelectors: [management({ Field: 'eventSource', NotEquals: ['kms.amazonaws.com'] })] },
    expected: 'None',
  },
  {
    name: 'advanced: a full write selector beside a filtered read selector',
    selectors: {
      AdvancedEventSelectors: [
        management({ Field: 'readOnly', Equals: ['false'] }),
        management({ Field: 'readOnly', Equals: ['true'] }, { Field: 'eventSource', NotEquals: ['rdsdata.amazonaws.com'] }),
      ],
    },
    expected: 'WriteOnly',
  },
  {
    name: 'advanced: an operator the module does not know on readOnly',
    selectors: { AdvancedEventSelectors: [management({ Field: 'readOnly', StartsWith: ['t'] })] },
    expected: 'None',
  },
  { name: 'advanced: data events only', selectors: { AdvancedEventSelectors: [s3DataEvents] }, expected: 'None' },
];

describe('managementEventsOf', () => {
  for (const c of cases) {
    it(c.name, () => {
      expect(managementEventsOf(c.selectors)).toBe(c.expected);
    });
  }
});
