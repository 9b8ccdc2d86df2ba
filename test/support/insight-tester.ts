/**
 * The insight tester (after ESLint's RuleTester): a table of cases run against one insight, plus
 * the checks every insight's contract must pass — metadata shape, valid param defaults, unique
 * case names, at least one pass, fail, error and not-applicable case, and a `reads` declaration
 * that is exact: every case runs with resources that throw on an undeclared field
 * (`read-guard.ts`), and every declared field must be read by some case.
 */
import { describe, expect, it } from 'vitest';
import type { Insight } from '../../src/engine/define-insight.js';
import type { AccountEntry } from '../../src/config/account-entry.js';
import type { ScanSettings } from '../../src/engine/context.js';
import type { CoverageEntry } from '../../src/snapshot/coverage.js';
import { InMemoryInventory } from '../../src/engine/inventory.js';
import { resolveParams } from '../../src/schemas/resolve-params.js';
import { ResourceMemo } from '../../src/engine/resource-memo.js';
import { verdict, verdictFactory, type VerdictFactory, type VerdictStatus } from '../../src/engine/verdict.js';
import { severities } from '../../src/model/severity.js';
import { evaluateResource } from '../../src/engine/evaluate-resource.js';
import { fieldsReadOn } from '../../src/engine/fields-read.js';
import { unreadableFieldsOf } from '../../src/engine/unreadable-fields.js';
import type { AnyCollectedResource, AnyResource, Resource } from '../../src/model/resource.js';
import { unknown } from '../../src/model/unknown.js';
import { isResourceType, type ResourceType } from '../../src/model/resource-types.js';
import { configFieldsOf, definiteFieldsOf, envelopeKeys } from '../../src/model/resource-fields.js';
import { GuardedInventory, guardResource, ReadLog } from './read-guard.js';

export interface InsightCase {
  name: string;
  resource: Resource | AnyResource;
  status: VerdictStatus;
  params?: Record<string, unknown>;
  /** Other resources the insight may look up (only types it declares in `reads.lookups`). */
  inventory?: readonly (Resource | AnyResource)[];
  /** The snapshot's coverage: collection failures the inventory answers `listingGap` from. */
  coverage?: readonly CoverageEntry[];
  account?: Partial<AccountEntry>;
  settings?: Partial<ScanSettings>;
  /** The scan clock; defaults to 2026-06-01T12:00:00Z. */
  now?: string;
  /** The reason must match. */
  reason?: string | RegExp;
  /** The evidence must contain these fields. */
  evidence?: Record<string, unknown>;
}

export const TEST_NOW = '2026-06-01T12:00:00.000Z';

const requiredStatuses: readonly VerdictStatus[] = ['pass', 'fail', 'error', 'not-applicable'];

/**
 * Evaluates one case with guarded resources: reading an undeclared field throws. `log` collects the
 * fields read. `throughEngine` runs it as a scan does (`evaluateResource`), unreadable fields included.
 */
export function evaluateCase(insight: Insight, testCase: InsightCase, log: ReadLog = new ReadLog(), verdicts: VerdictFactory = verdict, throughEngine = false) {
  const params = resolveParams(insight, testCase.params);
  if (!params.ok) throw new Error(`invalid params for ${insight.id}: ${JSON.stringify(params.errors)}`);
  const inventory = new InMemoryInventory(insight.lookups);
  for (const other of testCase.inventory ?? []) {
    if (!insight.lookups.includes(other.type)) {
      throw new Error(`case "${testCase.name}" puts ${other.type} in the inventory, but ${insight.id} does not declare it in reads.lookups`);
    }
    inventory.add(other as AnyResource);
  }
  inventory.noteCoverage(testCase.coverage ?? []);
  const resource = guardResource(testCase.resource as Resource, insight, 'self', log);
  const guarded = new GuardedInventory(inventory, insight, log);
  const memo = new ResourceMemo(guarded);
  memo.visit(resource);
  const ctx = {
    params: params.params,
    now: new Date(testCase.now ?? TEST_NOW),
    account: { id: resource.accountId, name: `account-${resource.accountId}`, ...testCase.account },
    settings: { allowedRegions: [], requiredTags: {}, ...testCase.settings },
    inventory: guarded,
    memo,
    verdict: verdicts,
  };
  // The engine checks every definite field for unknowns: on the plain resource, not through the read guard.
  if (throughEngine) return evaluateResource(insight, resource as AnyResource, ctx, unreadableFieldsOf(testCase.resource as AnyCollectedResource));
  return insight.evaluate(resource, ctx);
}

/**
 * Each case again with one field it reads, that the model types as always known, unreadable (a
 * denied describe call, a field an endpoint left out): the verdict must be `error`, naming it.
 */
function unreadableDefiniteReads(insight: Insight, cases: readonly InsightCase[]): string[] {
  const wrong: string[] = [];
  for (const testCase of cases) {
    const type = testCase.resource.type;
    for (const field of fieldsReadOn(insight, type).filter((f) => definiteFieldsOf(type).includes(f))) {
      const cause = unknown('AccessDeniedException: test:Describe');
      const resource = { ...testCase.resource, config: { ...testCase.resource.config, [field]: cause } } as unknown as Resource;
      const result = evaluateCase(insight, { ...testCase, resource }, new ReadLog(), verdict, true);
      if (result.status !== 'error' || !result.reason.includes(field)) wrong.push(`${testCase.name}, ${field} unreadable: ${result.status} (${result.reason})`);
    }
  }
  return wrong;
}

/** Declared fields that no case reads: a stale declaration makes collections run calls for nothing. */
function unreadDeclarations(insight: Insight, cases: readonly InsightCase[]): string[] {
  const log = new ReadLog();
  for (const testCase of cases) {
    try {
      evaluateCase(insight, testCase, log);
    } catch {
      // An undeclared read fails the case's own test.
    }
  }
  const unread = (fields: readonly string[], read: ReadonlySet<string>, where: string) =>
    fields.filter((field) => !read.has(field)).map((field) => `${where}: ${field}`);
  const { self, ofType, lookups } = insight.reads;
  return [
    ...unread(self, log.fields('self'), 'reads.self'),
    ...Object.entries(ofType).flatMap(([type, fields]) => unread(fields, log.fields('self', type as ResourceType), `reads.ofType['${type}']`)),
    ...Object.entries(lookups).flatMap(([type, fields]) => unread(fields, log.fields('lookup', type as ResourceType), `reads.lookups['${type}']`)),
  ];
}

/** Declared names that are no field of the type (the types check built-ins; this checks any insight). */
function unknownFields(insight: Insight): string[] {
  const known = (type: ResourceType | '*', field: string) =>
    (envelopeKeys as readonly string[]).includes(field) || (type !== '*' && configFieldsOf(type).includes(field));
  const { self, ofType, lookups } = insight.reads;
  const byType = [...Object.entries(ofType), ...Object.entries(lookups)];
  return [
    ...self.filter((field) => !known(insight.resourceType, field)),
    ...byType.flatMap(([type, fields]) => (isResourceType(type) ? fields.filter((field) => !known(type, field)) : [`${type} is no resource type`])),
  ];
}

export interface TesterOptions {
  /**
   * Why the insight can never return `error`: only for insights that read no collected field
   * that can be unknown (e.g. the region of a resource). Every other insight needs an error case.
   */
  readonly neverErrors?: string;
  /** Why every resource of the type is in scope (e.g. every certificate has an expiry): no not-applicable case then. */
  readonly alwaysApplies?: string;
}

export function testInsight(insight: Insight, cases: readonly InsightCase[], options: TesterOptions = {}): void {
  describe(`insight ${insight.id}`, () => {
    describe('contract', () => {
      it('has complete metadata', () => {
        expect(insight.id).toMatch(/^[a-z0-9]+(-[a-z0-9]+)*$/);
        expect(insight.title.length).toBeGreaterThan(10);
        expect(severities).toContain(insight.severity);
        expect(insight.description.length).toBeGreaterThan(20);
        expect(insight.rationale.length).toBeGreaterThan(20);
        expect(insight.remediation.cli.length).toBeGreaterThan(5);
        expect(insight.remediation.console.length).toBeGreaterThan(5);
      });

      it('has valid parameter defaults', () => {
        const params = resolveParams(insight);
        expect(params.ok, JSON.stringify(params)).toBe(true);
      });

      it('declares the fields it reads, each read by some case', () => {
        expect(unknownFields(insight), 'declared names that are no field').toEqual([]);
        expect(insight.lookups).toEqual(Object.keys(insight.reads.lookups));
        expect(unreadDeclarations(insight, cases), 'declared but read by no case').toEqual([]);
      });

      it('gives error, naming the field, in every case when a field it reads that the model types as known is unreadable', () => {
        expect(unreadableDefiniteReads(insight, cases)).toEqual([]);
      });

      it('has uniquely named cases covering pass, fail, error and not-applicable', () => {
        const names = cases.map((c) => c.name);
        expect(new Set(names).size, 'duplicate case names').toBe(names.length);
        const required = requiredStatuses.filter(
          (s) => !(s === 'error' && options.neverErrors !== undefined) && !(s === 'not-applicable' && options.alwaysApplies !== undefined),
        );
        if (options.neverErrors !== undefined) expect(options.neverErrors.length, 'say why it never errors').toBeGreaterThan(20);
        if (options.alwaysApplies !== undefined) expect(options.alwaysApplies.length, 'say why it always applies').toBeGreaterThan(20);
        for (const status of required) {
          expect(
            cases.some((c) => c.status === status),
            `no ${status} case`,
          ).toBe(true);
        }
      });
    });

    for (const testCase of cases) {
      it(`${testCase.status}: ${testCase.name}`, () => {
        if (insight.resourceType !== '*') expect(testCase.resource.type, 'case resource type').toBe(insight.resourceType);
        const result = evaluateCase(insight, testCase);
        expect({ status: result.status, reason: result.reason }).toMatchObject({ status: testCase.status });
        expect(result.reason.length, 'a verdict always has a reason').toBeGreaterThan(0);
        if (result.status === 'fail') expect(result.evidence, 'a fail carries evidence').toBeDefined();
        if (testCase.reason !== undefined) expect(result.reason).toMatch(testCase.reason);
        if (testCase.evidence !== undefined) expect(result.evidence).toMatchObject(testCase.evidence);
        // A scan without --all drops pass and not-applicable reasons unbuilt: the status must not depend on them.
        const statusOnly = evaluateCase(insight, testCase, new ReadLog(), verdictFactory({ keepAll: false }));
        expect(statusOnly.status, 'the status without --all').toBe(result.status);
        if (result.status === 'fail' || result.status === 'error') expect(statusOnly).toEqual(result);
      });
    }
  });
}
