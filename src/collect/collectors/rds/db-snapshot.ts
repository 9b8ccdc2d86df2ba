/**
 * `AWS::RDS::DBSnapshot`, per region: every page of DescribeDBSnapshots — the account's own
 * snapshots (manual, automated, AWS Backup), not those other accounts share with it — then, as the
 * selection asks, who may restore each: DescribeDBSnapshotAttributes' `restore` attribute. That call
 * is made for every snapshot but the automated ones, which RDS does not let anyone share (their
 * restore list is empty without asking). A snapshot deleted between the two calls is left out and
 * named in coverage.
 */
import { DescribeDBSnapshotAttributesCommand, DescribeDBSnapshotsCommand, type DBSnapshot, type Tag } from '@aws-sdk/client-rds';
import { arnFor } from '../../../model/arn.js';
import type { CollectedConfig } from '../../../model/resource.js';
import type { RdsDbSnapshotConfig } from '../../../model/types/rds/db-snapshot.js';
import type { Maybe } from '../../../model/unknown.js';
import type { CallRef, CollectContext, ResourceRef } from '../../contract/collect-context.js';
import { defineCollector } from '../../contract/collector.js';
import { isoDate, tagMap, listedOnce } from '../../contract/normalise.js';
import { readAllPages } from '../../contract/paginate.js';
import { missing, reported } from '../../contract/reported.js';

type Ctx = CollectContext<'AWS::RDS::DBSnapshot'>;

/** DescribeDBSnapshots' MaxRecords is 20 to 100. */
const PAGE_SIZE = 100;

/**
 * The error a deleted snapshot answers with: the wire code, and the SDK's exception name (what an
 * exception built without the wire body carries).
 */
const SNAPSHOT_GONE: ReadonlySet<string> = new Set(['DBSnapshotNotFound', 'DBSnapshotNotFoundFault']);

/** The snapshot was deleted after the listing. */
const GONE = Symbol('gone');

export default defineCollector({
  resourceType: 'AWS::RDS::DBSnapshot',
  service: 'rds',
  scope: 'region',
  operations: [
    {
      operation: 'DescribeDBSnapshots',
      iamAction: 'rds:DescribeDBSnapshots',
      fills: ['dbInstanceIdentifier', 'snapshotType', 'engine', 'status', 'encrypted', 'kmsKeyId', 'snapshotCreateTime', 'name', 'tags', 'createdAt'],
      required: true,
      lists: true,
    },
    { operation: 'DescribeDBSnapshotAttributes', iamAction: 'rds:DescribeDBSnapshotAttributes', fills: ['restoreAccounts'] },
  ],
  async collect(ctx) {
    const listed = await readAllPages(ctx, {
      command: (marker) =>
        new DescribeDBSnapshotsCommand({
          // Shared and public snapshots belong to other accounts, which judge them.
          IncludeShared: false,
          IncludePublic: false,
          MaxRecords: PAGE_SIZE,
          ...(marker !== undefined ? { Marker: marker } : {}),
        }),
      items: (page) => page.DBSnapshots,
      next: (page) => ({ token: page.Marker, truncated: false }),
    });
    const call: CallRef = { service: 'rds', operation: 'DescribeDBSnapshots', region: ctx.region };
    await Promise.all(
      listedOnce(
        ctx,
        call,
        listed.items,
        (snapshot) => (snapshot.DBSnapshotIdentifier === undefined ? undefined : (snapshot.DBSnapshotArn ?? snapshot.DBSnapshotIdentifier)),
        'DBSnapshotIdentifier',
      ).map((snapshot) => collectSnapshot(ctx, snapshot, call)),
    );
  },
});

/** The accounts allowed to restore the snapshot (`all`: public); GONE when the snapshot no longer exists. */
async function restoreAccounts(
  ctx: Ctx,
  id: string,
  snapshotType: Maybe<string>,
  ref: ResourceRef,
): Promise<RdsDbSnapshotConfig['restoreAccounts'] | typeof GONE> {
  if (snapshotType === 'automated') return [];
  if (!ctx.runs('DescribeDBSnapshotAttributes')) return ctx.notCollected('DescribeDBSnapshotAttributes');
  const outcome = await ctx.send(new DescribeDBSnapshotAttributesCommand({ DBSnapshotIdentifier: id }));
  if (!outcome.ok) {
    if (SNAPSHOT_GONE.has(outcome.failure.code)) {
      ctx.unreadable(
        outcome.call,
        outcome.failure.code,
        `the snapshot was listed by DescribeDBSnapshots but no longer exists (${outcome.failure.message}); it is left out`,
        ref,
      );
      return GONE;
    }
    return ctx.unknownOf(outcome, ref);
  }
  const result = outcome.value.DBSnapshotAttributesResult;
  if (result === undefined) return missing(ctx, outcome.call, 'DBSnapshotAttributesResult', ref);
  return (result.DBSnapshotAttributes ?? [])
    .filter((attribute) => attribute.AttributeName === 'restore')
    .flatMap((attribute) => attribute.AttributeValues ?? []);
}

async function collectSnapshot(ctx: Ctx, snapshot: DBSnapshot, call: CallRef): Promise<void> {
  const id = snapshot.DBSnapshotIdentifier;
  if (id === undefined) return;
  const arn = snapshot.DBSnapshotArn ?? arnFor('AWS::RDS::DBSnapshot', ctx.accountId, ctx.region, id, ctx.partition);
  const ref: ResourceRef = { arn };
  const snapshotType = reported(ctx, call, snapshot.SnapshotType, 'SnapshotType', ref);
  const restore = await restoreAccounts(ctx, id, snapshotType, ref);
  if (restore === GONE) return;

  const encrypted = reported(ctx, call, snapshot.Encrypted, 'Encrypted', ref);
  const config: CollectedConfig<RdsDbSnapshotConfig> = {
    dbInstanceIdentifier: reported(ctx, call, snapshot.DBInstanceIdentifier, 'DBInstanceIdentifier', ref),
    snapshotType,
    engine: reported(ctx, call, snapshot.Engine, 'Engine', ref),
    status: reported(ctx, call, snapshot.Status, 'Status', ref),
    encrypted,
    // RDS reports a key for encrypted snapshots only; an encrypted one without it cannot be read as "the AWS-managed key".
    kmsKeyId: snapshot.KmsKeyId !== undefined ? snapshot.KmsKeyId : encrypted === false ? null : missing(ctx, call, 'KmsKeyId', ref),
    restoreAccounts: restore,
    // None while the snapshot is being created.
    snapshotCreateTime: isoDate(snapshot.SnapshotCreateTime),
  };

  const created = isoDate(snapshot.SnapshotCreateTime);
  const resource = ctx.resource({
    arn,
    id,
    tags: tagMap<Tag>(
      snapshot.TagList,
      (tag) => tag.Key,
      (tag) => tag.Value,
    ),
    config,
    createdAt: created,
  });
  ctx.emit(resource);
}
