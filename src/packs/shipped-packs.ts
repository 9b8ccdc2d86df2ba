/** The packs that ship with Vigil, explicitly listed (no globbing). */
import { join } from 'node:path';
import { packageRoot } from '../package-root.js';

export const shippedPackIds = ['bank-saas', 'cis-aws', 'soc2'] as const;

export function shippedPackFiles(): string[] {
  return shippedPackIds.map((id) => join(packageRoot(), 'packs', `${id}.yaml`));
}
