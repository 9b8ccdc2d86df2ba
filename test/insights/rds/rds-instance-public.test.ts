import instancePublic from '../../../insights/rds/rds-instance-public.js';
import { rdsInstance } from '../../../src/model/builders.js';
import { unknown } from '../../../src/model/unknown.js';
import { testInsight } from '../../support/insight-tester.js';

testInsight(instancePublic, [
  { name: 'private instance', resource: rdsInstance({ publiclyAccessible: false }), status: 'pass' },
  {
    name: 'publicly accessible instance names its endpoint',
    resource: rdsInstance({ publiclyAccessible: true }, { id: 'orders' }),
    status: 'fail',
    reason: /orders\.abcdefghijkl\.eu-west-1\.rds\.amazonaws\.com/,
    evidence: { publiclyAccessible: true, endpoint: 'orders.abcdefghijkl.eu-west-1.rds.amazonaws.com' },
  },
  {
    name: 'publicly accessible instance still being created has no endpoint yet',
    resource: rdsInstance({ publiclyAccessible: true, status: 'creating', endpoint: null }),
    status: 'fail',
    evidence: { endpoint: null },
  },
  {
    name: 'publicly accessible Aurora member fails: the flag is per instance',
    resource: rdsInstance({ engine: 'aurora-postgresql', clusterIdentifier: 'orders', publiclyAccessible: true }),
    status: 'fail',
  },
  {
    name: 'stopped public instance fails: it is public again once started',
    resource: rdsInstance({ status: 'stopped', publiclyAccessible: true }),
    status: 'fail',
  },
  { name: 'instance being deleted', resource: rdsInstance({ status: 'deleting', publiclyAccessible: true }), status: 'not-applicable', reason: /deleted/ },
  {
    name: 'flag not readable',
    resource: rdsInstance({ publiclyAccessible: unknown('AccessDenied: rds:DescribeDBInstances') }),
    status: 'error',
    reason: /AccessDenied/,
  },
]);
