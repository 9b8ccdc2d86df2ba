import clusterPublic from '../../../insights/rds/rds-cluster-public.js';
import { rdsCluster } from '../../../src/model/builders.js';
import { unknown } from '../../../src/model/unknown.js';
import { testInsight } from '../../support/insight-tester.js';

const multiAzCluster = (publiclyAccessible: boolean) => rdsCluster({ engine: 'postgres', publiclyAccessible }, { id: 'orders' });

testInsight(clusterPublic, [
  { name: 'private Multi-AZ DB cluster', resource: multiAzCluster(false), status: 'pass' },
  {
    name: 'publicly accessible Multi-AZ DB cluster',
    resource: multiAzCluster(true),
    status: 'fail',
    reason: /publicly accessible/,
    evidence: { publiclyAccessible: true },
  },
  {
    name: 'Aurora cluster: the setting is per member instance',
    resource: rdsCluster({ publiclyAccessible: null }),
    status: 'not-applicable',
    reason: /rds-instance-public/,
  },
  { name: 'cluster being deleted', resource: rdsCluster({ engine: 'postgres', publiclyAccessible: true, status: 'deleting' }), status: 'not-applicable' },
  {
    name: 'flag unreadable',
    resource: rdsCluster({ engine: 'postgres', publiclyAccessible: unknown('UnexpectedResponse: rds:DescribeDBClusters') }),
    status: 'error',
  },
]);
