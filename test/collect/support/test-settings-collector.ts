/**
 * The settings-collector tester, the counterpart of `testCollector` for collectors that return an
 * account's or a region's settings (the account-level IAM summary, S3 Block Public Access, the
 * trails, recorders, analyzers, EBS default encryption and Security Hub of a region). The
 * standard scenarios, against the world (the fake AWS):
 *  - it returns every field it declares, each fitting the model, with nothing in coverage;
 *  - it sends only the operations it declares, and every one of them;
 *  - any one call denied: the call is named in coverage and the fields only that call fills are
 *    unknown — never a value that reads as configured or not configured;
 *  - any one field of any answer missing: every declared field is still returned and fits the model.
 */
import { describe, expect, it } from 'vitest';
import type { AnySettingsCollector } from '../../../src/collect/contract/collector.js';
import { example } from '../../../src/model/builders.js';
import { resourceSchema } from '../../../src/model/resource.js';
import { isUnknown } from '../../../src/model/unknown.js';
import { validatorFor } from '../../../src/schemas/ajv.js';
import { collectSettingsFrom, fieldPaths, type CollectorWorld, type FieldPath, type SettingsRun } from './collector-world.js';

export interface SettingsCollectorTestOptions {
  readonly world: CollectorWorld;
  /** Declared operations the world gives the collector no cause to send. */
  readonly uncalledInWorld?: readonly string[];
}

/** What about the run does not fit the model: the fields merged into the type's example, checked against its schema. */
function misfits(collector: AnySettingsCollector, run: SettingsRun): string[] {
  const resource = example(collector.resourceType);
  const merged = { ...resource, config: { ...(resource.config as object), ...run.settings } };
  const validate = validatorFor(resourceSchema(collector.resourceType));
  if (validate(merged)) return [];
  return (validate.errors ?? []).map((error) => `${error.instancePath} ${error.message ?? ''}`);
}

export function testSettingsCollector(collector: AnySettingsCollector, options: SettingsCollectorTestOptions): void {
  const { world } = options;
  const declared = new Set(collector.operations.map((op) => op.operation));

  describe(`${collector.resourceType} settings collector (${collector.fields.join(', ')})`, () => {
    let baseline: SettingsRun | undefined;
    const base = async () => (baseline ??= await collectSettingsFrom(world, collector, { kind: 'none' }));

    it('returns every field it declares, each fitting the model, with nothing in coverage', async () => {
      const run = await base();
      expect(Object.keys(run.settings).sort()).toEqual([...collector.fields].sort());
      expect(run.coverage).toEqual([]);
      expect(misfits(collector, run)).toEqual([]);
    });

    it('sends exactly the operations it declares (but those the world gives no cause for)', async () => {
      const sent = [...(await base()).answers.keys()].sort();
      const uncalled = new Set(options.uncalledInWorld ?? []);
      expect(sent).toEqual([...declared].filter((operation) => !uncalled.has(operation)).sort());
    });

    it('denied any one call, names it in coverage and leaves the fields only that call fills unknown', async () => {
      const problems: string[] = [];
      for (const operation of (await base()).answers.keys()) {
        const denied = await collectSettingsFrom(world, collector, { kind: 'deny', operation });
        if (!denied.coverage.some((entry) => entry.operation === operation)) problems.push(`${operation} denied: not in coverage`);
        const fills = new Set<string>(collector.operations.find((op) => op.operation === operation)?.fills ?? []);
        const filledElsewhere = new Set(collector.operations.filter((op) => op.operation !== operation).flatMap((op) => op.fills as readonly string[]));
        for (const field of fills) {
          if (filledElsewhere.has(field) || !(field in denied.settings)) continue;
          if (!isUnknown(denied.settings[field])) problems.push(`${operation} denied: ${field} is ${JSON.stringify(denied.settings[field])}, not unknown`);
        }
        problems.push(...misfits(collector, denied).map((misfit) => `${operation} denied: ${misfit}`));
      }
      expect(problems).toEqual([]);
    });

    it('answered without any one field, still returns every declared field, each fitting the model', async () => {
      const run = await base();
      const alterations = [...run.answers].flatMap(([operation, outputs]) => {
        const paths = new Map<string, FieldPath>();
        for (const output of outputs) for (const [key, field] of fieldPaths(output)) paths.set(key, field);
        return [...paths.values()].map((field) => ({ operation, path: field.path }));
      });
      expect(alterations.length).toBeGreaterThan(0);
      const problems: string[] = [];
      for (const { operation, path } of alterations) {
        const altered = await collectSettingsFrom(world, collector, { kind: 'remove', operation, path });
        const missing = collector.fields.filter((field: string) => !(field in altered.settings));
        if (missing.length > 0) problems.push(`${operation} without ${path.join('.')}: ${missing.join(', ')} not returned`);
        problems.push(...misfits(collector, altered).map((misfit) => `${operation} without ${path.join('.')}: ${misfit}`));
      }
      expect(problems).toEqual([]);
    });
  });
}
