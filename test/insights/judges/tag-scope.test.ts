import { describe, expect, it } from 'vitest';
import { outsideTagScope } from '../../../insights/judges/tag-scope.js';
import { verdict } from '../../../src/engine/verdict.js';
import { unknown } from '../../../src/model/unknown.js';

describe('tag scope of an insight', () => {
  const selector = { purpose: ['trade-records', 'ledger'] };

  it('keeps resources whose tags match, and every resource with an empty selector', () => {
    expect(outsideTagScope({ purpose: 'ledger' }, selector, 'bucketTags', verdict)).toBeUndefined();
    expect(outsideTagScope({}, {}, 'bucketTags', verdict)).toBeUndefined();
    expect(outsideTagScope(unknown('AccessDenied'), {}, 'bucketTags', verdict)).toBeUndefined();
  });

  it('leaves out resources whose tags do not match', () => {
    expect(outsideTagScope({ purpose: 'logs' }, selector, 'bucketTags', verdict)).toMatchObject({
      status: 'not-applicable',
      reason: expect.stringMatching(/bucketTags/),
    });
    expect(outsideTagScope({}, selector, 'bucketTags', verdict)?.status).toBe('not-applicable');
  });

  it('cannot decide the scope of a resource whose tags could not be read', () => {
    expect(outsideTagScope(unknown('AccessDenied: s3:GetBucketTagging'), selector, 'bucketTags', verdict)).toMatchObject({
      status: 'error',
      reason: expect.stringMatching(/AccessDenied/),
    });
  });
});
