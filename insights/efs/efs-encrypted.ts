import { defineInsight } from '../../src/engine/define-insight.js';
import { isUnknown } from '../../src/model/unknown.js';

const GONE = new Set(['deleting', 'deleted']);

export default defineInsight({
  id: 'efs-encrypted',
  title: 'EFS file systems are encrypted at rest',
  resourceType: 'AWS::EFS::FileSystem',
  severity: 'medium',
  description: 'Checks that an EFS file system is encrypted at rest. File systems being deleted or deleted are not applicable.',
  rationale:
    'Encryption at rest ties the file system\u2019s data, its backups and its replicas to a KMS key whose use is controlled and logged; EFS can only be encrypted when it is created, so an unencrypted file system stays so until its data moves (CIS AWS 3.3.1).',
  remediation: {
    cli: 'aws efs create-file-system --encrypted --kms-key-id <key-id> --creation-token <token>  # then copy the data (AWS DataSync or a backup restore) and move the mount targets',
    console:
      'EFS console > Create file system > Customize: Enable encryption of data at rest; copy the data from the unencrypted file system (DataSync, or restore an AWS Backup recovery point into the new one), then delete the old one.',
  },
  reads: { self: ['lifeCycleState', 'encrypted', 'kmsKeyId'] },
  evaluate(fileSystem, { verdict }) {
    const { lifeCycleState, encrypted, kmsKeyId } = fileSystem.config;
    if (GONE.has(lifeCycleState)) return verdict.notApplicable(`the file system is ${lifeCycleState}`);
    if (isUnknown(encrypted)) return verdict.unreadable('encryption status', encrypted);
    return encrypted
      ? verdict.pass(kmsKeyId === null ? 'the file system is encrypted at rest' : `the file system is encrypted at rest with ${kmsKeyId}`)
      : verdict.fail('the file system is not encrypted at rest', { encrypted, lifeCycleState });
  },
});
