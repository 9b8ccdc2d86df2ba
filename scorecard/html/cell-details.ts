/**
 * What a click on a cell shows, as one compact JSON block: the failing resources once each (as
 * rows of fields, each repeated value written once), and per cell of each table the indexes of its rows. 60,000 cells stay one
 * small block instead of 60,000 pre-rendered tables.
 */
import { controlKey } from '../scorecard-input.js';
import type { ScorecardOutput } from '../scorecard-schema.js';

export const detailFields = ['resource', 'arn', 'type', 'region', 'severity', 'status', 'reason', 'owner', 'firstSeen', 'exemption', 'insight'] as const;

/** The fields given literally in each issue row; every later field is an index into `values`. */
export const literalFields = 2;

export interface CellDetails {
  readonly fields: typeof detailFields;
  /** The values of the fields after the first {@link literalFields}, once each: types, regions, reasons and owners repeat. */
  readonly values: readonly (string | null)[];
  readonly issues: readonly (readonly (string | number)[])[];
  /** `row:column` of the controls table → issue indexes. */
  readonly controls: Readonly<Record<string, readonly number[]>>;
  /** `row:column` of the by-insight table → issue indexes. */
  readonly insights: Readonly<Record<string, readonly number[]>>;
}

export function cellDetails(output: ScorecardOutput): CellDetails {
  const column = new Map(output.accounts.map((account, index) => [account.id, index]));
  const controlRow = new Map(output.controls.map((control, index) => [controlKey(control.pack, control.id), index]));
  const insightRow = new Map(output.insights.map((insight, index) => [insight.id, index]));
  const controls: Record<string, number[]> = {};
  const insights: Record<string, number[]> = {};
  const add = (into: Record<string, number[]>, row: number | undefined, col: number, issue: number) => {
    if (row === undefined) return;
    (into[`${row}:${col}`] ??= []).push(issue);
  };
  const values: (string | null)[] = [];
  const valueIndex = new Map<string | null, number>();
  const valueOf = (value: string | null): number => {
    let index = valueIndex.get(value);
    if (index === undefined) {
      index = values.push(value) - 1;
      valueIndex.set(value, index);
    }
    return index;
  };
  const issues = output.issues.map((issue, index) => {
    const col = column.get(issue.account)!;
    for (const ref of issue.controls) add(controls, controlRow.get(controlKey(ref.pack, ref.control)), col, index);
    add(insights, insightRow.get(issue.insight), col, index);
    const exemption =
      issue.exemption === null ? null : `${issue.exemption.reason} (approved by ${issue.exemption.approvedBy}, expires ${issue.exemption.expires})`;
    return [
      issue.resource.name,
      issue.resource.arn,
      ...[issue.resource.type, issue.region, issue.severity, issue.status, issue.reason, issue.owner, issue.firstSeen, exemption, issue.insight].map(valueOf),
    ];
  });
  return { fields: detailFields, values, issues, controls, insights };
}
