/**
 * The accounts of the demo organisation: Ledgerline, a SaaS provider that hosts banks, one
 * single-tenant production account per bank, plus shared services, development and security
 * (log archive). For benchmarks, more bank tenants are planned the same way.
 */
import type { AccountEntry } from '../config/account-entry.js';
import { Random, deriveSeed } from './random.js';
import type { AccountPlan, OrgFacts, Tenant } from './scope.js';
import { trailArn } from './workloads/operations.js';

export const COMPANY = 'ledgerline';
export const DEMO_REGIONS = ['us-east-1', 'eu-west-1'] as const;
export const STRAY_REGION = 'ap-southeast-2';
export const COLLECTED_AT = '2026-11-20T06:00:00.000Z';
export const ORG_TRAIL = `${COMPANY}-org-trail`;
const EMAIL_DOMAIN = 'ledgerline.example';

/** Hands out distinct 12-digit account ids. */
export class AccountIds {
  private readonly used = new Set<string>();
  private readonly rng: Random;

  constructor(seed: number) {
    this.rng = new Random(deriveSeed(seed, 'account-ids'));
  }

  next(): string {
    for (;;) {
      const id = this.rng.digits(12);
      if (!this.used.has(id)) {
        this.used.add(id);
        return id;
      }
    }
  }
}

export interface DemoPlan {
  org: OrgFacts;
  harbor: AccountPlan;
  northwind: AccountPlan;
  shared: AccountPlan;
  dev: AccountPlan;
  security: AccountPlan;
  ids: AccountIds;
}

interface TenantInput {
  name: string;
  slug: string;
  homeRegion: string;
  timeZone: string;
  costCenter: string;
  /** The bank's networks; default: a /24 drawn for it. */
  bankCidrs?: readonly string[];
}

function tenantPlan(seed: number, ids: AccountIds, input: TenantInput): AccountPlan {
  const bankAccountId = ids.next();
  const accountId = ids.next();
  const keyRng = new Random(deriveSeed(seed, 'bank-key', input.slug));
  const tenant: Tenant = {
    name: input.name,
    slug: input.slug,
    bankAccountId,
    bankKeyArn: `arn:aws:kms:${input.homeRegion}:${bankAccountId}:key/${keyRng.uuid()}`,
    homeRegion: input.homeRegion,
    // Drawn after the key, so that the key stays as it was.
    bankCidrs: input.bankCidrs ?? [`${keyRng.int(11, 99)}.${keyRng.int(0, 255)}.${keyRng.int(0, 255)}.0/24`],
  };
  const entry: AccountEntry = {
    id: accountId,
    name: `${input.slug}-prod`,
    environment: 'production',
    tenant: input.name,
    timeZone: input.timeZone,
    tags: { 'cost-center': input.costCenter, environment: 'production', tenant: input.slug, 'data-class': 'restricted' },
    owner: { name: `${input.name} delivery team`, email: `${input.slug}-delivery@${EMAIL_DOMAIN}`, slack: `#tenant-${input.slug}` },
  };
  return {
    entry,
    role: 'tenant',
    slug: input.slug,
    homeRegion: input.homeRegion,
    tenant,
    costCenter: input.costCenter,
    environment: 'production',
    seed: deriveSeed(seed, 'account', entry.name),
  };
}

function internalPlan(
  seed: number,
  id: string,
  input: { name: string; slug: string; environment: string; role: AccountPlan['role']; costCenter: string; team: string },
): AccountPlan {
  const entry: AccountEntry = {
    id,
    name: input.name,
    environment: input.environment,
    timeZone: 'America/New_York',
    tags: { 'cost-center': input.costCenter, environment: input.environment },
    owner: { name: `${input.team} team`, email: `${input.team}@${EMAIL_DOMAIN}`, slack: `#${input.team}` },
  };
  return {
    entry,
    role: input.role,
    slug: input.slug,
    homeRegion: DEMO_REGIONS[0],
    tenant: undefined,
    costCenter: input.costCenter,
    environment: input.environment,
    seed: deriveSeed(seed, 'account', input.name),
  };
}

export function planDemo(seed: number): DemoPlan {
  const ids = new AccountIds(seed);
  const harbor = tenantPlan(seed, ids, {
    name: 'Harbor Bank',
    slug: 'harbor-bank',
    homeRegion: 'us-east-1',
    timeZone: 'America/New_York',
    costCenter: 'CC-2101',
    // Documentation ranges (RFC 5737, RFC 3849).
    bankCidrs: ['198.51.100.0/24', '2001:db8:4a0::/48'],
  });
  const northwind = tenantPlan(seed, ids, {
    name: 'Northwind Savings',
    slug: 'northwind-savings',
    homeRegion: 'eu-west-1',
    timeZone: 'Europe/London',
    costCenter: 'CC-2102',
    bankCidrs: ['203.0.113.0/24'],
  });
  const security = internalPlan(seed, ids.next(), {
    name: `${COMPANY}-security`,
    slug: `${COMPANY}-security`,
    environment: 'security',
    role: 'security',
    costCenter: 'CC-1200',
    team: 'security',
  });
  const shared = internalPlan(seed, ids.next(), {
    name: `${COMPANY}-shared-services`,
    slug: COMPANY,
    environment: 'production',
    role: 'shared-services',
    costCenter: 'CC-1000',
    team: 'platform',
  });
  const dev = internalPlan(seed, ids.next(), {
    name: `${COMPANY}-dev`,
    slug: `${COMPANY}-dev`,
    environment: 'development',
    role: 'development',
    costCenter: 'CC-1100',
    team: 'engineering',
  });
  const org: OrgFacts = {
    company: COMPANY,
    regions: DEMO_REGIONS,
    strayRegion: STRAY_REGION,
    securityAccountId: security.entry.id,
    orgTrailArn: trailArn(security.entry.id, DEMO_REGIONS[0], ORG_TRAIL),
    logArchiveBucket: `${security.slug}-log-archive-${security.entry.id}`,
    bankBucketArnPrefixes: [harbor, northwind].map((bank) => `arn:aws:s3:::${bank.slug}-`),
    collectedAt: COLLECTED_AT,
  };
  return { org, harbor, northwind, shared, dev, security, ids };
}

const PREFIXES = [
  'Cedar',
  'Granite',
  'Lakeshore',
  'Summit',
  'Riverbend',
  'Bluewater',
  'Ironwood',
  'Meadow',
  'Pioneer',
  'Keystone',
  'Redwood',
  'Prairie',
  'Coastal',
  'Liberty',
  'Beacon',
  'Sterling',
  'Evergreen',
  'Frontier',
  'Heritage',
  'Juniper',
  'Maple',
  'Oakridge',
  'Pinnacle',
  'Quarry',
  'Sandstone',
  'Tidewater',
  'Union',
  'Valley',
  'Westfield',
  'Yellowstone',
] as const;
const SUFFIXES = ['Bank', 'Savings', 'Trust', 'Credit Union', 'Bancorp', 'Financial'] as const;
const TIME_ZONES: Record<string, readonly string[]> = {
  'us-east-1': ['America/New_York', 'America/Chicago', 'America/Denver'],
  'eu-west-1': ['Europe/London', 'Europe/Dublin', 'Europe/Amsterdam'],
};

/** The name of the k-th generated bank (distinct from each other and from the demo's two). */
export function bankName(k: number): string {
  const prefix = PREFIXES[k % PREFIXES.length] ?? 'Cedar';
  const round = Math.floor(k / PREFIXES.length);
  const suffix = SUFFIXES[round % SUFFIXES.length] ?? 'Bank';
  const edition = Math.floor(round / SUFFIXES.length);
  return edition === 0 ? `${prefix} ${suffix}` : `${prefix} ${suffix} ${edition + 1}`;
}

/** Bank tenants beyond the demo's two, for benchmarks. */
export function planScaledTenants(seed: number, ids: AccountIds, count: number): AccountPlan[] {
  const plans: AccountPlan[] = [];
  const rng = new Random(deriveSeed(seed, 'scaled-tenants'));
  for (let k = 0; k < count; k++) {
    const name = bankName(k);
    const homeRegion = DEMO_REGIONS[k % 2] ?? DEMO_REGIONS[0];
    plans.push(
      tenantPlan(seed, ids, {
        name,
        slug: name.toLowerCase().replace(/ /g, '-'),
        homeRegion,
        timeZone: rng.pick(TIME_ZONES[homeRegion] ?? ['UTC']),
        costCenter: `CC-${3000 + k}`,
      }),
    );
  }
  return plans;
}
