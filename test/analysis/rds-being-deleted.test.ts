import { describe, expect, it } from 'vitest';
import { rdsBeingDeleted } from '../../src/analysis/rds-being-deleted.js';

describe('rdsBeingDeleted', () => {
  it.each(['deleting', 'delete-precheck'])('an instance in status %s is being deleted', (status) => {
    expect(rdsBeingDeleted('instance', status)).toBe(`the instance is being deleted (status ${status})`);
  });

  it('names the cluster', () => {
    expect(rdsBeingDeleted('cluster', 'deleting')).toBe('the cluster is being deleted (status deleting)');
  });

  it.each(['available', 'stopped', 'creating', 'backing-up', 'inaccessible-encryption-credentials'])('status %s is not', (status) => {
    expect(rdsBeingDeleted('cluster', status)).toBeUndefined();
  });
});
