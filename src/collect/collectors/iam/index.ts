/** iam collectors, sorted by resource type; joined in ../index.ts. */
import type { AnyResourceCollector, AnySettingsCollector } from '../../collector.js';

export const iamResourceCollectors: readonly AnyResourceCollector[] = [];

export const iamSettingsCollectors: readonly AnySettingsCollector[] = [];
