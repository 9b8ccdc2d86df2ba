import { Type, type Static } from '@sinclair/typebox';

export const Severity = Type.Union([
  Type.Literal('critical'),
  Type.Literal('high'),
  Type.Literal('medium'),
  Type.Literal('low'),
  Type.Literal('informational'),
]);
export type Severity = Static<typeof Severity>;

/** Highest first. */
export const severities: readonly Severity[] = ['critical', 'high', 'medium', 'low', 'informational'];

export function severityRank(severity: Severity): number {
  return severities.length - severities.indexOf(severity);
}

/** Whether `severity` is at or above `threshold`. */
export function atOrAbove(severity: Severity, threshold: Severity): boolean {
  return severityRank(severity) >= severityRank(threshold);
}
