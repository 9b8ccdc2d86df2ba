/**
 * The instance storage of EC2 instance types, for the `instanceStorage` of `AWS::EC2::Instance`.
 * It is a property of the type, not of the instance, so the region's distinct types are described
 * together — at most 100 names a DescribeInstanceTypes call, as EC2 accepts — never once per
 * instance. A failed call leaves the storage of its types unknown; a type the answer leaves out is
 * unknown too, and coverage names it.
 */
import { DescribeInstanceTypesCommand, type _InstanceType, type InstanceTypeInfo } from '@aws-sdk/client-ec2';
import type { Ec2InstanceConfig } from '../../../model/types/ec2/instance.js';
import type { CallRef, CollectContext } from '../../contract/collect-context.js';
import { readAllPages } from '../../contract/paginate.js';
import { missing } from '../../contract/reported.js';
import { UNEXPECTED_RESPONSE } from '../../contract/read-problem.js';

type Ctx = CollectContext<'AWS::EC2::Instance'>;
type InstanceStorage = Ec2InstanceConfig['instanceStorage'];

/** The instance storage of an instance type (one of those asked about). */
export type StorageOfType = (instanceType: string) => InstanceStorage;

/** DescribeInstanceTypes takes up to 100 instance types a call. */
const TYPES_PER_CALL = 100;
/** Its MaxResults is 5 to 100. */
const PAGE_SIZE = 100;

/** The storage of each of the instance types, described in as few calls as EC2 allows. */
export async function instanceStorageByType(ctx: Ctx, instanceTypes: readonly _InstanceType[]): Promise<StorageOfType> {
  if (!ctx.runs('DescribeInstanceTypes')) {
    const notCollected = ctx.notCollected('DescribeInstanceTypes');
    return () => notCollected;
  }
  const distinct = [...new Set(instanceTypes)].sort();
  const batches: _InstanceType[][] = [];
  for (let i = 0; i < distinct.length; i += TYPES_PER_CALL) batches.push(distinct.slice(i, i + TYPES_PER_CALL));
  const storage = new Map<string, InstanceStorage>();
  await Promise.all(batches.map(async (batch) => describeBatch(ctx, batch, storage)));
  return (instanceType) => {
    const found = storage.get(instanceType);
    if (found === undefined) throw new Error(`instance type ${instanceType} was not among those described`);
    return found;
  };
}

async function describeBatch(ctx: Ctx, batch: readonly _InstanceType[], storage: Map<string, InstanceStorage>): Promise<void> {
  const pages = await readAllPages(ctx, {
    command: (token) =>
      new DescribeInstanceTypesCommand({
        InstanceTypes: [...batch],
        // An instance may run a type no longer offered in its region; it is still described.
        IncludeUnsupportedInRegion: true,
        MaxResults: PAGE_SIZE,
        ...(token !== undefined ? { NextToken: token } : {}),
      }),
    items: (page) => page.InstanceTypes,
    next: (page) => ({ token: page.NextToken, truncated: false }),
  });
  if (pages.unknown !== undefined) {
    for (const instanceType of batch) storage.set(instanceType, pages.unknown);
    return;
  }
  const call: CallRef = { service: 'ec2', operation: 'DescribeInstanceTypes', region: ctx.region };
  const described = new Map(pages.items.flatMap((info) => (info.InstanceType !== undefined ? [[info.InstanceType as string, info] as const] : [])));
  for (const instanceType of batch) {
    const info = described.get(instanceType);
    storage.set(
      instanceType,
      info === undefined
        ? ctx.unreadable(call, UNEXPECTED_RESPONSE, `DescribeInstanceTypes did not describe the instance type ${instanceType}`)
        : storageOf(ctx, call, info, instanceType),
    );
  }
}

function storageOf(ctx: Ctx, call: CallRef, info: InstanceTypeInfo, instanceType: string): InstanceStorage {
  const absent = (field: string) => missing(ctx, call, `${field} for ${instanceType}`, {});
  if (info.InstanceStorageSupported === undefined) return absent('InstanceStorageSupported');
  if (!info.InstanceStorageSupported) return null;
  const storageInfo = info.InstanceStorageInfo;
  if (storageInfo === undefined) return absent('InstanceStorageInfo');
  if (storageInfo.TotalSizeInGB === undefined) return absent('InstanceStorageInfo.TotalSizeInGB');
  if (storageInfo.Disks === undefined) return absent('InstanceStorageInfo.Disks');
  if (storageInfo.NvmeSupport === undefined) return absent('InstanceStorageInfo.NvmeSupport');
  let disks = 0;
  for (const disk of storageInfo.Disks) {
    if (disk.Count === undefined) return absent('InstanceStorageInfo.Disks[].Count');
    disks += disk.Count;
  }
  return { totalSizeGiB: storageInfo.TotalSizeInGB, disks, nvme: storageInfo.NvmeSupport };
}
