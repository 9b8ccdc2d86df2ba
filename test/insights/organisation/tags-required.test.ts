import tagsRequired from '../../../insights/organisation/tags-required.js';
import { accountRegion, iamPolicy, kmsKey, kmsSharedKey, notebook, s3Bucket } from '../../../src/model/builders.js';
import { unknown } from '../../../src/model/unknown.js';
import { testInsight } from '../../support/insight-tester.js';

const policy = { requiredTags: { '*': ['owner'], 'AWS::SageMaker::NotebookInstance': ['project'] } };

testInsight(tagsRequired, [
  { name: 'bucket with its owner', resource: s3Bucket({}, { tags: { owner: 'payments' } }), settings: policy, status: 'pass' },
  {
    name: 'untagged notebook',
    resource: notebook({}, { tags: {} }),
    settings: policy,
    status: 'fail',
    reason: /owner, project/,
    evidence: { missing: ['owner', 'project'] },
  },
  {
    name: 'notebook without its type-specific tag',
    resource: notebook({}, { tags: { owner: 'quants' } }),
    settings: policy,
    status: 'fail',
    evidence: { missing: ['project'] },
  },
  { name: 'empty owner value', resource: s3Bucket({}, { tags: { owner: ' ' } }), settings: policy, status: 'fail' },
  { name: 'tags could not be read', resource: s3Bucket({}, { tags: unknown('AccessDenied: s3:GetBucketTagging') }), settings: policy, status: 'error' },
  { name: 'no tagging policy', resource: s3Bucket({}, { tags: {} }), status: 'not-applicable' },
  { name: 'region settings cannot be tagged', resource: accountRegion(), settings: policy, status: 'not-applicable' },
  { name: 'AWS-managed key', resource: kmsKey({ manager: 'AWS' }, { tags: {} }), settings: policy, status: 'not-applicable', reason: /AWS-managed keys/ },
  {
    name: "another account's key as this account sees it",
    resource: kmsSharedKey(),
    settings: policy,
    status: 'not-applicable',
    reason: /tagged by its owner/,
  },
  {
    name: 'untagged customer-managed key',
    resource: kmsKey({ manager: 'CUSTOMER' }, { tags: {} }),
    settings: policy,
    status: 'fail',
    evidence: { missing: ['owner'] },
  },
  {
    name: 'AWS-managed policy',
    resource: iamPolicy({ awsManaged: true }, { tags: {} }),
    settings: policy,
    status: 'not-applicable',
    reason: /AWS-managed policies/,
  },
  {
    name: 'untagged customer-managed policy',
    resource: iamPolicy({ awsManaged: false }, { tags: {} }),
    settings: policy,
    status: 'fail',
    evidence: { missing: ['owner'] },
  },
]);
