/** The bots that ship with Vigil, explicitly listed (no globbing). */
import { join } from 'node:path';
import { packageRoot } from '../package-root.js';

export const shippedBotIds = [
  'db-backup-retention',
  'deployer-keys-business-hours',
  'disallowed-region-cleanup',
  'external-ip-db',
  'iam-access-key-rotation',
  'iam-hygiene',
  'kms-key-rotation',
  'notebook-sleeper',
  'public-bucket-fix',
  'stack-cleanup',
  'step-function-failures',
  'storage-running-out',
  'unencrypted-db-alert',
] as const;

export function shippedBotFiles(): string[] {
  return shippedBotIds.map((id) => join(packageRoot(), 'bots', `${id}.yaml`));
}
