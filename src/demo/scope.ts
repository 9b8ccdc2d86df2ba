/**
 * What every workload factory of the demo generator is handed: the account it builds in, the
 * organisation around it, a seeded random stream and the collection clock. Dates are always
 * relative to the collection time, so the demo ages the same way whenever it is run.
 */
import type { AccountEntry } from '../config/account-entry.js';
import type { EnvelopeOverrides } from '../model/builders.js';
import type { Tags } from '../model/resource.js';
import type { Maybe } from '../model/unknown.js';
import { Random } from './random.js';

const DAY_MS = 86_400_000;
const HOUR_MS = 3_600_000;

/** A bank the SaaS provider hosts, in a single-tenant account of its own. */
export interface Tenant {
  /** The bank's name, as `AccountEntry.tenant` carries it: `Harbor Bank`. */
  readonly name: string;
  /** Lower-case, hyphenated: `harbor-bank`; the prefix of the tenant's resource names. */
  readonly slug: string;
  /** The bank's own AWS account: it owns the shared key and is not scanned. */
  readonly bankAccountId: string;
  /** The bank-owned customer-managed key, shared with the tenant account. */
  readonly bankKeyArn: string;
  /** The region of the bank key and of the tenant's regulated data. */
  readonly homeRegion: string;
  /** The bank's networks, the only ones its portal may be reached from (what a configuration names as allowedCidrs). */
  readonly bankCidrs: readonly string[];
}

export type AccountRole = 'tenant' | 'shared-services' | 'development' | 'security';

export interface AccountPlan {
  readonly entry: AccountEntry;
  readonly role: AccountRole;
  /** The prefix of the account's resource names. */
  readonly slug: string;
  readonly homeRegion: string;
  readonly tenant: Tenant | undefined;
  readonly costCenter: string;
  readonly environment: string;
  /** The seed of the account's own random stream. */
  readonly seed: number;
}

/** Facts about the whole organisation that accounts refer to. */
export interface OrgFacts {
  /** The SaaS provider's name prefix: `ledgerline`. */
  readonly company: string;
  readonly regions: readonly [string, string];
  readonly strayRegion: string;
  readonly securityAccountId: string;
  readonly orgTrailArn: string;
  readonly logArchiveBucket: string;
  /** Object ARN prefixes (`arn:aws:s3:::harbor-bank-`) of the banks' buckets, whose object reads the organization trail records. */
  readonly bankBucketArnPrefixes: readonly string[];
  readonly collectedAt: string;
}

/** Dates relative to the collection time. */
export class Clock {
  private readonly epoch: number;

  constructor(iso: string) {
    this.epoch = Date.parse(iso);
  }

  daysAgo(days: number): string {
    return new Date(this.epoch - Math.round(days * DAY_MS)).toISOString();
  }

  hoursAgo(hours: number): string {
    return new Date(this.epoch - Math.round(hours * HOUR_MS)).toISOString();
  }

  daysAhead(days: number): string {
    return new Date(this.epoch + Math.round(days * DAY_MS)).toISOString();
  }
}

export interface Vpc {
  readonly vpcId: string;
  readonly subnetIds: readonly [string, string, string];
  /** The second octet of the VPC's 10.x.0.0/16 block. */
  readonly octet: number;
}

export class AccountScope {
  readonly accountId: string;
  readonly rng: Random;
  readonly clock: Clock;
  /** The account's S3 canonical user id, the owner of its buckets' ACLs. */
  readonly canonicalId: string;
  private readonly baseTags: Tags;
  private readonly vpcs = new Map<string, Vpc>();
  private readonly rdsHashes = new Map<string, string>();
  private readonly claimed = new Set<string>();

  constructor(
    readonly plan: AccountPlan,
    readonly org: OrgFacts,
  ) {
    this.accountId = plan.entry.id;
    this.rng = new Random(plan.seed);
    this.clock = new Clock(org.collectedAt);
    this.canonicalId = this.rng.hex(64);
    const base: Record<string, string> = { 'cost-center': plan.costCenter, environment: plan.environment };
    if (plan.tenant !== undefined) base['tenant'] = plan.tenant.slug;
    this.baseTags = base;
  }

  get slug(): string {
    return this.plan.slug;
  }

  get tenant(): Tenant | undefined {
    return this.plan.tenant;
  }

  /** The account's standard tags plus the owner and any extra ones. */
  tags(owner: string, extra: Tags = {}): Tags {
    return { owner, ...this.baseTags, ...extra };
  }

  /**
   * Standard tags, except that with the given probability the cost-center tag was forgotten —
   * the most common tagging slip.
   */
  sloppyTags(owner: string, extra: Tags, forgetProbability: number): Tags {
    const tags = this.tags(owner, extra);
    if (this.rng.chance(forgetProbability)) delete tags['cost-center'];
    return tags;
  }

  envelope(region: string, id: string, name: string, tags: Maybe<Tags>, createdAt?: string): EnvelopeOverrides {
    const envelope: EnvelopeOverrides = {
      accountId: this.accountId,
      region,
      id,
      name,
      tags,
      source: 'synthetic',
      observedAt: this.org.collectedAt,
    };
    if (createdAt !== undefined) envelope.createdAt = createdAt;
    return envelope;
  }

  /** The account's application VPC in a region (one per region, created on first use). */
  vpc(region: string): Vpc {
    let vpc = this.vpcs.get(region);
    if (vpc === undefined) {
      vpc = {
        vpcId: `vpc-${this.rng.hex(17)}`,
        subnetIds: [`subnet-${this.rng.hex(17)}`, `subnet-${this.rng.hex(17)}`, `subnet-${this.rng.hex(17)}`],
        octet: this.rng.int(16, 250),
      };
      this.vpcs.set(region, vpc);
    }
    return vpc;
  }

  /** True the first time a key is claimed: for what an account has once per region (its VPC, its alert topic). */
  claim(key: string): boolean {
    if (this.claimed.has(key)) return false;
    this.claimed.add(key);
    return true;
  }

  /** A private address in the region's VPC. */
  privateIp(region: string): string {
    return `10.${this.vpc(region).octet}.${this.rng.int(0, 47)}.${this.rng.int(4, 250)}`;
  }

  /** The per-account, per-region part of RDS endpoints (`<id>.<hash>.<region>.rds.amazonaws.com`). */
  rdsHash(region: string): string {
    let hash = this.rdsHashes.get(region);
    if (hash === undefined) {
      hash = this.rng.lowerAlnum(12);
      this.rdsHashes.set(region, hash);
    }
    return hash;
  }

  /** A globally unique bucket name: `<prefix>-<purpose>[-<suffix>]-<account id>`. */
  bucketName(purpose: string, suffix = ''): string {
    const name = `${this.slug}-${purpose}${suffix}-${this.accountId}`;
    if (name.length > 63) throw new Error(`bucket name longer than 63 characters: ${name}`);
    return name;
  }
}
