/** The bots that ship with Vigil, explicitly listed (no globbing). */
import { join } from 'node:path';
import { packageRoot } from '../package-root.js';

export const shippedBotIds = ['deployer-keys-business-hours', 'external-ip-db', 'kms-key-rotation', 'public-bucket-fix'] as const;

export function shippedBotFiles(): string[] {
  return shippedBotIds.map((id) => join(packageRoot(), 'bots', `${id}.yaml`));
}
