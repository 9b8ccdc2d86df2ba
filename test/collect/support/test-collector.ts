/**
 * The collector tester, in the spirit of `testInsight`: `testCollector(collector, { world,
 * standard: true, cases })` runs the scenarios every collector must pass against the world — the
 * fake AWS — and then the collector's own cases. The standard scenarios:
 *  - it collects the world's resources, each fitting the model (nothing in coverage says otherwise);
 *  - it sends only the operations it declares, and every one of them;
 *  - its listing denied: named in coverage; any other call denied: no resource lost, the call named;
 *  - a later page of its listing failing: the first page's resources kept, the listing named;
 *  - a resource deleted between the listing and the calls about it: left out and named, or kept;
 *  - asked for the fields of one call at a time: it sends only the calls those fields need;
 *  - any one field of any answer missing: no resource lost silently, none that does not fit.
 */
import { describe, expect, it } from 'vitest';
import { operationsToRun, type AnyResourceCollector, type DeclaresOperations } from '../../../src/collect/contract/collector.js';
import {
  ACCOUNT_LISTS,
  collectFrom,
  fieldPaths,
  misfits,
  silentlyLost,
  type Alteration,
  type CollectorWorld,
  type FieldPath,
  type WorldRun,
} from './collector-world.js';

export interface CollectorCase {
  readonly name: string;
  /** What happens to the answers; default: nothing. */
  readonly alteration?: Alteration;
  /** The fields to collect; default: every field. */
  readonly fields?: readonly string[];
  /** Asserts what the run collected and recorded. */
  check(run: WorldRun): void;
}

export interface CollectorTestOptions {
  readonly world: CollectorWorld;
  /** Runs the standard scenarios (see the module comment). */
  readonly standard: boolean;
  readonly cases?: readonly CollectorCase[];
  /** Declared operations the world gives the collector no cause to send (a credential report to generate). */
  readonly uncalledInWorld?: readonly string[];
  /** False when the API answers the listing in one page (CloudTrail's DescribeTrails): no later page can fail. */
  readonly listingPages?: boolean;
  /** A fresh collector for each run, where collectors keep reads across runs; default: the collector itself. */
  readonly fresh?: () => AnyResourceCollector;
}

export function testCollector(collector: AnyResourceCollector, options: CollectorTestOptions): void {
  const { world } = options;
  const fresh = options.fresh ?? (() => collector);
  const listing = collector.operations.find((op) => op.lists === true)?.operation;
  const lists = (operation: string) => operation === listing;
  const declared = new Set(collector.operations.map((op) => op.operation));

  describe(`${collector.resourceType} collector`, () => {
    if (options.standard) {
      let baseline: WorldRun | undefined;
      const base = async () => (baseline ??= await collectFrom(world, fresh(), { kind: 'none' }));

      it('collects the resources of the world, each fitting the model, none left out', async () => {
        const run = await base();
        expect(run.arns.size, 'the world holds some').toBeGreaterThan(0);
        expect(misfits(run)).toEqual([]);
        expect(run.coverage.filter((entry) => /left out/.test(entry.error.message))).toEqual([]);
      });

      it('sends exactly the operations it declares (but those the world gives no cause for)', async () => {
        const sent = [...(await base()).answers.keys()].sort();
        const uncalled = new Set(options.uncalledInWorld ?? []);
        expect(sent).toEqual([...declared].filter((operation) => !uncalled.has(operation)).sort());
      });

      it('denied its listing, says so in coverage; denied any other call, keeps every resource and names the call', async () => {
        const run = await base();
        const problems: string[] = [];
        for (const operation of run.answers.keys()) {
          const denied = await collectFrom(world, fresh(), { kind: 'deny', operation });
          if (!denied.coverage.some((entry) => entry.operation === operation)) problems.push(`${operation} denied: not in coverage`);
          if (lists(operation)) continue;
          const lost = [...run.arns].filter((arn) => !denied.arns.has(arn));
          if (lost.length > 0) problems.push(`${operation} denied: lost ${lost.join(', ')}`);
          problems.push(...misfits(denied).map((misfit) => `${operation} denied: ${misfit}`));
        }
        expect(problems).toEqual([]);
      });

      if (listing !== undefined && options.listingPages !== false) {
        it('a later page of its listing failing, keeps what the first page listed and names the listing in coverage', async () => {
          const run = await base();
          const failed = await collectFrom(world, fresh(), { kind: 'later-page-fails', operation: listing });
          expect([...run.arns].filter((arn) => !failed.arns.has(arn))).toEqual([]);
          expect(failed.coverage.filter((entry) => entry.operation === listing).length).toBeGreaterThan(0);
          expect(misfits(failed)).toEqual([]);
        });
      }

      const list = (ACCOUNT_LISTS as Partial<Record<string, keyof CollectorWorld['account']>>)[collector.resourceType];
      if (listing !== undefined && list !== undefined) {
        it('a resource deleted between its listing and the calls about it, is left out and named, or kept', async () => {
          const run = await base();
          const vanished = await collectFrom(world, fresh(), { kind: 'vanish', operation: listing, list: list as never });
          expect(silentlyLost(run, vanished)).toEqual([]);
          expect(misfits(vanished)).toEqual([]);
          // Nothing but the one resource may go.
          expect(run.arns.size - vanished.arns.size).toBeLessThanOrEqual(1);
        });
      }

      it('asked for the fields of one call at a time, sends only the calls those fields need and loses no resource', async () => {
        const run = await base();
        const problems: string[] = [];
        for (const op of collector.operations.filter((o) => o.required !== true)) {
          const fields = new Set<string>(op.fills);
          const allowed = new Set(operationsToRun(collector as DeclaresOperations, fields).map((o) => o.operation));
          const selected = await collectFrom(world, fresh(), { kind: 'none' }, fields);
          const sent = [...selected.answers.keys()].filter((operation) => !allowed.has(operation));
          if (sent.length > 0) problems.push(`asked for ${[...fields].join(', ')}: also sent ${sent.join(', ')}`);
          const lost = [...run.arns].filter((arn) => !selected.arns.has(arn));
          if (lost.length > 0) problems.push(`asked for ${[...fields].join(', ')}: lost ${lost.join(', ')}`);
        }
        expect(problems).toEqual([]);
      });

      it('answered without any one field, loses no resource it can still tell apart, and names the others in coverage', async () => {
        const run = await base();
        const alterations = [...run.answers].flatMap(([operation, outputs]) => {
          const paths = new Map<string, FieldPath>();
          for (const output of outputs) for (const [key, field] of fieldPaths(output)) paths.set(key, field);
          // A listing without its list lists nothing: what it did not list is not known to exist.
          return [...paths.values()].filter((field) => !(field.list && lists(operation))).map((field) => ({ operation, path: field.path }));
        });
        expect(alterations.length).toBeGreaterThan(0);
        const problems: string[] = [];
        for (const { operation, path } of alterations) {
          const altered = await collectFrom(world, fresh(), { kind: 'remove', operation, path });
          const lost = silentlyLost(run, altered);
          if (lost.length > 0) problems.push(`${operation} without ${path.join('.')}: lost ${lost.join(', ')} silently`);
          problems.push(...misfits(altered).map((misfit) => `${operation} without ${path.join('.')}: ${misfit}`));
        }
        expect(problems).toEqual([]);
      });
    }

    for (const c of options.cases ?? []) {
      it(c.name, async () => {
        c.check(await collectFrom(world, fresh(), c.alteration ?? { kind: 'none' }, c.fields !== undefined ? new Set(c.fields) : undefined));
      });
    }
  });
}
