import { defineInsight } from '../../src/engine/define-insight.js';
import { evaluateRegionAllowed } from '../judges/region-policy.js';

export default defineInsight({
  id: 'region-allowed',
  title: 'Resources live only in the allowed regions',
  resourceType: '*',
  severity: 'high',
  description:
    'Checks every regional resource against the allowed regions of the configuration (regions.allowed). Global resources and account or region settings are not placed by anyone and are not applicable.',
  rationale:
    'Bank clients contract for data residency: a database or bucket in a region outside the agreed ones breaks the contract and usually escapes the controls (logging, Config, backups) set up in the approved regions. A stray resource is often a forgotten experiment or a compromised account mining in a far region.',
  remediation: {
    cli: 'Move or recreate the resource in an allowed region, then delete it: e.g. aws s3 sync s3://<bucket> s3://<bucket-in-allowed-region> && aws s3 rb s3://<bucket> --force',
    console:
      'Recreate the resource in an allowed region and delete the stray one; then deny the region with a service control policy (aws:RequestedRegion) so it cannot happen again.',
  },
  reads: { self: ['region'] },
  evaluate: (resource, { settings, verdict }) => evaluateRegionAllowed(resource, settings, verdict),
});
