/**
 * An RDS DB instance or DB cluster that is being deleted is on its way out: every RDS insight
 * judges it not applicable, for the same statuses, with the same sentence.
 */

/** Statuses of an instance (`deleting`, `delete-precheck`) or cluster (`deleting`) being deleted. */
const DELETING_STATUSES: ReadonlySet<string> = new Set(['deleting', 'delete-precheck']);

/** Why the instance or cluster is out of scope because it is being deleted, or undefined. */
export function rdsBeingDeleted(kind: 'instance' | 'cluster', status: string): string | undefined {
  return DELETING_STATUSES.has(status) ? `the ${kind} is being deleted (status ${status})` : undefined;
}
