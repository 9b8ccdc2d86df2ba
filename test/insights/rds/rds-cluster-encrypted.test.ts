import clusterEncrypted from '../../../insights/rds/rds-cluster-encrypted.js';
import { rdsCluster } from '../../../src/model/builders.js';
import { unknown } from '../../../src/model/unknown.js';
import { testInsight } from '../../support/insight-tester.js';

testInsight(clusterEncrypted, [
  { name: 'encrypted Aurora cluster', resource: rdsCluster({ storageEncrypted: true }), status: 'pass', reason: /encrypted at rest/ },
  { name: 'encrypted Multi-AZ DB cluster', resource: rdsCluster({ engine: 'postgres', publiclyAccessible: false }), status: 'pass' },
  {
    name: 'unencrypted Aurora cluster',
    resource: rdsCluster({ storageEncrypted: false, kmsKeyId: null }),
    status: 'fail',
    reason: /not encrypted/,
    evidence: { storageEncrypted: false },
  },
  {
    name: 'unencrypted DocumentDB cluster',
    resource: rdsCluster({ engine: 'docdb', engineMode: null, storageEncrypted: false, kmsKeyId: null }),
    status: 'fail',
  },
  { name: 'stopped unencrypted cluster still fails', resource: rdsCluster({ status: 'stopped', storageEncrypted: false, kmsKeyId: null }), status: 'fail' },
  {
    name: 'cluster being deleted',
    resource: rdsCluster({ status: 'deleting', storageEncrypted: false, kmsKeyId: null }),
    status: 'not-applicable',
    reason: /cluster is being deleted/,
  },
  {
    name: 'encryption flag not readable',
    resource: rdsCluster({ storageEncrypted: unknown('AccessDenied: rds:DescribeDBClusters') }),
    status: 'error',
    reason: /storage encryption could not be read/,
  },
  { name: 'encryption flag not in the Config item', resource: rdsCluster({ storageEncrypted: unknown('NotInConfig: storageEncrypted') }), status: 'error' },
]);
