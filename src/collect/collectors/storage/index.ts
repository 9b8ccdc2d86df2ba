/** storage collectors, sorted by resource type; joined in ../index.ts. */
import type { AnyResourceCollector, AnySettingsCollector } from '../../collector.js';
import efsFileSystem from './efs-file-system.js';

export const storageResourceCollectors: readonly AnyResourceCollector[] = [efsFileSystem];

export const storageSettingsCollectors: readonly AnySettingsCollector[] = [];
