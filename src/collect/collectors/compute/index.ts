/** compute collectors, sorted by resource type; joined in ../index.ts. */
import type { AnyResourceCollector, AnySettingsCollector } from '../../collector.js';

export const computeResourceCollectors: readonly AnyResourceCollector[] = [];

export const computeSettingsCollectors: readonly AnySettingsCollector[] = [];
