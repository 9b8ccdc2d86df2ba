import { describe, expect, it } from 'vitest';
import { evaluateRegionAllowed, regionScope } from '../../../insights/judges/region-policy.js';
import { account, accountRegion, ebsVolume, iamUser, s3Bucket } from '../../../src/model/builders.js';
import { verdict } from '../../../src/engine/verdict.js';

const euOnly = { allowedRegions: ['eu-west-1', 'eu-central-1'] };

describe('regionScope', () => {
  it('is unrestricted without allowed regions', () => {
    expect(regionScope('us-east-1', [])).toBe('unrestricted');
  });
  it('tells allowed from outside regions, exactly', () => {
    expect(regionScope('eu-west-1', euOnly.allowedRegions)).toBe('allowed');
    expect(regionScope('us-east-1', euOnly.allowedRegions)).toBe('outside');
    expect(regionScope('eu-west-10', euOnly.allowedRegions)).toBe('outside');
  });
});

describe('evaluateRegionAllowed', () => {
  it('passes a resource in an allowed region', () => {
    expect(evaluateRegionAllowed(ebsVolume({}, { region: 'eu-central-1' }), euOnly, verdict)).toMatchObject({ status: 'pass' });
  });

  it('fails a resource outside the allowed regions, with the evidence', () => {
    const result = evaluateRegionAllowed(s3Bucket({}, { region: 'us-east-1' }), euOnly, verdict);
    expect(result).toMatchObject({
      status: 'fail',
      reason: expect.stringMatching(/us-east-1 is not an allowed region/) as unknown,
      evidence: { region: 'us-east-1', allowedRegions: euOnly.allowedRegions },
    });
  });

  it('is not applicable without a region policy', () => {
    expect(evaluateRegionAllowed(ebsVolume({}, { region: 'us-east-1' }), { allowedRegions: [] }, verdict)).toMatchObject({ status: 'not-applicable' });
  });

  it('is not applicable to global resources', () => {
    expect(evaluateRegionAllowed(iamUser(), euOnly, verdict)).toMatchObject({ status: 'not-applicable', reason: /global/ });
  });

  it('is not applicable to account and region settings', () => {
    expect(evaluateRegionAllowed(account(), euOnly, verdict)).toMatchObject({ status: 'not-applicable' });
    expect(evaluateRegionAllowed(accountRegion({}, { region: 'us-east-1' }), euOnly, verdict)).toMatchObject({ status: 'not-applicable' });
  });
});
