import { defineInsight } from '../../src/engine/define-insight.js';
import { parseRdsEngine } from '../../src/analysis/rds-engine.js';
import { rdsInstanceNotApplicable } from '../../src/analysis/rds-instance-scope.js';
import { isUnknown } from '../../src/model/unknown.js';

/**
 * Judged on every instance, read replicas and cluster members included, as CIS 3.2.2 and the AWS
 * Config rule rds-automatic-minor-version-upgrade-enabled do: each instance carries the setting and
 * is patched by it (a replica is not upgraded through its source). Aurora upgrades a cluster only
 * when every instance in it has the setting on, so one member without it holds back the cluster.
 * The cluster-level setting of Aurora and Multi-AZ DB clusters is not in the model and is not
 * judged here. RDS Custom is out of scope: AWS requires the setting off there, since the customer
 * patches the host.
 */
export default defineInsight({
  id: 'rds-instance-auto-minor-upgrade',
  title: 'RDS DB instances apply minor engine upgrades automatically',
  resourceType: 'AWS::RDS::DBInstance',
  severity: 'medium',
  description:
    'Checks that RDS DB instances have Auto Minor Version Upgrade on, so minor engine versions with security fixes are applied in the maintenance window. Read replicas and DB cluster members are judged too: each instance carries the setting, and Aurora upgrades a cluster only when every instance in it has the setting on. RDS Custom instances, which must keep it off, and instances being deleted are not applicable.',
  rationale:
    'Minor engine versions fix bugs and security vulnerabilities. An instance that does not take them automatically stays on a vulnerable version until someone upgrades it by hand, and is eventually upgraded anyway, at a time AWS chooses, when its version reaches end of support (CIS AWS 3.2.2).',
  remediation: {
    cli: [
      'aws rds modify-db-instance --db-instance-identifier <db-instance-id> --auto-minor-version-upgrade --apply-immediately',
      '# a member of a Multi-AZ DB cluster: aws rds modify-db-cluster --db-cluster-identifier <db-cluster-id> --auto-minor-version-upgrade --apply-immediately',
    ].join('\n'),
    console:
      'RDS console > Databases > the instance > Modify > Maintenance > Auto minor version upgrade: Enable > Apply immediately. For Aurora, enable it on every instance of the cluster (and on the cluster).',
  },
  reads: { self: ['status', 'engine', 'clusterIdentifier', 'autoMinorVersionUpgrade'] },
  evaluate(db, { verdict }) {
    const skip = rdsInstanceNotApplicable(db);
    if (skip !== undefined) return verdict.notApplicable(skip);
    const { engine, autoMinorVersionUpgrade } = db.config;
    if (parseRdsEngine(engine)?.custom === true) {
      return verdict.notApplicable(`RDS Custom (${engine}) requires automatic minor version upgrades off; the customer patches the engine`);
    }
    if (isUnknown(autoMinorVersionUpgrade)) return verdict.unreadable('Auto Minor Version Upgrade setting', autoMinorVersionUpgrade);
    if (autoMinorVersionUpgrade) return verdict.pass('minor engine upgrades are applied automatically in the maintenance window');
    const cluster = db.config.clusterIdentifier;
    const aurora = parseRdsEngine(engine)?.family.startsWith('aurora') === true;
    const why =
      cluster === null
        ? 'minor engine upgrades are not applied automatically'
        : aurora
          ? `minor engine upgrades are not applied automatically, which holds back every instance of Aurora cluster ${cluster}`
          : `minor engine upgrades are not applied automatically to this member of DB cluster ${cluster}`;
    return verdict.fail(why, { autoMinorVersionUpgrade, engine });
  },
});
