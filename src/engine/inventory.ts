/**
 * Cross-resource lookups for insights: the security groups of a DB instance, the account's
 * public access block for a bucket, the KMS key behind an alias. Only the types that the selected
 * insights declare in `lookups` are held in memory, so a scan of a huge snapshot keeps little.
 */
import type { AnyCollectedResource, Resource } from '../model/resource.js';
import { GLOBAL_REGION } from '../model/resource.js';
import { definitionOf, type ResourceType } from '../model/resource-types.js';
import type { CoverageEntry } from '../snapshot/coverage.js';
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

/** The kept resources of one type in one account and region, in the order they were added, and by id. */
interface Kept {
  readonly resources: AnyCollectedResource[];
  readonly byId: Map<string, AnyCollectedResource>;
}

/** The kept resources of one account, by type: account-wide lists, and per region. */
interface AccountIndex {
  readonly byType: Map<ResourceType, AnyCollectedResource[]>;
  readonly regions: Map<string, Map<ResourceType, Kept>>;
}

/** Listing failures of a type: for any account, and narrowed to an account, and to its regions. */
interface Gaps {
  reason: string | undefined;
  readonly byAccount: Map<string, { reason: string | undefined; readonly byRegion: Map<string, string> }>;
}

/**
 * Indexed by account, then region, then type, so that a lookup is a few map reads on the strings
 * the resources already hold, never a key built per call. The insights of one resource look up
 * in its own account and region (and in its account's global scope): the last of each is kept at
 * hand, so the account and region are found once per resource.
 */
export class InMemoryInventory implements Inventory {
  private readonly byArn = new Map<string, AnyCollectedResource>();
  private readonly byType = new Map<ResourceType, AnyCollectedResource[]>();
  /**
   * Kept resources with an unreadable definite field, and the first such field: a lookup that
   * returns one throws {@link UnreadableLookupError}, so the insight gives `error` instead of
   * concluding from a value nobody read.
   */
  private readonly unreadable = new Map<AnyCollectedResource, UnreadableLookupError>();
  private readonly accounts = new Map<string, AccountIndex>();
  private readonly indexedTypes: Set<ResourceType>;
  /** Listing failures from the snapshot's coverage, by type. */
  private readonly listingGaps = new Map<string, Gaps>();
  /** The last regional and the last global scope looked up. */
  private readonly lastRegional: ScopeAtHand = { accountId: undefined, region: undefined, kept: undefined };
  private readonly lastGlobal: ScopeAtHand = { accountId: undefined, region: GLOBAL_REGION, kept: undefined };

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
    this.lastRegional.accountId = undefined;
    this.lastGlobal.accountId = undefined;
    const ofType = this.byType.get(resource.type) ?? [];
    const previous = this.byArn.get(resource.arn);
    // A resource added again replaces itself (rare: the same ARN twice in a snapshot).
    const at = previous === undefined ? -1 : ofType.indexOf(previous);
    if (at >= 0) ofType[at] = resource;
    else ofType.push(resource);
    this.byType.set(resource.type, ofType);
    if (previous !== undefined) this.forget(previous);

    let account = this.accounts.get(resource.accountId);
    if (account === undefined) {
      account = { byType: new Map(), regions: new Map() };
      this.accounts.set(resource.accountId, account);
    }
    const inAccount = account.byType.get(resource.type);
    if (inAccount === undefined) account.byType.set(resource.type, [resource]);
    else inAccount.push(resource);
    let regional = account.regions.get(resource.region);
    if (regional === undefined) {
      regional = new Map();
      account.regions.set(resource.region, regional);
    }
    let kept = regional.get(resource.type);
    if (kept === undefined) {
      kept = { resources: [], byId: new Map() };
      regional.set(resource.type, kept);
    }
    kept.resources.push(resource);
    kept.byId.set(resource.id, resource);
    for (const alt of alternativeIdsOf(resource)) kept.byId.set(alt, resource);
    const [first] = unreadableFieldsOf(resource) ?? [];
    if (first !== undefined) this.unreadable.set(resource, new UnreadableLookupError(resource, first[0], first[1]));
    this.byArn.set(resource.arn, resource);
  }

  /** Takes the listing failures from the snapshot's coverage (entries of a type that name no resource). */
  noteCoverage(entries: readonly CoverageEntry[]): void {
    for (const entry of entries) {
      if (entry.resourceType === undefined || entry.resourceArn !== undefined) continue;
      const reason = `${entry.service}:${entry.operation} failed in account ${entry.accountId}, ${entry.region} (${entry.error.code}: ${entry.error.message})`;
      let gaps = this.listingGaps.get(entry.resourceType);
      if (gaps === undefined) {
        gaps = { reason: undefined, byAccount: new Map() };
        this.listingGaps.set(entry.resourceType, gaps);
      }
      gaps.reason ??= reason;
      let inAccount = gaps.byAccount.get(entry.accountId);
      if (inAccount === undefined) {
        inAccount = { reason: undefined, byRegion: new Map() };
        gaps.byAccount.set(entry.accountId, inAccount);
      }
      inAccount.reason ??= reason;
      if (!inAccount.byRegion.has(entry.region)) inAccount.byRegion.set(entry.region, reason);
    }
  }

  listingGap(type: ResourceType, accountId?: string, region?: string): string | undefined {
    this.assertIndexed(type);
    const gaps = this.listingGaps.get(type);
    if (gaps === undefined || accountId === undefined) return gaps?.reason;
    const inAccount = gaps.byAccount.get(accountId);
    return region === undefined ? inAccount?.reason : inAccount?.byRegion.get(region);
  }

  get size(): number {
    return this.byArn.size;
  }

  get<T extends ResourceType>(type: T, arn: string): Resource<T> | undefined {
    const found = this.byArn.get(arn);
    if (found?.type === type) return this.readable<T>(found);
    this.assertIndexed(type);
    return undefined;
  }

  find<T extends ResourceType>(type: T, accountId: string, region: string, id: string): Resource<T> | undefined {
    const found = this.kept(accountId, region, type)?.byId.get(id);
    if (found !== undefined) return this.readable<T>(found);
    this.assertIndexed(type);
    return undefined;
  }

  list<T extends ResourceType>(type: T, accountId?: string, region?: string): readonly Resource<T>[] {
    const found =
      accountId === undefined
        ? this.byType.get(type)
        : region === undefined
          ? this.accounts.get(accountId)?.byType.get(type)
          : this.kept(accountId, region, type)?.resources;
    if (found !== undefined) {
      // A selection by content needs every member readable: the one unread could be the match.
      if (this.unreadable.size > 0) for (const resource of found) this.readable(resource);
      return found as unknown as Resource<T>[];
    }
    this.assertIndexed(type);
    return NONE as unknown as Resource<T>[];
  }

  /** The resource as the model types it; throws when one of its definite fields is unreadable. */
  private readable<T extends ResourceType>(resource: AnyCollectedResource): Resource<T> {
    if (this.unreadable.size > 0) {
      const unreadable = this.unreadable.get(resource);
      if (unreadable !== undefined) throw unreadable;
    }
    return resource as unknown as Resource<T>;
  }

  account(accountId: string): Resource<'AWS::Account'> | undefined {
    return this.find('AWS::Account', accountId, GLOBAL_REGION, accountId);
  }

  region(accountId: string, region: string): Resource<'AWS::Account::Region'> | undefined {
    return this.find('AWS::Account::Region', accountId, region, region);
  }

  /** The kept resources of the type in the account and region. */
  private kept(accountId: string, region: string, type: ResourceType): Kept | undefined {
    const atHand = region === GLOBAL_REGION ? this.lastGlobal : this.lastRegional;
    if (atHand.accountId !== accountId || atHand.region !== region) {
      atHand.accountId = accountId;
      atHand.region = region;
      atHand.kept = this.accounts.get(accountId)?.regions.get(region);
    }
    return atHand.kept?.get(type);
  }

  /** Drops a replaced resource from the account and region lists and the ids that still name it. */
  private forget(previous: AnyCollectedResource): void {
    this.unreadable.delete(previous);
    const account = this.accounts.get(previous.accountId);
    remove(account?.byType.get(previous.type), previous);
    const kept = account?.regions.get(previous.region)?.get(previous.type);
    if (kept === undefined) return;
    remove(kept.resources, previous);
    for (const [id, resource] of kept.byId) if (resource === previous) kept.byId.delete(id);
  }

  /** A lookup of an undeclared type is a programmer error: the insight must declare it. */
  private assertIndexed(type: ResourceType): void {
    if (!this.indexedTypes.has(type)) {
      throw new Error(`lookup of ${type}, which no selected insight declares in its lookups`);
    }
  }
}

/** A scope looked up last: its account and region, and what it keeps by type. */
interface ScopeAtHand {
  accountId: string | undefined;
  region: string | undefined;
  kept: Map<ResourceType, Kept> | undefined;
}

const NONE: readonly AnyCollectedResource[] = Object.freeze([]);

function remove(list: AnyCollectedResource[] | undefined, resource: AnyCollectedResource): void {
  const at = list?.indexOf(resource) ?? -1;
  if (at >= 0) list?.splice(at, 1);
}
