/**
 * Version 3: an audit record's run id, plan hash, account and region become columns of their own
 * (they were inside `detail`), so `vigil audit show` and an auditor's query can select by them.
 * Records written before keep them inside `detail` and these columns null: their hashes cover
 * their content as it was written, so nothing of an existing record is moved.
 */
import type { Kysely, Migration } from 'kysely';

export function auditRunColumns(): Migration {
  return {
    // eslint-disable-next-line @typescript-eslint/no-explicit-any -- Kysely's documented type for migrations: they run against any version of the schema.
    async up(db: Kysely<any>): Promise<void> {
      for (const column of ['run_id', 'plan_hash', 'account_id', 'region']) {
        await db.schema.alterTable('audit_records').addColumn(column, 'text').execute();
      }
      await db.schema.createIndex('audit_records_run').on('audit_records').column('run_id').execute();
      await db.schema.createIndex('audit_records_actor').on('audit_records').columns(['actor', 'at']).execute();
    },
  };
}
