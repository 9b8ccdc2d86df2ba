/** The first line of a snapshot file: what was collected, when, how, and what could not be read. */
import { Type, type Static } from '@sinclair/typebox';
import { IsoDate } from '../model/common.js';
import { CoverageEntry } from './coverage.js';

export const SNAPSHOT_SCHEMA_VERSION = 1;

export const SnapshotAccount = Type.Object(
  {
    id: Type.String({ pattern: '^[0-9]{12}$' }),
    name: Type.Optional(Type.String()),
    regions: Type.Array(Type.String()),
    /** false when the account could not be scanned at all (e.g. AssumeRole failed). */
    scanned: Type.Optional(Type.Boolean()),
  },
  { additionalProperties: false },
);
export type SnapshotAccount = Static<typeof SnapshotAccount>;

export const SnapshotHeader = Type.Object(
  {
    kind: Type.Literal('vigil-snapshot'),
    schemaVersion: Type.Literal(SNAPSHOT_SCHEMA_VERSION),
    collectedAt: IsoDate,
    collector: Type.Object(
      {
        tool: Type.String(),
        version: Type.String(),
        source: Type.Union([Type.Literal('api'), Type.Literal('config'), Type.Literal('auto'), Type.Literal('synthetic')]),
        description: Type.Optional(Type.String()),
      },
      { additionalProperties: false },
    ),
    accounts: Type.Array(SnapshotAccount),
    coverage: Type.Array(CoverageEntry),
    /** API calls the collection made, per service: calls, retries, throttles, failures. */
    calls: Type.Optional(
      Type.Record(
        Type.String(),
        Type.Object(
          {
            calls: Type.Integer({ minimum: 0 }),
            retries: Type.Integer({ minimum: 0 }),
            throttles: Type.Integer({ minimum: 0 }),
            failures: Type.Integer({ minimum: 0 }),
          },
          { additionalProperties: false },
        ),
      ),
    ),
    /**
     * When true, the file ends with a trailer line `{"kind":"vigil-snapshot-end","resources":N}`
     * and a file without it is truncated.
     */
    trailer: Type.Optional(Type.Boolean()),
  },
  { additionalProperties: false, $id: 'https://vigil.dev/schemas/snapshot-header.json', title: 'Vigil snapshot header line' },
);
export type SnapshotHeader = Static<typeof SnapshotHeader>;

export const SnapshotTrailer = Type.Object(
  { kind: Type.Literal('vigil-snapshot-end'), resources: Type.Integer({ minimum: 0 }) },
  { additionalProperties: false },
);
export type SnapshotTrailer = Static<typeof SnapshotTrailer>;
