import autoMinorUpgrade from '../../../insights/rds/rds-instance-auto-minor-upgrade.js';
import { rdsInstance } from '../../../src/model/builders.js';
import { unknown } from '../../../src/model/unknown.js';
import { testInsight } from '../../support/insight-tester.js';

testInsight(autoMinorUpgrade, [
  { name: 'upgrades automatically', resource: rdsInstance({ autoMinorVersionUpgrade: true }), status: 'pass' },
  {
    name: 'upgrade off',
    resource: rdsInstance({ autoMinorVersionUpgrade: false }),
    status: 'fail',
    reason: 'minor engine upgrades are not applied automatically',
    evidence: { autoMinorVersionUpgrade: false, engine: 'postgres' },
  },
  {
    name: 'read replica with upgrade off is judged on its own setting',
    resource: rdsInstance({ engine: 'mysql', readReplicaSourceIdentifier: 'orders-primary', autoMinorVersionUpgrade: false }),
    status: 'fail',
  },
  {
    name: 'read replica with upgrade on',
    resource: rdsInstance({ engine: 'mysql', readReplicaSourceIdentifier: 'orders-primary', autoMinorVersionUpgrade: true }),
    status: 'pass',
  },
  {
    name: 'Aurora member with upgrade off holds back the cluster',
    resource: rdsInstance({ engine: 'aurora-postgresql', clusterIdentifier: 'ledger', autoMinorVersionUpgrade: false }),
    status: 'fail',
    reason: /every instance of Aurora cluster ledger/,
  },
  {
    name: 'Aurora member with upgrade on',
    resource: rdsInstance({ engine: 'aurora-mysql', clusterIdentifier: 'ledger', autoMinorVersionUpgrade: true }),
    status: 'pass',
  },
  {
    name: 'Multi-AZ DB cluster member with upgrade off',
    resource: rdsInstance({ engine: 'postgres', clusterIdentifier: 'orders-maz', autoMinorVersionUpgrade: false }),
    status: 'fail',
    reason: /member of DB cluster orders-maz/,
  },
  {
    name: 'RDS Custom must keep it off',
    resource: rdsInstance({ engine: 'custom-oracle-ee', autoMinorVersionUpgrade: false }),
    status: 'not-applicable',
    reason: /RDS Custom/,
  },
  { name: 'instance being deleted', resource: rdsInstance({ status: 'deleting', autoMinorVersionUpgrade: false }), status: 'not-applicable' },
  {
    name: 'setting not readable',
    resource: rdsInstance({ autoMinorVersionUpgrade: unknown('NotInConfig: autoMinorVersionUpgrade') }),
    status: 'error',
    reason: /NotInConfig/,
  },
]);
