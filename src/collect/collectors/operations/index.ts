/** operations collectors, sorted by resource type; joined in ../index.ts. */
import type { AnyResourceCollector, AnySettingsCollector } from '../../collector.js';

export const operationsResourceCollectors: readonly AnyResourceCollector[] = [];

export const operationsSettingsCollectors: readonly AnySettingsCollector[] = [];
