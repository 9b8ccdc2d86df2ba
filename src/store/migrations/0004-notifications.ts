/**
 * Version 3: what notifications remember — which finding was told to whom and when (the quiet
 * period, and the Slack message a resolution replies to), and what a transport answered when it
 * delivered a message (Slack's channel and ts, to thread under it); and the indexes that find what a
 * scan changed and the findings on a resource.
 */
import type { Kysely, Migration } from 'kysely';

export function notifications(): Migration {
  return {
    // eslint-disable-next-line @typescript-eslint/no-explicit-any -- Kysely's documented type for migrations: they run against any version of the schema.
    async up(db: Kysely<any>): Promise<void> {
      await db.schema
        .createTable('notified')
        .addColumn('subject', 'text', (c) => c.notNull())
        .addColumn('channel', 'text', (c) => c.notNull())
        .addColumn('recipient', 'text', (c) => c.notNull())
        .addColumn('outbox_key', 'text', (c) => c.notNull())
        .addColumn('at', 'text', (c) => c.notNull())
        .addPrimaryKeyConstraint('notified_key', ['subject', 'channel', 'recipient'])
        .execute();
      await db.schema.alterTable('outbox').addColumn('receipt', 'text').execute();
      // After a scan: what it changed (its transitions), and the findings on a resource a bot will act on.
      await db.schema.createIndex('transitions_scan').on('transitions').columns(['scan_id']).execute();
      await db.schema.createIndex('findings_resource').on('findings').columns(['resource_arn']).execute();
    },
  };
}
