import clusterMultiAz from '../../../insights/rds/rds-cluster-multi-az.js';
import { rdsCluster } from '../../../src/model/builders.js';
import { unknown } from '../../../src/model/unknown.js';
import { testInsight } from '../../support/insight-tester.js';

const writerOnly = [{ instanceIdentifier: 'orders-1', isWriter: true }];

testInsight(clusterMultiAz, [
  {
    name: 'Aurora cluster with a reader in another zone',
    resource: rdsCluster({ multiAz: true }),
    status: 'pass',
    reason: /reader instance in an Availability Zone other/,
  },
  {
    name: 'Multi-AZ DB cluster',
    resource: rdsCluster({
      engine: 'mysql',
      engineVersion: '8.0.39',
      multiAz: true,
      members: [
        { instanceIdentifier: 'orders-1', isWriter: true },
        { instanceIdentifier: 'orders-2', isWriter: false },
        { instanceIdentifier: 'orders-3', isWriter: false },
      ],
      publiclyAccessible: false,
    }),
    status: 'pass',
    reason: /two readable standbys/,
  },
  {
    name: 'Aurora cluster with a writer only',
    resource: rdsCluster({ multiAz: false, members: writerOnly }),
    status: 'fail',
    reason: /no reader instance in another Availability Zone/,
    evidence: { multiAz: false, engine: 'aurora-postgresql', members: 1 },
  },
  {
    name: 'Aurora cluster whose readers share the writer’s zone (RDS says Single-AZ)',
    resource: rdsCluster({ multiAz: false }),
    status: 'fail',
    evidence: { members: 2 },
  },
  { name: 'cluster without instances', resource: rdsCluster({ multiAz: false, members: [] }), status: 'fail', reason: /no instances at all/ },
  {
    name: 'Single-AZ DocumentDB cluster',
    resource: rdsCluster({ engine: 'docdb', engineMode: null, multiAz: false, members: writerOnly }),
    status: 'fail',
    reason: /do not span Availability Zones/,
  },
  {
    name: 'Single-AZ with members unreadable still fails on RDS’s own flag',
    resource: rdsCluster({ multiAz: false, members: unknown('NotInConfig: members') }),
    status: 'fail',
    evidence: { members: unknown('NotInConfig: members') },
  },
  {
    name: 'Aurora Serverless v1: AWS moves its capacity itself',
    resource: rdsCluster({ engine: 'aurora-mysql', engineMode: 'serverless', multiAz: false, members: [] }),
    status: 'not-applicable',
    reason: /Serverless v1/,
  },
  {
    name: 'Aurora Serverless v2 is a provisioned cluster and is judged',
    resource: rdsCluster({ engineMode: 'provisioned', multiAz: false, members: writerOnly }),
    status: 'fail',
  },
  { name: 'cluster being deleted', resource: rdsCluster({ status: 'deleting', multiAz: false }), status: 'not-applicable', reason: /being deleted/ },
  {
    name: 'Multi-AZ flag not readable',
    resource: rdsCluster({ multiAz: unknown('Throttling: rds:DescribeDBClusters') }),
    status: 'error',
    reason: /Multi-AZ setting could not be read/,
  },
]);
