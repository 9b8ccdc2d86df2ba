import objectReadEvents from '../../../insights/cloudtrail/s3-bucket-object-read-events.js';
import { accountRegion, cloudTrail, s3Bucket } from '../../../src/model/builders.js';
import { testInsight } from '../../support/insight-tester.js';
import { objectEventCases } from './s3-object-event-cases.js';

testInsight(objectReadEvents, [
  ...objectEventCases('read'),
  {
    name: 'a trail that records write events only (CIS 4.8 without 4.9)',
    resource: s3Bucket(),
    inventory: [accountRegion(), cloudTrail({ s3DataEvents: { read: { buckets: 'none' }, write: { buckets: 'all', exceptArnPrefixes: [] } } })],
    status: 'fail',
    reason: /read events of no bucket/,
  },
]);
