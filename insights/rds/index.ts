/** rds insights, sorted by id. */
import type { Insight } from '../../src/engine/define-insight.js';
import rdsClusterEncrypted from './rds-cluster-encrypted.js';
import rdsClusterEncryptionCmk from './rds-cluster-encryption-cmk.js';
import rdsClusterMultiAz from './rds-cluster-multi-az.js';
import rdsClusterPublic from './rds-cluster-public.js';
import rdsInstanceAuditLogAlarm from './rds-instance-audit-log-alarm.js';
import rdsInstanceAuditLogs from './rds-instance-audit-logs.js';
import rdsInstanceAutoMinorUpgrade from './rds-instance-auto-minor-upgrade.js';
import rdsInstanceBackupRetention from './rds-instance-backup-retention.js';
import rdsInstanceEncrypted from './rds-instance-encrypted.js';
import rdsInstanceEncryptionCmk from './rds-instance-encryption-cmk.js';
import rdsInstanceMultiAz from './rds-instance-multi-az.js';
import rdsInstancePublic from './rds-instance-public.js';
import rdsSnapshotPublic from './rds-snapshot-public.js';

export const rdsInsights: readonly Insight[] = [
  rdsClusterEncrypted,
  rdsClusterEncryptionCmk,
  rdsClusterMultiAz,
  rdsClusterPublic,
  rdsInstanceAuditLogAlarm,
  rdsInstanceAuditLogs,
  rdsInstanceAutoMinorUpgrade,
  rdsInstanceBackupRetention,
  rdsInstanceEncrypted,
  rdsInstanceEncryptionCmk,
  rdsInstanceMultiAz,
  rdsInstancePublic,
  rdsSnapshotPublic,
];
