/** The schema of the findings file `vigil scan --format json` writes (and `vigil demo`). */
import { Type, type Static } from '@sinclair/typebox';
import { CoverageEntry } from '../snapshot/coverage.js';
import { Finding } from './finding.js';
import { ControlStatus } from './score.js';

const Score = Type.Union([Type.Number({ minimum: 0, maximum: 1 }), Type.Null()]);

export const CountFields = {
  pass: Type.Integer({ minimum: 0 }),
  fail: Type.Integer({ minimum: 0 }),
  error: Type.Integer({ minimum: 0 }),
  exempt: Type.Integer({ minimum: 0 }),
  notApplicable: Type.Integer({ minimum: 0 }),
};

export const ControlSummary = Type.Object(
  {
    id: Type.String(),
    title: Type.String(),
    section: Type.Optional(Type.String()),
    status: ControlStatus,
    score: Score,
    coverage: Score,
    ...CountFields,
    insights: Type.Array(Type.String()),
    manual: Type.Optional(Type.String({ description: 'Audit procedure of a manual control' })),
  },
  { additionalProperties: false },
);
export type ControlSummary = Static<typeof ControlSummary>;

export const PackSummary = Type.Object(
  {
    id: Type.String(),
    name: Type.String(),
    version: Type.String(),
    score: Score,
    coverage: Score,
    ...CountFields,
    controlsByStatus: Type.Record(ControlStatus, Type.Integer({ minimum: 0 })),
    controls: Type.Array(ControlSummary),
  },
  { additionalProperties: false },
);
export type PackSummary = Static<typeof PackSummary>;

export const ScanAccount = Type.Object(
  {
    id: Type.String(),
    name: Type.String(),
    environment: Type.Optional(Type.String()),
    tenant: Type.Optional(Type.String()),
    resources: Type.Integer({ minimum: 0 }),
  },
  { additionalProperties: false },
);

export const ScanOutput = Type.Object(
  {
    schemaVersion: Type.Literal(1),
    scan: Type.Object(
      {
        id: Type.String(),
        startedAt: Type.String({ format: 'date-time' }),
        finishedAt: Type.String({ format: 'date-time' }),
        source: Type.Object(
          {
            kind: Type.Literal('snapshot'),
            file: Type.String(),
            collectedAt: Type.String({ format: 'date-time' }),
            collector: Type.String(),
          },
          { additionalProperties: false },
        ),
        accounts: Type.Array(ScanAccount),
        coverage: Type.Array(CoverageEntry),
        resources: Type.Integer({ minimum: 0 }),
        evaluations: Type.Integer({ minimum: 0 }),
        packs: Type.Array(Type.String()),
        insights: Type.Array(Type.String()),
        /** The store's last complete scan of the same scope before this one (null: none); absent without a store. */
        previousScan: Type.Optional(Type.Union([Type.String(), Type.Null()])),
      },
      { additionalProperties: false },
    ),
    findings: Type.Array(Finding),
    summary: Type.Object(
      {
        packs: Type.Array(PackSummary),
        /** Failing findings (not exempt) by severity. */
        failingBySeverity: Type.Record(Type.String(), Type.Integer({ minimum: 0 })),
        ...CountFields,
      },
      { additionalProperties: false },
    ),
  },
  { additionalProperties: false, $id: 'https://vigil.dev/schemas/findings.json', title: 'Vigil scan findings' },
);
export type ScanOutput = Static<typeof ScanOutput>;
export type ScanSummary = ScanOutput['summary'];
export type ScanInfo = ScanOutput['scan'];
