import { defineInsight } from '../../src/engine/define-insight.js';
import { rdsBeingDeleted } from '../../src/analysis/rds-being-deleted.js';
import { isUnknown } from '../../src/model/unknown.js';

/**
 * The cluster-level flag exists only on Multi-AZ DB clusters; an Aurora cluster has none (RDS
 * reports null) because each member instance has its own, judged by rds-instance-public.
 */
export default defineInsight({
  id: 'rds-cluster-public',
  title: 'Multi-AZ DB clusters are not publicly accessible',
  resourceType: 'AWS::RDS::DBCluster',
  severity: 'critical',
  description:
    'Checks that RDS Multi-AZ DB clusters (MySQL or PostgreSQL with two readable standbys) are not publicly accessible (DescribeDBClusters PubliclyAccessible). Aurora, DocumentDB and Neptune clusters have no cluster-level setting and are not applicable: their member instances are judged by rds-instance-public.',
  rationale:
    'A publicly accessible Multi-AZ DB cluster gives its writer and reader endpoints public IP addresses; only security groups and the route tables of its subnets stand between the database and the internet. As for DB instances, Vigil treats every publicly accessible cluster as exposed (CIS AWS 3.2.3).',
  remediation: {
    cli: 'aws rds modify-db-cluster --db-cluster-identifier <db-cluster-id> --no-publicly-accessible --apply-immediately',
    console:
      'RDS console > Databases > the Multi-AZ DB cluster > Modify > Connectivity > Additional configuration > Not publicly accessible > Apply immediately.',
  },
  reads: { self: ['status', 'publiclyAccessible'] },
  evaluate(cluster, { verdict }) {
    const deleting = rdsBeingDeleted('cluster', cluster.config.status);
    if (deleting !== undefined) return verdict.notApplicable(deleting);
    const { publiclyAccessible } = cluster.config;
    if (isUnknown(publiclyAccessible)) return verdict.unreadable('publicly accessible flag', publiclyAccessible);
    if (publiclyAccessible === null)
      return verdict.notApplicable('the cluster has no cluster-level public access setting: each member instance has its own (rds-instance-public)');
    return publiclyAccessible
      ? verdict.fail('the Multi-AZ DB cluster is publicly accessible: its endpoints resolve to public IP addresses', { publiclyAccessible })
      : verdict.pass('the Multi-AZ DB cluster is not publicly accessible');
  },
});
