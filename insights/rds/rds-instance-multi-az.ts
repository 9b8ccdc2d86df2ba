import { defineInsight } from '../../src/engine/define-insight.js';
import { parseRdsEngine, supportsMultiAz } from '../../src/analysis/rds-engine.js';
import { rdsInstanceNotApplicable } from '../../src/analysis/rds-instance-scope.js';
import { isUnknown } from '../../src/model/unknown.js';

export default defineInsight({
  id: 'rds-instance-multi-az',
  title: 'RDS DB instances run in a Multi-AZ deployment',
  resourceType: 'AWS::RDS::DBInstance',
  severity: 'medium',
  description:
    'Checks that primary RDS DB instances have a Multi-AZ standby. Read replicas are not applicable (a replica is not a standby), nor are members of a DB cluster, whose availability is a setting of the cluster.',
  rationale:
    'A Single-AZ instance is down for as long as its Availability Zone or host is, and maintenance reboots it without failover. A Multi-AZ deployment keeps a synchronous standby in another zone and fails over to it automatically (CIS AWS 3.2.4). SQL Server Express Edition cannot run Multi-AZ, so an Express instance fails until it moves to an edition that can.',
  remediation: {
    cli: 'aws rds modify-db-instance --db-instance-identifier <db-instance-id> --multi-az --apply-immediately',
    console:
      'RDS console > Databases > the instance > Modify > Availability & durability > Create a standby instance > Apply immediately (or in the next maintenance window).',
  },
  reads: { self: ['status', 'clusterIdentifier', 'readReplicaSourceIdentifier', 'multiAz', 'engine'] },
  evaluate(db, { verdict }) {
    const skip = rdsInstanceNotApplicable(db, {
      clusterSetting: 'Multi-AZ',
      readReplicas: 'a read replica is not a Multi-AZ standby; its source is judged instead',
    });
    if (skip !== undefined) return verdict.notApplicable(skip);
    const { multiAz, engine } = db.config;
    if (isUnknown(multiAz)) return verdict.unreadable('Multi-AZ setting', multiAz);
    if (multiAz) return verdict.pass('the instance has a Multi-AZ standby');
    const parsed = parseRdsEngine(engine);
    if (parsed !== undefined && !supportsMultiAz(parsed)) {
      return verdict.fail(`the instance is Single-AZ, and its engine ${engine} (SQL Server Express Edition) cannot run Multi-AZ`, {
        multiAz,
        engine,
      });
    }
    return verdict.fail('the instance is Single-AZ: it has no standby in another Availability Zone', { multiAz, engine });
  },
});
