/** operations collectors, sorted by resource type; joined in ../index.ts. */
import type { AnyResourceCollector, AnySettingsCollector } from '../../collector.js';
import accountRegionAccessAnalyzers from './account-region-access-analyzers.js';
import accountRegionConfigRecorders from './account-region-config-recorders.js';
import accountRegionSecurityHub from './account-region-security-hub.js';
import accountRegionTrails from './account-region-trails.js';
import cloudFormationStack from './cloudformation-stack.js';
import cloudTrailTrail from './cloudtrail-trail.js';
import sageMakerNotebookInstance from './sagemaker-notebook-instance.js';
import stepFunctionsStateMachine from './stepfunctions-state-machine.js';

export const operationsResourceCollectors: readonly AnyResourceCollector[] = [
  cloudFormationStack,
  cloudTrailTrail,
  sageMakerNotebookInstance,
  stepFunctionsStateMachine,
];

export const operationsSettingsCollectors: readonly AnySettingsCollector[] = [
  accountRegionAccessAnalyzers,
  accountRegionConfigRecorders,
  accountRegionSecurityHub,
  accountRegionTrails,
];
