/**
 * After a scan: the exemptions' ARN patterns that matched no failing finding of their insight —
 * a typo, a resource deleted long ago, or a pattern that does not mean what its author thought.
 * Each is a warning naming the file, line and pattern; the scan itself stands.
 */
import { problem, type Problem } from '../input/problem.js';
import type { ExemptionIndex } from './exemption-matcher.js';

/** @param ran the insights the scan ran: an exemption of another insight had nothing to match. */
export function unmatchedPatternWarnings(index: ExemptionIndex, ran: ReadonlySet<string>): Problem[] {
  const warnings: Problem[] = [];
  for (const compiled of index.active) {
    if (!ran.has(compiled.exemption.insight)) continue;
    (compiled.exemption.resources ?? []).forEach((pattern, at) => {
      if (compiled.matchedPatterns.has(at)) return;
      const site = compiled.patternSites[at] ?? { line: 1, column: 1 };
      warnings.push(
        problem(
          compiled.file,
          site.line,
          site.column,
          `exemption for ${compiled.exemption.insight}: resource pattern '${pattern}' matched no failing finding in this scan`,
          'warning',
        ),
      );
    });
  }
  return warnings;
}
