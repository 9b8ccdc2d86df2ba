/**
 * The scan plan: which insights run, with which parameters, on which resource types, for which
 * pack controls. Built once before evaluation; the hot loop only indexes into it.
 */
import type { Insight } from './define-insight.js';
import type { ScanSettings } from './context.js';
import { resolveParams } from '../schemas/resolve-params.js';
import type { AccountEntry } from '../config/account-entry.js';
import type { Inventory } from './inventory.js';
import { ResourceMemo } from './resource-memo.js';
import { definiteFieldsRead } from './unreadable-fields.js';
import { verdict, type VerdictFactory } from './verdict.js';
import type { ResolvedPack } from '../packs/load-packs.js';
import type { ControlRef } from '../findings/finding.js';
import { resourceTypes, type ResourceType } from '../model/resource-types.js';
import { displayPath, fieldErrors } from '../input/ajv-messages.js';

/**
 * The context object of a binding; the engine sets `account` before each call (insights must not
 * keep it), and the verdict factory that matches what the scan writes.
 */
export interface BindingContext {
  params: Record<string, unknown>;
  now: Date;
  account: AccountEntry;
  settings: ScanSettings;
  inventory: Inventory;
  memo: ResourceMemo;
  verdict: VerdictFactory;
}

/** One insight with one set of effective parameters. */
export interface Binding {
  readonly index: number;
  readonly insight: Insight;
  readonly params: Record<string, unknown>;
  /** '' when the insight runs with one parameter set; otherwise tells its findings apart. */
  readonly variant: string;
  /** Parameters that differ from the insight's defaults (shown on findings). */
  readonly changedParams: Record<string, unknown> | undefined;
  /** Effective parameters of accounts that override some (account id → params); undefined when none do. */
  readonly paramsByAccount: ReadonlyMap<string, Record<string, unknown>> | undefined;
  readonly controls: readonly ControlRef[];
  /** Packs this binding counts towards. */
  readonly packs: readonly string[];
  readonly ctx: BindingContext;
}

export interface ScanPlan {
  readonly bindings: readonly Binding[];
  readonly byType: ReadonlyMap<ResourceType, readonly Binding[]>;
  readonly packs: readonly ResolvedPack[];
  /** Resource types the selected insights look up (kept in memory during the scan). */
  readonly lookupTypes: ReadonlySet<ResourceType>;
  /** Per type, the definite fields its insights read: the ones the engine checks for unknowns. */
  readonly definiteReads: ReadonlyMap<ResourceType, readonly string[]>;
  /** Insight ids selected by `--insight`; undefined when all insights of the packs run. */
  readonly insightFilter: ReadonlySet<string> | undefined;
  /** The one memo of every binding's context: the engine moves it to each resource it visits. */
  readonly memo: ResourceMemo;
}

export interface PlanOptions {
  readonly insights: ReadonlyMap<string, Insight>;
  readonly packs: readonly ResolvedPack[];
  /** Limit to these insight ids (`--insight`). */
  readonly insightFilter?: readonly string[];
  /** Config-file overrides, applied over every pack's. */
  readonly configParams?: Readonly<Record<string, Record<string, unknown>>>;
  /** Accounts of the configuration; their `params` apply over everything else. */
  readonly accounts?: readonly AccountEntry[];
  readonly settings: ScanSettings;
  readonly now: Date;
  readonly inventory: Inventory;
}

export type PlanResult = { ok: true; plan: ScanPlan } | { ok: false; errors: string[] };

export function buildScanPlan(options: PlanOptions): PlanResult {
  const errors: string[] = [];
  const filter = options.insightFilter && options.insightFilter.length > 0 ? new Set(options.insightFilter) : undefined;
  for (const id of filter ?? []) if (!options.insights.has(id)) errors.push(`unknown insight '${id}'`);

  // insight id → the packs that use it (in pack order)
  const usedBy = new Map<string, ResolvedPack[]>();
  for (const pack of options.packs) {
    for (const control of pack.controls) {
      for (const insightId of control.insights) {
        if (filter !== undefined && !filter.has(insightId)) continue;
        const packs = usedBy.get(insightId) ?? [];
        if (!packs.includes(pack)) packs.push(pack);
        usedBy.set(insightId, packs);
      }
    }
  }
  for (const id of filter ?? []) if (!usedBy.has(id) && options.insights.has(id)) usedBy.set(id, []);

  const bindings: Binding[] = [];
  const memo = new ResourceMemo(options.inventory);
  for (const [insightId, packs] of [...usedBy.entries()].sort(([a], [b]) => a.localeCompare(b))) {
    const insight = options.insights.get(insightId);
    if (insight === undefined) continue; // reported by pack resolution
    const configParams = options.configParams?.[insightId];
    const defaults = resolveParams(insight);
    // Group the packs by their effective parameters: one binding per distinct set.
    const groups = new Map<string, { params: Record<string, unknown>; packs: ResolvedPack[] }>();
    const layers = packs.length > 0 ? packs.map((pack) => ({ pack, overrides: pack.params[insightId] })) : [{ pack: undefined, overrides: undefined }];
    for (const { pack, overrides } of layers) {
      const resolved = resolveParams(insight, overrides, configParams);
      if (!resolved.ok) {
        for (const error of fieldErrors(resolved.errors)) {
          errors.push(`parameters of ${insightId}${pack ? ` in pack ${pack.id}` : ''}: ${displayPath(error.path)}: ${error.message}`);
        }
        continue;
      }
      const key = canonicalJson(resolved.params);
      const group = groups.get(key) ?? { params: resolved.params, packs: [] };
      if (pack !== undefined) group.packs.push(pack);
      groups.set(key, group);
    }
    for (const [key, group] of groups) {
      const changed = defaults.ok ? changedParams(defaults.params, group.params) : undefined;
      let paramsByAccount: Map<string, Record<string, unknown>> | undefined;
      for (const account of options.accounts ?? []) {
        const accountParams = account.params?.[insightId];
        if (accountParams === undefined) continue;
        const resolved = resolveParams(insight, group.params, accountParams);
        if (!resolved.ok) {
          for (const error of fieldErrors(resolved.errors)) {
            errors.push(`parameters of ${insightId} for account ${account.id}: ${displayPath(error.path)}: ${error.message}`);
          }
          continue;
        }
        paramsByAccount ??= new Map();
        paramsByAccount.set(account.id, resolved.params);
      }
      bindings.push({
        index: bindings.length,
        insight,
        params: group.params,
        variant: groups.size > 1 ? key : '',
        changedParams: changed,
        paramsByAccount,
        controls: group.packs.flatMap((pack) =>
          pack.controls.filter((control) => control.insights.includes(insightId)).map((control) => ({ pack: pack.id, control: control.id })),
        ),
        packs: group.packs.map((pack) => pack.id),
        ctx: {
          params: group.params,
          now: options.now,
          account: { id: '000000000000', name: 'unset' },
          settings: options.settings,
          inventory: options.inventory,
          memo,
          verdict,
        },
      });
    }
  }
  if (errors.length > 0) return { ok: false, errors };

  const byType = new Map<ResourceType, Binding[]>();
  for (const type of resourceTypes) {
    const forType = bindings.filter((binding) => binding.insight.resourceType === type || binding.insight.resourceType === '*');
    if (forType.length > 0) byType.set(type, forType);
  }
  const lookupTypes = new Set<ResourceType>(bindings.flatMap((binding) => binding.insight.lookups));
  const definiteReads = new Map(
    [...byType].map(
      ([type, forType]) =>
        [
          type,
          definiteFieldsRead(
            forType.map((binding) => binding.insight),
            type,
          ),
        ] as const,
    ),
  );
  return { ok: true, plan: { bindings, byType, packs: options.packs, lookupTypes, definiteReads, insightFilter: filter, memo } };
}

function canonicalJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  if (value !== null && typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>).sort(([a], [b]) => a.localeCompare(b));
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonicalJson(v)}`).join(',')}}`;
  }
  return JSON.stringify(value);
}

function changedParams(defaults: Record<string, unknown>, effective: Record<string, unknown>): Record<string, unknown> | undefined {
  const changed: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(effective)) {
    if (canonicalJson(value) !== canonicalJson(defaults[key])) changed[key] = value;
  }
  return Object.keys(changed).length > 0 ? changed : undefined;
}
