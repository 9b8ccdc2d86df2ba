/** The bot actions, explicitly listed and sorted by id (no discovery). */
import type { AnyBotAction } from './define-action.js';
import cloudformationDeleteStack from './cloudformation-delete-stack.js';
import ec2StopInstance from './ec2-stop-instance.js';
import iamActivateAccessKey from './iam-activate-access-key.js';
import iamDeactivateAccessKey from './iam-deactivate-access-key.js';
import iamDeleteAccessKey from './iam-delete-access-key.js';
import kmsEnableRotation from './kms-enable-rotation.js';
import kmsImportMaterialReminder from './kms-import-material-reminder.js';
import lookupCreator from './lookup-creator.js';
import markForOp from './mark-for-op.js';
import notify from './notify.js';
import rdsDelete from './rds-delete.js';
import rdsDeleteSnapshot from './rds-delete-snapshot.js';
import rdsDisablePublicAccess from './rds-disable-public-access.js';
import rdsFreeStorageAlert from './rds-free-storage-alert.js';
import rdsSetBackupRetention from './rds-set-backup-retention.js';
import rdsSnapshot from './rds-snapshot.js';
import s3AccountBlockPublicAccess from './s3-account-block-public-access.js';
import s3BlockPublicAccess from './s3-block-public-access.js';
import s3RemovePublicAclGrants from './s3-remove-public-acl-grants.js';
import s3RemovePublicPolicyStatements from './s3-remove-public-policy-statements.js';
import sagemakerStopNotebook from './sagemaker-stop-notebook.js';
import sfnReportFailures from './sfn-report-failures.js';
import tag from './tag.js';

export const botActions: readonly AnyBotAction[] = [
  cloudformationDeleteStack,
  ec2StopInstance,
  iamActivateAccessKey,
  iamDeactivateAccessKey,
  iamDeleteAccessKey,
  kmsEnableRotation,
  kmsImportMaterialReminder,
  lookupCreator,
  markForOp,
  notify,
  rdsDelete,
  rdsDeleteSnapshot,
  rdsDisablePublicAccess,
  rdsFreeStorageAlert,
  rdsSetBackupRetention,
  rdsSnapshot,
  s3AccountBlockPublicAccess,
  s3BlockPublicAccess,
  s3RemovePublicAclGrants,
  s3RemovePublicPolicyStatements,
  sagemakerStopNotebook,
  sfnReportFailures,
  tag,
];

const byId = new Map(botActions.map((action) => [action.id, action]));

export function botAction(id: string): AnyBotAction | undefined {
  return byId.get(id);
}
