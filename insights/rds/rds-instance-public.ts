import { defineInsight } from '../../src/engine/define-insight.js';
import { rdsInstanceNotApplicable } from '../../src/analysis/rds-instance-scope.js';
import { isUnknown } from '../../src/model/unknown.js';

export default defineInsight({
  id: 'rds-instance-public',
  title: 'RDS DB instances are not publicly accessible',
  resourceType: 'AWS::RDS::DBInstance',
  severity: 'critical',
  description:
    'Checks that RDS DB instances (including Aurora cluster members, where the setting is per instance) are not publicly accessible, i.e. that their endpoint does not resolve to a public IP address.',
  rationale:
    'A publicly accessible instance gets a public IP address, and only its security groups and the route table of its subnets stand between the database and the internet. Vigil does not read subnet route tables, so it cannot prove that a publicly accessible instance sits in private subnets; it treats every publicly accessible instance as exposed, which is what CIS AWS 3.2.3 asks to fix.',
  remediation: {
    cli: 'aws rds modify-db-instance --db-instance-identifier <db-instance-id> --no-publicly-accessible --apply-immediately',
    console: 'RDS console > Databases > the instance > Modify > Connectivity > Additional configuration > Not publicly accessible > Apply immediately.',
  },
  reads: { self: ['status', 'publiclyAccessible', 'endpoint'] },
  evaluate(db, { verdict }) {
    const skip = rdsInstanceNotApplicable(db);
    if (skip !== undefined) return verdict.notApplicable(skip);
    const { publiclyAccessible, endpoint } = db.config;
    if (isUnknown(publiclyAccessible)) return verdict.unreadable('publicly accessible flag', publiclyAccessible);
    if (!publiclyAccessible) return verdict.pass('the instance is not publicly accessible');
    const where = endpoint === null ? 'its endpoint, once created,' : `its endpoint ${endpoint.address}`;
    return verdict.fail(`the instance is publicly accessible: ${where} resolves to a public IP address`, {
      publiclyAccessible,
      endpoint: endpoint?.address ?? null,
    });
  },
});
