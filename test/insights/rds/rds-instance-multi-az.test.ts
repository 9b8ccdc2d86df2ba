import multiAz from '../../../insights/rds/rds-instance-multi-az.js';
import { rdsInstance } from '../../../src/model/builders.js';
import { unknown } from '../../../src/model/unknown.js';
import { testInsight } from '../../support/insight-tester.js';

testInsight(multiAz, [
  { name: 'Multi-AZ instance', resource: rdsInstance({ multiAz: true }), status: 'pass' },
  { name: 'Multi-AZ Oracle instance', resource: rdsInstance({ engine: 'oracle-ee', multiAz: true }), status: 'pass' },
  { name: 'Single-AZ instance', resource: rdsInstance({ multiAz: false }), status: 'fail', evidence: { multiAz: false } },
  {
    name: 'Single-AZ SQL Server Express says the edition cannot be Multi-AZ',
    resource: rdsInstance({ engine: 'sqlserver-ex', multiAz: false }),
    status: 'fail',
    reason: /Express Edition\) cannot run Multi-AZ/,
  },
  {
    name: 'Single-AZ SQL Server Web Edition can be Multi-AZ',
    resource: rdsInstance({ engine: 'sqlserver-web', multiAz: false }),
    status: 'fail',
    reason: /no standby/,
  },
  {
    name: 'read replica is not a standby',
    resource: rdsInstance({ multiAz: false, readReplicaSourceIdentifier: 'orders-primary' }),
    status: 'not-applicable',
    reason: /read replica of orders-primary/,
  },
  {
    name: 'Aurora member: availability is a cluster setting',
    resource: rdsInstance({ engine: 'aurora-mysql', clusterIdentifier: 'orders', multiAz: false }),
    status: 'not-applicable',
    reason: /cluster orders/,
  },
  {
    name: 'Multi-AZ DB cluster member',
    resource: rdsInstance({ engine: 'postgres', clusterIdentifier: 'orders-maz', multiAz: false }),
    status: 'not-applicable',
  },
  { name: 'instance being deleted', resource: rdsInstance({ status: 'delete-precheck', multiAz: false }), status: 'not-applicable' },
  { name: 'Multi-AZ flag not readable', resource: rdsInstance({ multiAz: unknown('Throttling: rds:DescribeDBInstances') }), status: 'error' },
]);
