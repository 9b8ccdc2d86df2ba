/**
 * Cross-resource lookups for insights: the security groups of a DB instance, the account's
 * public access block for a bucket, the KMS key behind an alias. Only the types that the selected
 * insights declare in `lookups` are held in memory, so a scan of a huge snapshot keeps little.
 */
import type { AnyCollectedResource, Resource } from '../model/resource.js';
import { GLOBAL_REGION } from '../model/resource.js';
import { definitionOf, type ResourceType } from '../model/resource-types.js';
import type { CoverageEntry } from '../inventory/coverage.js';
import { unreadableFieldsOf, UnreadableLookupError } from './unreadable-fields.js';

export interface Inventory {
  /** The resource with this ARN. */
  get<T extends ResourceType>(type: T, arn: string): Resource<T> | undefined;
  /** The resource of this type with this id (or alias, for KMS keys) in the account and region. */
  find<T extends ResourceType>(type: T, accountId: string, region: string, id: string): Resource<T> | undefined;
  /**
   * Every kept resource of the type, optionally only those of one account (and region), in the
   * order they were added: for lookups that select by content rather than by id — the alarms on
   * a metric, the trails that deliver to a bucket. Meant for types of which an account has few.
   */
  list<T extends ResourceType>(type: T, accountId?: string, region?: string): readonly Resource<T>[];
  /** The account-wide settings resource, when collected. */
  account(accountId: string): Resource<'AWS::Account'> | undefined;
  /** The region-wide settings resource, when collected. */
  region(accountId: string, region: string): Resource<'AWS::Account::Region'> | undefined;
  /**
   * Why resources of the type may be missing from the inventory in the account (and region; any
   * account when none is named): a collection failure of the type that concerned no single
   * resource — a listing call denied, a page that failed. Undefined when the snapshot records
   * none. An insight that concludes from absence ("no alarm watches the metric") asks this first,
   * so a listing that could not be read gives `error`, not a verdict on what was not seen.
   */
  listingGap(type: ResourceType, accountId?: string, region?: string): string | undefined;
}

/** The config fields the alternative ids of a type come from (empty: resources are found by id only). */
export function alternativeIdFields(type: ResourceType): readonly string[] {
  return definitionOf(type).alternativeIds?.fields ?? [];
}

/** The other ids a resource is referenced by (a KMS key's aliases), from its type's definition. */
function alternativeIdsOf(resource: AnyCollectedResource): readonly string[] {
  const alternatives = definitionOf(resource.type).alternativeIds as { ids(config: unknown): readonly string[] } | undefined;
  return alternatives?.ids(resource.config) ?? [];
}

export class InMemoryInventory implements Inventory {
  private readonly byArn = new Map<string, AnyCollectedResource>();
  private readonly byId = new Map<string, AnyCollectedResource>();
  private readonly byType = new Map<ResourceType, AnyCollectedResource[]>();
  /** The same lists by type and account, and by type, account and region: `list` is a lookup, not a scan of the type. */
  private readonly byScope = new Map<string, AnyCollectedResource[]>();
  private readonly indexedTypes: Set<ResourceType>;
  /**
   * Kept resources with an unreadable definite field, and the first such field: a lookup that
   * returns one throws {@link UnreadableLookupError}, so the insight gives `error` instead of
   * concluding from a value nobody read.
   */
  private readonly unreadable = new Map<AnyCollectedResource, UnreadableLookupError>();
  /** Listing failures from the snapshot's coverage, keyed by type, by type and account, and by type, account and region. */
  private readonly listingGaps = new Map<string, string>();

  constructor(indexedTypes: Iterable<ResourceType> = []) {
    this.indexedTypes = new Set(indexedTypes);
  }

  /** Declares more types to keep (before resources are added). */
  keep(types: Iterable<ResourceType>): void {
    for (const type of types) this.indexedTypes.add(type);
  }

  /** Keeps the resource if its type is one that insights look up. */
  add(resource: AnyCollectedResource): void {
    if (!this.indexedTypes.has(resource.type)) return;
    const ofType = this.byType.get(resource.type) ?? [];
    const previous = this.byArn.get(resource.arn);
    // A resource added again replaces itself (rare: the same ARN twice in a snapshot).
    const at = previous === undefined ? -1 : ofType.indexOf(previous);
    if (at >= 0) ofType[at] = resource;
    else ofType.push(resource);
    if (previous !== undefined) this.unreadable.delete(previous);
    const [first] = unreadableFieldsOf(resource) ?? [];
    if (first !== undefined) this.unreadable.set(resource, new UnreadableLookupError(resource, first[0], first[1]));
    this.byType.set(resource.type, ofType);
    if (previous !== undefined) for (const key of scopeKeys(previous)) remove(this.byScope.get(key), previous);
    for (const key of scopeKeys(resource)) {
      const inScope = this.byScope.get(key);
      if (inScope === undefined) this.byScope.set(key, [resource]);
      else inScope.push(resource);
    }
    this.byArn.set(resource.arn, resource);
    this.byId.set(idKey(resource.type, resource.accountId, resource.region, resource.id), resource);
    for (const alt of alternativeIdsOf(resource)) {
      this.byId.set(idKey(resource.type, resource.accountId, resource.region, alt), resource);
    }
  }

  /** Takes the listing failures from the snapshot's coverage (entries of a type that name no resource). */
  noteCoverage(entries: readonly CoverageEntry[]): void {
    for (const entry of entries) {
      if (entry.resourceType === undefined || entry.resourceArn !== undefined) continue;
      const reason = `${entry.service}:${entry.operation} failed in account ${entry.accountId}, ${entry.region} (${entry.error.code}: ${entry.error.message})`;
      for (const key of [entry.resourceType, `${entry.resourceType}\u0000${entry.accountId}`, `${entry.resourceType}\u0000${entry.accountId}\u0000${entry.region}`]) {
        if (!this.listingGaps.has(key)) this.listingGaps.set(key, reason);
      }
    }
  }

  listingGap(type: ResourceType, accountId?: string, region?: string): string | undefined {
    this.assertIndexed(type);
    const key = accountId === undefined ? type : region === undefined ? `${type}\u0000${accountId}` : `${type}\u0000${accountId}\u0000${region}`;
    return this.listingGaps.get(key);
  }

  get size(): number {
    return this.byArn.size;
  }

  get<T extends ResourceType>(type: T, arn: string): Resource<T> | undefined {
    this.assertIndexed(type);
    const found = this.byArn.get(arn);
    return found?.type === type ? this.readable<T>(found) : undefined;
  }

  find<T extends ResourceType>(type: T, accountId: string, region: string, id: string): Resource<T> | undefined {
    this.assertIndexed(type);
    const found = this.byId.get(idKey(type, accountId, region, id));
    return found === undefined ? undefined : this.readable<T>(found);
  }

  list<T extends ResourceType>(type: T, accountId?: string, region?: string): readonly Resource<T>[] {
    this.assertIndexed(type);
    const key = accountId === undefined ? undefined : region === undefined ? `${type}\u0000${accountId}` : `${type}\u0000${accountId}\u0000${region}`;
    const found = (key === undefined ? this.byType.get(type) : this.byScope.get(key)) ?? NONE;
    // A selection by content needs every member readable: the one unread could be the match.
    if (this.unreadable.size > 0) for (const resource of found) this.readable(resource);
    return found as unknown as Resource<T>[];
  }

  /** The resource as the model types it; throws when one of its definite fields is unreadable. */
  private readable<T extends ResourceType>(resource: AnyCollectedResource): Resource<T> {
    const unreadable = this.unreadable.get(resource);
    if (unreadable !== undefined) throw unreadable;
    return resource as unknown as Resource<T>;
  }

  account(accountId: string): Resource<'AWS::Account'> | undefined {
    return this.find('AWS::Account', accountId, GLOBAL_REGION, accountId);
  }

  region(accountId: string, region: string): Resource<'AWS::Account::Region'> | undefined {
    return this.find('AWS::Account::Region', accountId, region, region);
  }

  /** A lookup of an undeclared type is a programmer error: the insight must declare it. */
  private assertIndexed(type: ResourceType): void {
    if (!this.indexedTypes.has(type)) {
      throw new Error(`lookup of ${type}, which no selected insight declares in its lookups`);
    }
  }
}

const NONE: readonly AnyCollectedResource[] = Object.freeze([]);

function scopeKeys(resource: AnyCollectedResource): [string, string] {
  const byAccount = `${resource.type}\u0000${resource.accountId}`;
  return [byAccount, `${byAccount}\u0000${resource.region}`];
}

function remove(list: AnyCollectedResource[] | undefined, resource: AnyCollectedResource): void {
  const at = list?.indexOf(resource) ?? -1;
  if (at >= 0) list?.splice(at, 1);
}

function idKey(type: string, accountId: string, region: string, id: string): string {
  return `${type}\u0000${accountId}\u0000${region}\u0000${id}`;
}
