import { describe, expect, it } from 'vitest';
import { multiRegionTrailGaps } from '../../src/analysis/multi-region-trail.js';
import { cloudTrail } from '../../src/model/builders.js';
import { unknown } from '../../src/model/unknown.js';

describe('multiRegionTrailGaps', () => {
  it('finds none in a logging multi-region trail that records all management events', () => {
    expect(multiRegionTrailGaps(cloudTrail())).toEqual({ shortfalls: [], unreadable: [] });
  });

  it('names every shortfall', () => {
    expect(multiRegionTrailGaps(cloudTrail({ isMultiRegionTrail: false, isLogging: false, managementEvents: 'ReadOnly' })).shortfalls).toEqual([
      'single-region',
      'not logging',
      'ReadOnly management events only',
    ]);
    expect(multiRegionTrailGaps(cloudTrail({ managementEvents: 'None' })).shortfalls).toEqual(['no management events']);
  });

  it('keeps unreadable fields apart from shortfalls, with why', () => {
    expect(multiRegionTrailGaps(cloudTrail({ isMultiRegionTrail: false, isLogging: unknown('AccessDenied: cloudtrail:GetTrailStatus') }))).toEqual({
      shortfalls: ['single-region'],
      unreadable: ['logging status (AccessDenied: cloudtrail:GetTrailStatus)'],
    });
  });
});
