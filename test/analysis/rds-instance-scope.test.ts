import { describe, expect, it } from 'vitest';
import { rdsInstanceNotApplicable } from '../../src/analysis/rds-instance-scope.js';
import { rdsInstance } from '../../src/model/builders.js';

describe('rdsInstanceNotApplicable', () => {
  it('applies to a standalone primary instance', () => {
    expect(rdsInstanceNotApplicable(rdsInstance(), { clusterSetting: 'Multi-AZ', readReplicas: 'replicas are judged on their source' })).toBeUndefined();
  });

  it.each(['deleting', 'delete-precheck'])('skips an instance in status %s', (status) => {
    expect(rdsInstanceNotApplicable(rdsInstance({ status }))).toMatch(/being deleted/);
  });

  it('evaluates stopped and failed instances: their settings still stand', () => {
    expect(rdsInstanceNotApplicable(rdsInstance({ status: 'stopped' }))).toBeUndefined();
    expect(rdsInstanceNotApplicable(rdsInstance({ status: 'inaccessible-encryption-credentials' }))).toBeUndefined();
  });

  it('skips cluster members only for cluster settings', () => {
    const member = rdsInstance({ engine: 'aurora-postgresql', clusterIdentifier: 'orders' });
    expect(rdsInstanceNotApplicable(member, { clusterSetting: 'backup retention' })).toBe(
      'backup retention is a setting of DB cluster orders, not of its member instances',
    );
    expect(rdsInstanceNotApplicable(member)).toBeUndefined();
  });

  it('skips read replicas only when the insight says why', () => {
    const replica = rdsInstance({ readReplicaSourceIdentifier: 'orders-primary' });
    expect(rdsInstanceNotApplicable(replica, { readReplicas: 'backups come from the source' })).toBe(
      'read replica of orders-primary: backups come from the source',
    );
    expect(rdsInstanceNotApplicable(replica, { clusterSetting: 'storage encryption' })).toBeUndefined();
  });

  it('names deletion before cluster membership', () => {
    const member = rdsInstance({ status: 'deleting', clusterIdentifier: 'orders' });
    expect(rdsInstanceNotApplicable(member, { clusterSetting: 'Multi-AZ' })).toMatch(/being deleted/);
  });
});
