/**
 * The store's migrations, in order. Names sort in the order they apply; a migration, once
 * released, never changes — a new version is a new entry.
 */
import type { Migration } from 'kysely';
import type { Engine } from '../database.js';
import { findingsHistory } from './0001-findings-history.js';
import { operations } from './0002-operations.js';
import { jobRuns } from './0003-job-runs.js';
import { notifications } from './0004-notifications.js';
import { auditRunColumns } from './0005-audit-run-columns.js';

export function storeMigrations(engine: Engine): Record<string, Migration> {
  return {
    '0001-findings-history': findingsHistory(engine),
    '0002-operations': operations(engine),
    '0003-job-runs': jobRuns(),
    '0004-notifications': notifications(),
    '0005-audit-run-columns': auditRunColumns(),
  };
}
