/**
 * The fifteen CIS 5.x insights against their pattern table: one insight per control, and a
 * remediation whose commands create exactly what the insight then passes — a metric filter whose
 * pattern matches, publishing the metric the alarm watches.
 */
import { describe, expect, it } from 'vitest';
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { builtinInsights } from '../../../insights/index.js';
import { packageRoot } from '../../../src/package-root.js';
import { cisFilterPatterns, type CisPatternKey } from '../../../src/analysis/monitoring/cis-filter-patterns.js';
import { matchFilterPattern } from '../../../src/analysis/monitoring/filter-pattern.js';

const PREFIX = 'cloudwatch-alarm-';
const cloudwatchInsights = builtinInsights.filter((insight) => insight.id.startsWith(PREFIX));
/** The insight files of insights/cloudwatch (not the factory beside them). */
const cloudwatchFiles = readdirSync(join(packageRoot(), 'insights', 'cloudwatch')).filter((name) => !name.startsWith('define-'));

describe('the CIS 5.x monitoring insights', () => {
  it('are one per control 5.1 to 5.15, named after their pattern', () => {
    const keys = cloudwatchInsights.map((insight) => insight.id.slice(PREFIX.length));
    expect(cloudwatchFiles.map((name) => name.replace(/\.ts$/, '')).sort()).toEqual(cloudwatchInsights.map((insight) => insight.id).sort());
    expect([...keys].sort()).toEqual(Object.keys(cisFilterPatterns).sort());
    expect(keys.map((key) => cisFilterPatterns[key as CisPatternKey].control).sort((a, b) => Number(a.slice(2)) - Number(b.slice(2)))).toEqual(
      Array.from({ length: 15 }, (_, i) => `5.${i + 1}`),
    );
  });

  for (const insight of cloudwatchInsights) {
    const key = insight.id.slice(PREFIX.length) as CisPatternKey;
    it(`${insight.id}: the remediation creates a matching filter and an alarm on its metric`, () => {
      const { cli } = insight.remediation;
      const filterPattern = /--filter-pattern '([^']+)'/.exec(cli)?.[1];
      expect(filterPattern, 'a --filter-pattern in single quotes').toBeDefined();
      expect(matchFilterPattern(filterPattern as string, cisFilterPatterns[key])).toEqual({ matches: true });
      const published = /metricName=([A-Za-z0-9]+),metricNamespace=([A-Za-z0-9]+)/.exec(cli);
      const watched = /put-metric-alarm .*--metric-name ([A-Za-z0-9]+) --namespace ([A-Za-z0-9]+)/.exec(cli);
      expect(watched?.slice(1)).toEqual(published?.slice(1));
      expect(cli).toMatch(/--alarm-actions <sns-topic-arn>/);
      expect(insight.description).toContain(`CIS ${cisFilterPatterns[key].control} pattern`);
      expect(insight.rationale).toContain(`(CIS AWS ${cisFilterPatterns[key].control})`);
    });
  }
});
