import instanceEncrypted from '../../../insights/rds/rds-instance-encrypted.js';
import { rdsInstance } from '../../../src/model/builders.js';
import { unknown } from '../../../src/model/unknown.js';
import { testInsight } from '../../support/insight-tester.js';

testInsight(instanceEncrypted, [
  { name: 'encrypted instance', resource: rdsInstance({ storageEncrypted: true }), status: 'pass' },
  {
    name: 'encrypted read replica',
    resource: rdsInstance({ storageEncrypted: true, readReplicaSourceIdentifier: 'orders-primary' }),
    status: 'pass',
  },
  {
    name: 'unencrypted instance',
    resource: rdsInstance({ storageEncrypted: false, kmsKeyId: null }),
    status: 'fail',
    evidence: { storageEncrypted: false },
  },
  {
    name: 'unencrypted read replica fails on its own storage',
    resource: rdsInstance({ storageEncrypted: false, kmsKeyId: null, readReplicaSourceIdentifier: 'orders-primary' }),
    status: 'fail',
  },
  {
    name: 'Aurora member: encryption is a cluster setting',
    resource: rdsInstance({ engine: 'aurora-mysql', clusterIdentifier: 'orders', storageEncrypted: false }),
    status: 'not-applicable',
    reason: /cluster orders/,
  },
  { name: 'instance being deleted', resource: rdsInstance({ status: 'deleting', storageEncrypted: false }), status: 'not-applicable' },
  {
    name: 'encryption flag not readable',
    resource: rdsInstance({ storageEncrypted: unknown('AccessDenied: rds:DescribeDBInstances') }),
    status: 'error',
    reason: /storage encryption could not be read/,
  },
]);
