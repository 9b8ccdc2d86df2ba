import { defineInsight } from '../../src/engine/define-insight.js';
import { evaluateRequiredTags } from '../judges/required-tags.js';

export default defineInsight({
  id: 'tags-required',
  title: 'Resources carry the tags the tagging policy requires',
  resourceType: '*',
  severity: 'low',
  description:
    'Checks every resource for the tag keys the configuration requires (requiredTags: `*` for all types, or per resource type); an empty value counts as missing. Resources that cannot be tagged are not applicable.',
  rationale:
    'Owner and cost-center tags are how a finding reaches the person who can fix it, how costs are charged back to a bank client, and how bots decide what they may stop. An untagged notebook or bucket is one nobody answers for.',
  remediation: {
    cli: 'aws resourcegroupstaggingapi tag-resources --resource-arn-list <arn> --tags owner=<team>,cost-center=<code>',
    console: 'Open the resource in its console > Tags > Manage tags > add the missing keys; enforce them with an AWS Organizations tag policy.',
  },
  reads: { self: ['tags'], ofType: { 'AWS::KMS::Key': ['manager'], 'AWS::IAM::Policy': ['awsManaged'] } },
  evaluate: (resource, { settings, verdict }) => evaluateRequiredTags(resource, settings, verdict),
});
