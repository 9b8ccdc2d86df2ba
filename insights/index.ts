/**
 * The registry of built-in insights: explicit, no globbing, one flat list sorted by id (as
 * `String.prototype.localeCompare` orders them). Keep it sorted here: `test/registry.test.ts` checks
 * the order, which nothing re-sorts at run time.
 */
import type { Insight } from '../src/engine/define-insight.js';
import accessAnalyzerEnabled from './account/access-analyzer-enabled.js';
import cloudtrailBucketAccessLogging from './cloudtrail/cloudtrail-bucket-access-logging.js';
import cloudtrailKmsEncryption from './cloudtrail/cloudtrail-kms-encryption.js';
import cloudtrailLogFileValidation from './cloudtrail/cloudtrail-log-file-validation.js';
import cloudtrailMultiRegion from './account/cloudtrail-multi-region.js';
import cloudwatchAlarmCloudtrailChanges from './cloudwatch/cloudwatch-alarm-cloudtrail-changes.js';
import cloudwatchAlarmCmkDisableOrDeletion from './cloudwatch/cloudwatch-alarm-cmk-disable-or-deletion.js';
import cloudwatchAlarmConfigChanges from './cloudwatch/cloudwatch-alarm-config-changes.js';
import cloudwatchAlarmConsoleAuthFailures from './cloudwatch/cloudwatch-alarm-console-auth-failures.js';
import cloudwatchAlarmConsoleSigninWithoutMfa from './cloudwatch/cloudwatch-alarm-console-signin-without-mfa.js';
import cloudwatchAlarmIamPolicyChanges from './cloudwatch/cloudwatch-alarm-iam-policy-changes.js';
import cloudwatchAlarmNaclChanges from './cloudwatch/cloudwatch-alarm-nacl-changes.js';
import cloudwatchAlarmNetworkGatewayChanges from './cloudwatch/cloudwatch-alarm-network-gateway-changes.js';
import cloudwatchAlarmOrganizationsChanges from './cloudwatch/cloudwatch-alarm-organizations-changes.js';
import cloudwatchAlarmRootUsage from './cloudwatch/cloudwatch-alarm-root-usage.js';
import cloudwatchAlarmRouteTableChanges from './cloudwatch/cloudwatch-alarm-route-table-changes.js';
import cloudwatchAlarmS3BucketPolicyChanges from './cloudwatch/cloudwatch-alarm-s3-bucket-policy-changes.js';
import cloudwatchAlarmSecurityGroupChanges from './cloudwatch/cloudwatch-alarm-security-group-changes.js';
import cloudwatchAlarmUnauthorizedApiCalls from './cloudwatch/cloudwatch-alarm-unauthorized-api-calls.js';
import cloudwatchAlarmVpcChanges from './cloudwatch/cloudwatch-alarm-vpc-changes.js';
import configRecorderEnabled from './account/config-recorder-enabled.js';
import ec2EbsDefaultEncryption from './ec2/ec2-ebs-default-encryption.js';
import ec2EbsEncrypted from './ec2/ec2-ebs-encrypted.js';
import ec2InstanceImdsv2 from './ec2/ec2-instance-imdsv2.js';
import ec2InstanceNoInstanceStore from './ec2/ec2-instance-no-instance-store.js';
import ec2InstanceProfileAttached from './ec2/ec2-instance-profile-attached.js';
import ec2NaclAdminPortsOpen from './ec2/ec2-nacl-admin-ports-open.js';
import ec2SgAdminPortsOpen from './ec2/ec2-sg-admin-ports-open.js';
import ec2SgCifsOpen from './ec2/ec2-sg-cifs-open.js';
import ec2SgDefaultRestrictsAll from './ec2/ec2-sg-default-restricts-all.js';
import ec2VpcFlowLogs from './ec2/ec2-vpc-flow-logs.js';
import efsEncrypted from './efs/efs-encrypted.js';
import iamAccessKeyAge from './iam/iam-access-key-age.js';
import iamAccessKeyUnused from './iam/iam-access-key-unused.js';
import iamCredentialsUnused from './iam/iam-credentials-unused.js';
import iamGroupEmpty from './iam/iam-group-empty.js';
import iamPasswordPolicy from './iam/iam-password-policy.js';
import iamPolicyAdminStar from './iam/iam-policy-admin-star.js';
import iamRootAccessKeys from './iam/iam-root-access-keys.js';
import iamRootMfa from './iam/iam-root-mfa.js';
import iamServerCertificateExpired from './iam/iam-server-certificate-expired.js';
import iamSupportRole from './iam/iam-support-role.js';
import iamUserDirectPolicies from './iam/iam-user-direct-policies.js';
import iamUserMfa from './iam/iam-user-mfa.js';
import kmsKeyImportedMaterialExpiry from './kms/kms-key-imported-material-expiry.js';
import kmsKeyPendingDeletion from './kms/kms-key-pending-deletion.js';
import kmsKeyPolicyPublic from './kms/kms-key-policy-public.js';
import kmsKeyRotation from './kms/kms-key-rotation.js';
import kmsSharedKeyImportedMaterial from './kms/kms-shared-key-imported-material.js';
import kmsSharedKeyUsable from './kms/kms-shared-key-usable.js';
import rdsClusterEncrypted from './rds/rds-cluster-encrypted.js';
import rdsClusterEncryptionCmk from './rds/rds-cluster-encryption-cmk.js';
import rdsClusterMultiAz from './rds/rds-cluster-multi-az.js';
import rdsClusterPublic from './rds/rds-cluster-public.js';
import rdsInstanceAuditLogAlarm from './rds/rds-instance-audit-log-alarm.js';
import rdsInstanceAuditLogs from './rds/rds-instance-audit-logs.js';
import rdsInstanceAutoMinorUpgrade from './rds/rds-instance-auto-minor-upgrade.js';
import rdsInstanceBackupRetention from './rds/rds-instance-backup-retention.js';
import rdsInstanceEncrypted from './rds/rds-instance-encrypted.js';
import rdsInstanceEncryptionCmk from './rds/rds-instance-encryption-cmk.js';
import rdsInstanceMultiAz from './rds/rds-instance-multi-az.js';
import rdsInstancePublic from './rds/rds-instance-public.js';
import rdsSnapshotPublic from './rds/rds-snapshot-public.js';
import regionAllowed from './organisation/region-allowed.js';
import s3AccountPublicAccessBlock from './s3/s3-account-public-access-block.js';
import s3BucketBlockPublicAccess from './s3/s3-bucket-block-public-access.js';
import s3BucketEncryptionCmk from './s3/s3-bucket-encryption-cmk.js';
import s3BucketLifecycleArchive from './s3/s3-bucket-lifecycle-archive.js';
import s3BucketMfaDelete from './s3/s3-bucket-mfa-delete.js';
import s3BucketObjectLock from './s3/s3-bucket-object-lock.js';
import s3BucketObjectReadEvents from './cloudtrail/s3-bucket-object-read-events.js';
import s3BucketObjectWriteEvents from './cloudtrail/s3-bucket-object-write-events.js';
import s3BucketPublic from './s3/s3-bucket-public.js';
import s3BucketTlsOnly from './s3/s3-bucket-tls-only.js';
import s3BucketVersioning from './s3/s3-bucket-versioning.js';
import securityhubEnabled from './account/securityhub-enabled.js';
import tagsRequired from './organisation/tags-required.js';
import wafWebAclIpAllowList from './wafv2/waf-web-acl-ip-allow-list.js';

export const builtinInsights: readonly Insight[] = [
  accessAnalyzerEnabled,
  cloudtrailBucketAccessLogging,
  cloudtrailKmsEncryption,
  cloudtrailLogFileValidation,
  cloudtrailMultiRegion,
  cloudwatchAlarmCloudtrailChanges,
  cloudwatchAlarmCmkDisableOrDeletion,
  cloudwatchAlarmConfigChanges,
  cloudwatchAlarmConsoleAuthFailures,
  cloudwatchAlarmConsoleSigninWithoutMfa,
  cloudwatchAlarmIamPolicyChanges,
  cloudwatchAlarmNaclChanges,
  cloudwatchAlarmNetworkGatewayChanges,
  cloudwatchAlarmOrganizationsChanges,
  cloudwatchAlarmRootUsage,
  cloudwatchAlarmRouteTableChanges,
  cloudwatchAlarmS3BucketPolicyChanges,
  cloudwatchAlarmSecurityGroupChanges,
  cloudwatchAlarmUnauthorizedApiCalls,
  cloudwatchAlarmVpcChanges,
  configRecorderEnabled,
  ec2EbsDefaultEncryption,
  ec2EbsEncrypted,
  ec2InstanceImdsv2,
  ec2InstanceNoInstanceStore,
  ec2InstanceProfileAttached,
  ec2NaclAdminPortsOpen,
  ec2SgAdminPortsOpen,
  ec2SgCifsOpen,
  ec2SgDefaultRestrictsAll,
  ec2VpcFlowLogs,
  efsEncrypted,
  iamAccessKeyAge,
  iamAccessKeyUnused,
  iamCredentialsUnused,
  iamGroupEmpty,
  iamPasswordPolicy,
  iamPolicyAdminStar,
  iamRootAccessKeys,
  iamRootMfa,
  iamServerCertificateExpired,
  iamSupportRole,
  iamUserDirectPolicies,
  iamUserMfa,
  kmsKeyImportedMaterialExpiry,
  kmsKeyPendingDeletion,
  kmsKeyPolicyPublic,
  kmsKeyRotation,
  kmsSharedKeyImportedMaterial,
  kmsSharedKeyUsable,
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
  regionAllowed,
  s3AccountPublicAccessBlock,
  s3BucketBlockPublicAccess,
  s3BucketEncryptionCmk,
  s3BucketLifecycleArchive,
  s3BucketMfaDelete,
  s3BucketObjectLock,
  s3BucketObjectReadEvents,
  s3BucketObjectWriteEvents,
  s3BucketPublic,
  s3BucketTlsOnly,
  s3BucketVersioning,
  securityhubEnabled,
  tagsRequired,
  wafWebAclIpAllowList,
];
