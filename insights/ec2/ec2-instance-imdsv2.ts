import { defineInsight } from '../../src/engine/define-insight.js';
import { isInstanceGone } from '../../src/analysis/instance-state.js';
import { isUnknown } from '../../src/model/unknown.js';

export default defineInsight({
  id: 'ec2-instance-imdsv2',
  title: 'EC2 instances require IMDSv2',
  resourceType: 'AWS::EC2::Instance',
  severity: 'medium',
  description:
    'Checks that the instance metadata service requires session tokens (IMDSv2), or is turned off. Stopped instances are judged, as they start again with the same setting; terminated instances are not applicable.',
  rationale:
    'IMDSv1 answers any GET request, so a server-side request forgery or an open proxy on the instance hands out its role credentials; IMDSv2 requires a PUT-issued token that such requests cannot get (CIS AWS 6.7).',
  remediation: {
    cli: 'aws ec2 modify-instance-metadata-options --instance-id <instance-id> --http-tokens required --http-endpoint enabled',
    console: 'EC2 console > Instances > the instance > Actions > Instance settings > Modify instance metadata options > IMDSv2: Required.',
  },
  reads: { self: ['state', 'metadataOptions'] },
  evaluate(instance, { verdict }) {
    const { state, metadataOptions } = instance.config;
    if (isInstanceGone(state)) return verdict.notApplicable(`the instance is ${state}`);
    if (isUnknown(metadataOptions)) return verdict.unreadable('metadata options', metadataOptions);
    if (metadataOptions.httpEndpoint === 'disabled') return verdict.pass('the instance metadata service is turned off');
    if (metadataOptions.httpTokens === 'required') return verdict.pass('the instance metadata service requires IMDSv2 tokens');
    return verdict.fail('the instance metadata service accepts IMDSv1 requests without a token', { metadataOptions });
  },
});
