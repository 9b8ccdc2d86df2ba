/**
 * Version 2: what bots and notifications need — the hash-chained audit trail, plans, scheduled
 * operations (mark-for-op), the notification outbox — and the history of exemptions.
 */
import { sql, type Kysely, type Migration } from 'kysely';
import type { Engine } from '../database.js';
import { serialKey } from './columns.js';

export function operations(engine: Engine): Migration {
  return {
    async up(db: Kysely<any>): Promise<void> {
      await db.schema
        .createTable('audit_records')
        .addColumn('seq', 'integer', serialKey(engine))
        .addColumn('at', 'text', (c) => c.notNull())
        .addColumn('actor', 'text', (c) => c.notNull())
        .addColumn('action', 'text', (c) => c.notNull())
        .addColumn('resource_arn', 'text', (c) => c.notNull())
        .addColumn('finding_id', 'text')
        .addColumn('mode', 'text', (c) => c.notNull())
        .addColumn('detail', 'text', (c) => c.notNull())
        .addColumn('prev_hash', 'text', (c) => c.notNull().unique())
        .addColumn('hash', 'text', (c) => c.notNull().unique())
        .execute();
      await db.schema
        .createTable('audit_head')
        .addColumn('id', 'integer', (c) => c.primaryKey())
        .addColumn('seq', 'integer', (c) => c.notNull())
        .addColumn('hash', 'text', (c) => c.notNull())
        .execute();

      await db.schema
        .createTable('plans')
        .addColumn('id', 'text', (c) => c.primaryKey())
        .addColumn('bot', 'text', (c) => c.notNull())
        .addColumn('action', 'text', (c) => c.notNull())
        .addColumn('resource_arn', 'text', (c) => c.notNull())
        .addColumn('created_at', 'text', (c) => c.notNull())
        .addColumn('state', 'text', (c) => c.notNull())
        .addColumn('body', 'text', (c) => c.notNull())
        .addColumn('applied_at', 'text')
        .addColumn('audit_seq', 'integer')
        .execute();

      await db.schema
        .createTable('scheduled_ops')
        .addColumn('id', 'integer', serialKey(engine))
        .addColumn('bot', 'text', (c) => c.notNull())
        .addColumn('action', 'text', (c) => c.notNull())
        .addColumn('resource_arn', 'text', (c) => c.notNull())
        .addColumn('reason', 'text', (c) => c.notNull())
        .addColumn('created_at', 'text', (c) => c.notNull())
        .addColumn('due_at', 'text', (c) => c.notNull())
        .addColumn('state', 'text', (c) => c.notNull())
        .addColumn('claim_token', 'text')
        .addColumn('claimed_at', 'text')
        .addColumn('done_at', 'text')
        .execute();
      await db.schema.createIndex('scheduled_ops_due').on('scheduled_ops').columns(['state', 'due_at']).execute();
      // One pending operation per bot, action and resource: marking it again changes nothing.
      await db.schema
        .createIndex('scheduled_ops_one_pending')
        .on('scheduled_ops')
        .columns(['bot', 'action', 'resource_arn'])
        .unique()
        .where(sql.ref('state'), '=', 'pending')
        .execute();

      await db.schema
        .createTable('outbox')
        .addColumn('id', 'integer', serialKey(engine))
        .addColumn('dedupe_key', 'text', (c) => c.notNull().unique())
        .addColumn('channel', 'text', (c) => c.notNull())
        .addColumn('payload', 'text', (c) => c.notNull())
        .addColumn('created_at', 'text', (c) => c.notNull())
        .addColumn('state', 'text', (c) => c.notNull())
        .addColumn('attempts', 'integer', (c) => c.notNull())
        .addColumn('next_attempt_at', 'text', (c) => c.notNull())
        .addColumn('claim_token', 'text')
        .addColumn('lease_until', 'text')
        .addColumn('sent_at', 'text')
        .addColumn('last_error', 'text')
        .execute();
      await db.schema.createIndex('outbox_due').on('outbox').columns(['state', 'next_attempt_at']).execute();

      await db.schema
        .createTable('exemption_events')
        .addColumn('id', 'integer', serialKey(engine))
        .addColumn('at', 'text', (c) => c.notNull())
        .addColumn('scan_id', 'text', (c) => c.notNull())
        .addColumn('finding_id', 'text', (c) => c.notNull())
        .addColumn('insight', 'text', (c) => c.notNull())
        .addColumn('resource_arn', 'text', (c) => c.notNull())
        .addColumn('event', 'text', (c) => c.notNull())
        .addColumn('reason', 'text')
        .addColumn('approved_by', 'text')
        .addColumn('expires', 'text')
        .execute();
      await db.schema.createIndex('exemption_events_finding').on('exemption_events').columns(['finding_id', 'at']).execute();
    },
  };
}
