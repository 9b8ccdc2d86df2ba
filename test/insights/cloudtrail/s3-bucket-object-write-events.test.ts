import objectWriteEvents from '../../../insights/cloudtrail/s3-bucket-object-write-events.js';
import { accountRegion, cloudTrail, s3Bucket } from '../../../src/model/builders.js';
import { testInsight } from '../../support/insight-tester.js';
import { objectEventCases } from './s3-object-event-cases.js';

testInsight(objectWriteEvents, [
  ...objectEventCases('write'),
  {
    name: 'a trail that records read events only (CIS 4.9 without 4.8)',
    resource: s3Bucket(),
    inventory: [accountRegion(), cloudTrail({ s3DataEvents: { read: { buckets: 'all', exceptArnPrefixes: [] }, write: { buckets: 'none' } } })],
    status: 'fail',
    reason: /write events of no bucket/,
  },
]);
