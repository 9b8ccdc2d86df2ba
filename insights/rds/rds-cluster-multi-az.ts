import { defineInsight } from '../../src/engine/define-insight.js';
import { rdsBeingDeleted } from '../../src/analysis/rds-being-deleted.js';
import { rdsClusterKind } from '../../src/analysis/rds-engine.js';
import { isUnknown } from '../../src/model/unknown.js';

/** What RDS's MultiAZ flag means for each kind of cluster, for the reader of a finding. */
const MULTI_AZ_MEANS = {
  aurora: 'RDS reports an Aurora cluster Multi-AZ when it has a reader instance in an Availability Zone other than the writer’s, to fail over to',
  'multi-az-db-cluster': 'a Multi-AZ DB cluster runs a writer and two readable standbys in three Availability Zones',
  other: 'RDS reports a cluster Multi-AZ when its instances span more than one Availability Zone',
} as const;

export default defineInsight({
  id: 'rds-cluster-multi-az',
  title: 'RDS DB clusters run instances in more than one Availability Zone',
  resourceType: 'AWS::RDS::DBCluster',
  severity: 'medium',
  description:
    'Checks that RDS DB clusters are Multi-AZ as RDS reports it (DescribeDBClusters MultiAZ): a Multi-AZ DB cluster always is; an Aurora cluster is when it has a reader in another Availability Zone to fail over to. Aurora Serverless v1 clusters are not applicable: AWS moves their capacity to another zone itself.',
  rationale:
    'Aurora storage is replicated across three Availability Zones, but a cluster whose instances all sit in one zone is down for as long as that zone is, until a new instance is created elsewhere. A reader in another zone is promoted within about a minute (CIS AWS 3.2.4, for cluster members). Member instances are not judged one by one: Multi-AZ is a setting of their cluster.',
  remediation: {
    cli: 'aws rds create-db-instance --db-instance-identifier <db-cluster-id>-reader --db-cluster-identifier <db-cluster-id> --engine <engine> --db-instance-class <class> --availability-zone <a zone other than the writer’s>',
    console:
      'RDS console > Databases > the cluster > Actions > Add reader > choose an Availability Zone other than the writer’s (or, at creation, Availability & durability > Create an Aurora Replica or Reader node in a different AZ).',
  },
  reads: { self: ['status', 'engine', 'engineMode', 'multiAz', 'members'] },
  evaluate(cluster, { verdict }) {
    const { status, engineMode } = cluster.config;
    const deleting = rdsBeingDeleted('cluster', status);
    if (deleting !== undefined) return verdict.notApplicable(deleting);
    if (engineMode === 'serverless') {
      return verdict.notApplicable(
        'Aurora Serverless v1 cluster: it has no instances to place in other zones; AWS recreates its capacity in another Availability Zone when one fails (its storage spans three)',
      );
    }
    const { multiAz, engine } = cluster.config;
    if (isUnknown(multiAz)) return verdict.unreadable('Multi-AZ setting', multiAz);
    const kind = rdsClusterKind(engine);
    if (multiAz) return verdict.pass(`the cluster is Multi-AZ: ${MULTI_AZ_MEANS[kind]}`, { multiAz, engine, meaning: MULTI_AZ_MEANS[kind] });
    const { members } = cluster.config;
    const evidence = { multiAz, engine, engineMode, members: isUnknown(members) ? members : members.length, meaning: MULTI_AZ_MEANS[kind] };
    if (!isUnknown(members) && members.length === 0) {
      return verdict.fail('the cluster is Single-AZ: it has no instances at all, so it serves nothing until one is added', evidence);
    }
    return kind === 'aurora'
      ? verdict.fail(
          'the cluster is Single-AZ: no reader instance in another Availability Zone to fail over to (its storage spans three zones, its instances do not)',
          evidence,
        )
      : verdict.fail('the cluster is Single-AZ: its instances do not span Availability Zones', evidence);
  },
});
