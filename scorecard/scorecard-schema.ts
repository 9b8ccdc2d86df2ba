/**
 * The scorecard's aggregates: what `vigil scorecard --format json` writes and what the HTML page is
 * rendered from (published as `schemas/scorecard.json`).
 */
import { Type, type Static } from '@sinclair/typebox';
import { ControlRef, FindingStatus } from '../src/findings/finding.js';
import { CountFields } from '../src/findings/scan-output.js';
import { ControlStatus } from '../src/findings/score.js';
import { Severity } from '../src/model/severity.js';
import { CoverageEntry } from '../src/snapshot/coverage.js';

const Score = Type.Union([Type.Number({ minimum: 0, maximum: 1 }), Type.Null()]);

/** Counts, score and coverage of a set of evaluations. */
const Tallied = {
  status: ControlStatus,
  score: Score,
  coverage: Score,
  ...CountFields,
};

export const ScorecardCell = Type.Object({ account: Type.String(), ...Tallied }, { additionalProperties: false });
export type ScorecardCell = Static<typeof ScorecardCell>;

export const DailyPoint = Type.Object({ date: Type.String({ format: 'date' }), score: Score }, { additionalProperties: false });

export const ScorecardOutput = Type.Object(
  {
    schemaVersion: Type.Literal(1),
    scan: Type.Object(
      { id: Type.String(), collectedAt: Type.String({ format: 'date-time' }), generatedAt: Type.String({ format: 'date-time' }) },
      { additionalProperties: false },
    ),
    /** The tenant this view is restricted to; null for the whole organisation. */
    tenant: Type.Union([Type.String(), Type.Null()]),
    /** Columns, grouped by environment. */
    accounts: Type.Array(
      Type.Object(
        {
          id: Type.String(),
          name: Type.String(),
          environment: Type.Optional(Type.String()),
          tenant: Type.Optional(Type.String()),
          group: Type.String(),
          ...Tallied,
        },
        { additionalProperties: false },
      ),
    ),
    packs: Type.Array(
      Type.Object(
        {
          id: Type.String(),
          name: Type.String(),
          version: Type.String(),
          ...Tallied,
          manualControls: Type.Integer({ minimum: 0 }),
          /** Score minus the previous day's; null without history. */
          change: Type.Union([Type.Number(), Type.Null()]),
          /** Daily scores, oldest first; empty without history. */
          trend: Type.Array(DailyPoint),
        },
        { additionalProperties: false },
      ),
    ),
    /** Rows of the heat map: pack controls grouped by pack and section, one cell per account. */
    controls: Type.Array(
      Type.Object(
        {
          pack: Type.String(),
          id: Type.String(),
          title: Type.String(),
          section: Type.Optional(Type.String()),
          manual: Type.Optional(Type.String()),
          /** The highest severity of its insights. */
          severity: Type.Union([Severity, Type.Null()]),
          ...Tallied,
          cells: Type.Array(ScorecardCell),
        },
        { additionalProperties: false },
      ),
    ),
    /** Rows of the "by insight" view. */
    insights: Type.Array(
      Type.Object(
        { id: Type.String(), title: Type.String(), severity: Severity, ...Tallied, cells: Type.Array(ScorecardCell) },
        { additionalProperties: false },
      ),
    ),
    /** Findings that did not pass, behind the cells. */
    issues: Type.Array(
      Type.Object(
        {
          id: Type.String(),
          insight: Type.String(),
          severity: Severity,
          status: FindingStatus,
          account: Type.String(),
          region: Type.String(),
          resource: Type.Object({ arn: Type.String(), type: Type.String(), name: Type.String() }, { additionalProperties: false }),
          reason: Type.String(),
          owner: Type.Union([Type.String(), Type.Null()]),
          /** From the store's history; null without it. */
          firstSeen: Type.Union([Type.String(), Type.Null()]),
          exemption: Type.Union([
            Type.Object({ reason: Type.String(), approvedBy: Type.String(), expires: Type.String() }, { additionalProperties: false }),
            Type.Null(),
          ]),
          controls: Type.Array(ControlRef),
        },
        { additionalProperties: false },
      ),
    ),
    coverageGaps: Type.Array(CoverageEntry),
  },
  { additionalProperties: false, $id: 'https://vigil.dev/schemas/scorecard.json', title: 'Vigil scorecard' },
);
export type ScorecardOutput = Static<typeof ScorecardOutput>;
export type ScorecardIssue = ScorecardOutput['issues'][number];
export type ScorecardRow = ScorecardOutput['controls'][number];
