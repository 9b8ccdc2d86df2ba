/**
 * Keeps insights, registry, tests, docs, schemas and packs in step (after ESLint's parity checks):
 * an insight file nobody registered, an insight without tests or docs, a pack naming an unknown
 * insight, or a stale published schema fails here.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { describe, expect, it } from 'vitest';
import { builtinInsights } from '../insights/index.js';
import { generatedFiles } from '../src/build/generate.js';
import { packageRoot } from '../src/package-root.js';
import { expectedResources, syntheticAccount } from './fakes/aws/index.js';
import { resourceCollectors, settingsCollectors } from '../src/collect/collectors/index.js';
import { arnFor } from '../src/model/arn.js';
import { example } from '../src/model/builders.js';
import { resourceSchema } from '../src/model/resource.js';
import { resourceTypes } from '../src/model/resource-types.js';
import { resourceTypeDefinitions } from '../src/model/types/index.js';
import { validatorFor } from '../src/schemas/ajv.js';

const root = packageRoot();
const insightFiles = readdirSync(join(root, 'insights'), { withFileTypes: true })
  // `insights/judges/` holds the verdict helpers several insights share; it is no service.
  .filter((entry) => entry.isDirectory() && entry.name !== 'judges')
  .flatMap((dir) =>
    readdirSync(join(root, 'insights', dir.name))
      // Factories (`define-*.ts`) build the insights beside them; they are not insights themselves.
      .filter((name) => name.endsWith('.ts') && !name.startsWith('define-'))
      .map((name) => ({ service: dir.name, id: name.replace(/\.ts$/, ''), path: join(root, 'insights', dir.name, name) })),
  );

describe('insight registry', () => {
  it('is sorted by id in the source, with unique ids', () => {
    // Nothing sorts the list at run time: this order is the one written in insights/index.ts.
    const ids = builtinInsights.map((insight) => insight.id);
    expect(ids).toEqual([...ids].sort((a, b) => a.localeCompare(b)));
    expect(new Set(ids).size).toBe(ids.length);
  });

  it('registers every insight file, under the id its file is named after', async () => {
    for (const file of insightFiles) {
      const module = (await import(pathToFileURL(file.path).href)) as { default: (typeof builtinInsights)[number] };
      expect(module.default.id, file.path).toBe(file.id);
      expect(builtinInsights, `${file.id} is not in insights/index.ts`).toContain(module.default);
    }
    expect(insightFiles).toHaveLength(builtinInsights.length);
  });

  it('has a table test for every insight', () => {
    for (const file of insightFiles) {
      const test = join(root, 'test', 'insights', file.service, `${file.id}.test.ts`);
      expect(existsSync(test), `missing ${test}`).toBe(true);
      expect(readFileSync(test, 'utf8')).toMatch(/testInsight\(/);
    }
  });
});

describe('generated files', () => {
  it('docs/insights and schemas/ are up to date (run `npm run generate`)', async () => {
    for (const [path, content] of await generatedFiles()) {
      const file = join(root, path);
      expect(existsSync(file), `missing ${path}: run npm run generate`).toBe(true);
      expect(readFileSync(file, 'utf8'), `${path} is stale: run npm run generate`).toBe(content);
    }
  });
});

describe('resource type registry', () => {
  const typeFiles = readdirSync(join(root, 'src', 'model', 'types'), { withFileTypes: true })
    .filter((entry) => entry.isDirectory())
    .flatMap((dir) => readdirSync(join(root, 'src', 'model', 'types', dir.name)).map((name) => join(root, 'src', 'model', 'types', dir.name, name)));

  it('is sorted by type name, with unique types, and registers every definition module', async () => {
    const types = resourceTypeDefinitions.map((definition) => definition.type);
    // Code-unit order, as AWS lists them (AWS::EC2::VPC before AWS::EC2::Volume).
    expect(types).toEqual([...types].sort());
    expect(new Set(types).size).toBe(types.length);
    for (const file of typeFiles) {
      const module = (await import(pathToFileURL(file).href)) as { default: (typeof resourceTypeDefinitions)[number] };
      expect(resourceTypeDefinitions, `${file} is not in src/model/types/index.ts`).toContain(module.default);
    }
    expect(typeFiles).toHaveLength(resourceTypeDefinitions.length);
  });

  it('gives every type an example that fits its schema, a collector, and an answer from the fake AWS', () => {
    const fakeAccount = syntheticAccount({ accountId: '123456789012', resources: 2000 });
    const inFake = new Set(Object.keys(expectedResources(fakeAccount)));
    const collected = new Set([...resourceCollectors, ...settingsCollectors].map((collector) => collector.resourceType));
    for (const type of resourceTypes) {
      const resource = example(type);
      const validate = validatorFor(resourceSchema(type));
      expect(validate(resource) ? [] : validate.errors, `the example of ${type}`).toEqual([]);
      expect(resource.arn).toBe(arnFor(type, resource.accountId, resource.region, resource.id));
      expect(collected.has(type), `a collector of ${type}`).toBe(true);
      // The bank's key seen from a tenant is answered for any other account's key ARN (test/fakes/aws/kms.ts).
      if (type !== 'AWS::KMS::SharedKey') expect(inFake.has(type), `the fake AWS holds ${type}`).toBe(true);
    }
  });
});

describe('collector folders', () => {
  const collectorsDir = join(root, 'src', 'collect', 'collectors');
  const files = readdirSync(collectorsDir, { withFileTypes: true })
    .filter((entry) => entry.isDirectory())
    .flatMap((dir) => readdirSync(join(collectorsDir, dir.name)).map((name) => ({ service: dir.name, name, path: join(collectorsDir, dir.name, name) })));

  it('keep each AWS Config normaliser beside its API collector, sharing readers rather than importing the collector', () => {
    const normalisers = files.filter((file) => file.name.endsWith('-from-config.ts'));
    expect(normalisers.length).toBeGreaterThan(0);
    for (const normaliser of normalisers) {
      const collector = normaliser.name.replace('-from-config.ts', '.ts');
      expect(
        files.some((file) => file.service === normaliser.service && file.name === collector),
        `${normaliser.path} has no API collector beside it`,
      ).toBe(true);
      expect(readFileSync(normaliser.path, 'utf8'), `${normaliser.path} imports its API collector`).not.toContain(
        `from './${collector.replace(/\.ts$/, '.js')}'`,
      );
    }
  });

  it('register every collector module, sorted by resource type (then service)', async () => {
    const key = (collector: { resourceType: string; service: string }) => `${collector.resourceType} ${collector.service}`;
    for (const list of [resourceCollectors, settingsCollectors]) expect(list.map(key)).toEqual(list.map(key).sort());
    const registered = new Set<unknown>([...resourceCollectors, ...settingsCollectors]);
    for (const file of files) {
      const module = (await import(pathToFileURL(file.path).href)) as { default?: unknown };
      const declared = module.default as { operations?: unknown } | undefined;
      if (declared?.operations === undefined) continue;
      expect(registered.has(declared), `${file.path} is not in src/collect/collectors/index.ts`).toBe(true);
    }
  });
});
