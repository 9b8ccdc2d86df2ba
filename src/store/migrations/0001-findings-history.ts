/**
 * Version 1: scans with what they covered, findings with their lifecycle, every transition, and
 * the per-day roll-ups trends read.
 */
import type { Kysely, Migration } from 'kysely';
import type { Engine } from '../database.js';
import { serialKey } from './columns.js';

export function findingsHistory(engine: Engine): Migration {
  return {
    async up(db: Kysely<any>): Promise<void> {
      await db.schema
        .createTable('scans')
        .addColumn('seq', 'integer', serialKey(engine))
        .addColumn('id', 'text', (c) => c.notNull().unique())
        .addColumn('observed_at', 'text', (c) => c.notNull())
        .addColumn('started_at', 'text', (c) => c.notNull())
        .addColumn('finished_at', 'text', (c) => c.notNull())
        .addColumn('recorded_at', 'text', (c) => c.notNull())
        .addColumn('status', 'text', (c) => c.notNull())
        .addColumn('source', 'text', (c) => c.notNull())
        .addColumn('source_file', 'text')
        .addColumn('scope_key', 'text', (c) => c.notNull())
        .addColumn('accounts', 'text', (c) => c.notNull())
        .addColumn('packs', 'text', (c) => c.notNull())
        .addColumn('resources', 'integer', (c) => c.notNull())
        .addColumn('evaluations', 'integer', (c) => c.notNull())
        .addColumn('findings', 'integer', (c) => c.notNull())
        .addColumn('opened', 'integer', (c) => c.notNull())
        .addColumn('reopened', 'integer', (c) => c.notNull())
        .addColumn('resolved', 'integer', (c) => c.notNull())
        .addColumn('exempted', 'integer', (c) => c.notNull())
        .addColumn('previous_scan', 'text')
        .addColumn('error', 'text')
        .execute();
      await db.schema.createIndex('scans_observed').on('scans').columns(['observed_at', 'seq']).execute();
      await db.schema.createIndex('scans_scope').on('scans').columns(['scope_key', 'observed_at']).execute();

      await db.schema
        .createTable('scan_regions')
        .addColumn('scan_id', 'text', (c) => c.notNull())
        .addColumn('account_id', 'text', (c) => c.notNull())
        .addColumn('region', 'text', (c) => c.notNull())
        .addPrimaryKeyConstraint('scan_regions_pk', ['scan_id', 'account_id', 'region'])
        .execute();
      await db.schema.createIndex('scan_regions_account').on('scan_regions').columns(['account_id', 'scan_id']).execute();
      await db.schema
        .createTable('scan_insights')
        .addColumn('scan_id', 'text', (c) => c.notNull())
        .addColumn('insight', 'text', (c) => c.notNull())
        .addColumn('variant', 'text', (c) => c.notNull())
        .addPrimaryKeyConstraint('scan_insights_pk', ['scan_id', 'insight', 'variant'])
        .execute();
      await db.schema
        .createTable('scan_gaps')
        .addColumn('scan_id', 'text', (c) => c.notNull())
        .addColumn('account_id', 'text', (c) => c.notNull())
        .addColumn('resource_type', 'text', (c) => c.notNull())
        .addPrimaryKeyConstraint('scan_gaps_pk', ['scan_id', 'account_id', 'resource_type'])
        .execute();

      await db.schema
        .createTable('findings')
        .addColumn('id', 'text', (c) => c.primaryKey())
        .addColumn('insight', 'text', (c) => c.notNull())
        .addColumn('variant', 'text', (c) => c.notNull())
        .addColumn('account_id', 'text', (c) => c.notNull())
        .addColumn('region', 'text', (c) => c.notNull())
        .addColumn('resource_type', 'text', (c) => c.notNull())
        .addColumn('resource_arn', 'text', (c) => c.notNull())
        .addColumn('resource_name', 'text', (c) => c.notNull())
        .addColumn('title', 'text', (c) => c.notNull())
        .addColumn('severity', 'text', (c) => c.notNull())
        .addColumn('status', 'text', (c) => c.notNull())
        .addColumn('state', 'text')
        .addColumn('reason', 'text', (c) => c.notNull())
        .addColumn('evidence', 'text')
        .addColumn('controls', 'text', (c) => c.notNull())
        .addColumn('exemption', 'text')
        .addColumn('content_hash', 'text', (c) => c.notNull())
        .addColumn('first_seen_at', 'text', (c) => c.notNull())
        .addColumn('first_seen_scan', 'text', (c) => c.notNull())
        .addColumn('last_seen_at', 'text', (c) => c.notNull())
        .addColumn('last_seen_scan', 'text', (c) => c.notNull())
        .addColumn('last_seen_seq', 'integer', (c) => c.notNull())
        .addColumn('resolved_at', 'text')
        .addColumn('resolved_by', 'text')
        .addColumn('resolved_scan', 'text')
        .execute();
      // The findings a scan's absence can change: open, reopened or exempt ones, and errors.
      await db.schema.createIndex('findings_account_state').on('findings').columns(['account_id', 'state', 'status']).execute();

      // What each account's listed findings add up to (account-listings.ts).
      await db.schema
        .createTable('account_listings')
        .addColumn('account_id', 'text', (c) => c.primaryKey())
        .addColumn('digest', 'text', (c) => c.notNull())
        .addColumn('findings', 'integer', (c) => c.notNull())
        .addColumn('rows', 'integer', (c) => c.notNull())
        .execute();

      await db.schema
        .createTable('transitions')
        .addColumn('id', 'integer', serialKey(engine))
        .addColumn('finding_id', 'text', (c) => c.notNull())
        .addColumn('account_id', 'text', (c) => c.notNull())
        .addColumn('state', 'text', (c) => c.notNull())
        .addColumn('at', 'text', (c) => c.notNull())
        .addColumn('scan_id', 'text')
        .addColumn('scan_seq', 'integer')
        .addColumn('by', 'text')
        // A scan moves a finding once at most (NULLs, a bot's remediations, are distinct).
        .addUniqueConstraint('transitions_once_per_scan', ['finding_id', 'scan_id'])
        .execute();
      await db.schema.createIndex('transitions_at').on('transitions').columns(['at']).execute();

      await db.schema
        .createTable('daily_rollups')
        .addColumn('day', 'text', (c) => c.notNull())
        .addColumn('account_id', 'text', (c) => c.notNull())
        .addColumn('pack', 'text', (c) => c.notNull())
        .addColumn('control', 'text', (c) => c.notNull())
        .addColumn('pass', 'integer', (c) => c.notNull())
        .addColumn('fail', 'integer', (c) => c.notNull())
        .addColumn('error', 'integer', (c) => c.notNull())
        .addColumn('exempt', 'integer', (c) => c.notNull())
        .addColumn('not_applicable', 'integer', (c) => c.notNull())
        .addColumn('scan_id', 'text', (c) => c.notNull())
        .addColumn('scan_observed_at', 'text', (c) => c.notNull())
        .addColumn('scan_seq', 'integer', (c) => c.notNull())
        .addPrimaryKeyConstraint('daily_rollups_pk', ['day', 'account_id', 'pack', 'control'])
        .execute();
    },
  };
}
