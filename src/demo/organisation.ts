/**
 * The demo organisation that `vigil demo` scans and the benchmark scales up: Ledgerline, a SaaS
 * provider hosting banks. Deterministic for a seed (same seed, same resources, byte for byte) and
 * streamed, so that a benchmark of a million resources never holds them all in memory.
 *
 * Without `targetResources` it is the demo: two bank tenants (Harbor Bank, Northwind Savings), a
 * shared-services, a development and a security account, about 260 resources with a
 * believable mix of compliant and failing ones. With `targetResources: N` it adds generated bank
 * tenant accounts of 2,000–4,500 resources each until exactly N resources have been produced.
 */
import type { AccountEntry } from '../config/account-entry.js';
import type { AnyResource } from '../model/resource.js';
import { COLLECTED_AT, DEMO_REGIONS, planDemo, planScaledTenants } from './accounts.js';
import { harborBank, northwindSavings } from './programs/demo-tenants.js';
import { development, security, sharedServices } from './programs/platform.js';
import { scaledTenant } from './programs/tenant.js';
import { AccountScope, type AccountPlan, type OrgFacts } from './scope.js';
import { demoMoment, resourceAt, type DemoMoment } from './timeline.js';

export interface DemoOrganisation {
  accounts: AccountEntry[];
  /** The regions resources may live in; the demo has a stray resource outside them. */
  allowedRegions: string[];
  /** The region of that stray resource. */
  strayRegion: string;
  /** Tag keys every resource of a type must carry; `*` applies to all types. */
  requiredTags: Record<string, string[]>;
  /** The bank-owned customer-managed keys shared with the tenant accounts (not in the inventory). */
  bankKeyArns: string[];
  /** The banks' own AWS accounts, which own the shared keys; not scanned. */
  bankAccountIds: string[];
  /** Tenant account id → the ARN of its bank's key (what a configuration names as requiredKeyArns). */
  tenantKeys: Record<string, string>;
  /** Tenant account id → its bank's networks (what a configuration names as allowedCidrs). */
  tenantCidrs: Record<string, readonly string[]>;
  /** The resources, streamed; each call starts the same stream again. */
  resources(): Generator<AnyResource>;
  /** When the inventory was collected; every date in it is relative to this. */
  collectedAt: string;
}

export interface DemoOptions {
  seed?: number;
  /** Generate exactly this many resources (benchmarks), by adding bank tenant accounts. */
  targetResources?: number;
  /** The inventory as it was at one of the demo's moments (timeline.ts); default: the last. */
  moment?: string;
}

export const DEFAULT_SEED = 20_261_120;

/** The size a generated tenant account aims at. */
const RESOURCES_PER_ACCOUNT = 3_000;

type Program = (scope: AccountScope) => Generator<AnyResource>;

interface PlannedAccount {
  plan: AccountPlan;
  program: Program;
  /** At most this many resources of the account are emitted. */
  budget: number;
}

export function demoOrganisation(options: DemoOptions = {}): DemoOrganisation {
  const seed = options.seed ?? DEFAULT_SEED;
  const moment = options.moment === undefined ? undefined : demoMoment(options.moment);
  const demo = planDemo(seed);
  const { org } = demo;
  const planned: PlannedAccount[] = [
    { plan: demo.harbor, program: harborBank, budget: Infinity },
    { plan: demo.northwind, program: northwindSavings, budget: Infinity },
    { plan: demo.shared, program: sharedServices, budget: Infinity },
    { plan: demo.dev, program: development, budget: Infinity },
    { plan: demo.security, program: security, budget: Infinity },
  ];

  const target = options.targetResources;
  if (target !== undefined) {
    if (!Number.isSafeInteger(target) || target < 0) throw new Error(`targetResources must be a non-negative integer, not ${target}`);
    const counts = planned.map((account) => countOf(account, org));
    const demoCount = counts.reduce((sum, count) => sum + count, 0);
    if (target <= demoCount) {
      // Smaller than the demo itself: the demo, cut short.
      let left = target;
      planned.forEach((account, i) => {
        account.budget = Math.min(left, counts[i] ?? 0);
        left -= account.budget;
      });
    } else {
      const remaining = target - demoCount;
      const count = Math.max(1, Math.round(remaining / RESOURCES_PER_ACCOUNT));
      planScaledTenants(seed, demo.ids, count).forEach((plan, i) => {
        planned.push({ plan, program: scaledTenant, budget: Math.floor(remaining / count) + (i < remaining % count ? 1 : 0) });
      });
    }
  }

  const tenants = planned.flatMap((account) => (account.plan.tenant === undefined ? [] : [account.plan.tenant]));
  return {
    accounts: planned.filter((account) => account.budget > 0).map((account) => account.plan.entry),
    allowedRegions: [...DEMO_REGIONS],
    strayRegion: org.strayRegion,
    requiredTags: { '*': ['owner', 'cost-center'], 'AWS::SageMaker::NotebookInstance': ['owner', 'project'] },
    bankKeyArns: tenants.map((tenant) => tenant.bankKeyArn),
    bankAccountIds: tenants.map((tenant) => tenant.bankAccountId),
    tenantKeys: Object.fromEntries(
      planned.flatMap((account) =>
        account.plan.tenant === undefined || account.budget === 0 ? [] : [[account.plan.entry.id, account.plan.tenant.bankKeyArn]],
      ),
    ),
    tenantCidrs: Object.fromEntries(
      planned.flatMap((account) => (account.plan.tenant === undefined || account.budget === 0 ? [] : [[account.plan.entry.id, account.plan.tenant.bankCidrs]])),
    ),
    resources: () => stream(planned, org, moment),
    collectedAt: moment?.collectedAt ?? COLLECTED_AT,
  };
}

function countOf(account: PlannedAccount, org: OrgFacts): number {
  let count = 0;
  for (const _ of account.program(new AccountScope(account.plan, org))) count++;
  return count;
}

function* stream(planned: readonly PlannedAccount[], org: OrgFacts, moment: DemoMoment | undefined): Generator<AnyResource> {
  for (const account of planned) {
    if (account.budget <= 0) continue;
    // Each account draws from its own seeded stream, so accounts do not depend on one another.
    const resources = account.program(new AccountScope(account.plan, org));
    let emitted = 0;
    for (const resource of resources) {
      if (moment === undefined) yield resource;
      else {
        const then = resourceAt(resource, account.plan.entry.name, moment);
        if (then !== undefined) yield then;
      }
      if (++emitted >= account.budget) break;
    }
  }
}
