/**
 * The collector contract, checked for every registered collector (after Cloud Custodian's
 * permission tests): declarations are well formed and complete, permissions follow from them, and
 * a collector cannot send what it did not declare.
 */
import { describe, expect, it } from 'vitest';
import { GetKeyPolicyCommand, ListKeysCommand } from '@aws-sdk/client-kms';
import { AwsClients } from '../../../src/collect/aws/aws-clients.js';
import { UndeclaredOperationError } from '../../../src/collect/contract/collect-context.js';
import { defineCollector, leastPrivilegePolicy, operationsToRun, requiredPermissions } from '../../../src/collect/contract/collector.js';
import { allCollectors, resourceCollectors, settingsCollectors } from '../../../src/collect/collectors/index.js';
import { collectResources } from '../../../src/collect/contract/run-collector.js';
import { CoverageRecorder } from '../../../src/collect/contract/coverage-recorder.js';
import { kmsKey as kmsKeyResource } from '../../../src/model/builders.js';
import { resourceConfigSchemas, resourceTypes } from '../../../src/model/resource-types.js';
import { TEST_CREDENTIALS } from '../support/fake-http.js';
import { unknown } from '../../../src/model/unknown.js';

const ENVELOPE_FIELDS = ['name', 'tags', 'createdAt'];

function configFields(type: keyof typeof resourceConfigSchemas): string[] {
  return Object.keys((resourceConfigSchemas[type] as { properties: Record<string, unknown> }).properties);
}

describe('collector declarations', () => {
  for (const collector of allCollectors) {
    describe(`${collector.resourceType} (${collector.service})`, () => {
      it('fills only fields the resource model has', () => {
        const known = new Set([...configFields(collector.resourceType), ...ENVELOPE_FIELDS]);
        for (const op of collector.operations) {
          for (const field of op.fills) expect(known.has(field), `${op.operation} fills ${field}`).toBe(true);
        }
      });

      it('names an IAM action of the form service:Action for every operation', () => {
        for (const op of collector.operations) expect(op.iamAction).toMatch(/^[a-z0-9-]+:[A-Z][A-Za-z0-9]+$/);
      });
    });
  }

  for (const collector of resourceCollectors) {
    it(`${collector.resourceType}: every config field, the name and the tags are filled by a declared operation`, () => {
      const filled = new Set<string>(collector.operations.flatMap((op) => op.fills));
      for (const field of [...configFields(collector.resourceType), 'name', 'tags']) {
        // Fields a list call gives (the id, the name for types without aliases) count as filled by the required calls.
        const byRequired = collector.operations.some((op) => op.required === true);
        expect(filled.has(field) || (field === 'name' && byRequired), `${collector.resourceType}.${field}`).toBe(true);
      }
    });
  }

  for (const collector of settingsCollectors) {
    it(`${collector.resourceType} settings: every returned field is filled by a declared operation`, () => {
      const filled = new Set<string>(collector.operations.flatMap((op) => op.fills));
      // The registry erases the field set's type; the fields are the config's keys.
      const fields: readonly string[] = collector.fields;
      for (const field of fields) expect(filled.has(field), field).toBe(true);
    });
  }

  it('keeps one collector per resource type', () => {
    const types = resourceCollectors.map((c) => c.resourceType);
    expect(new Set(types).size).toBe(types.length);
    for (const type of types) expect(resourceTypes, `${type} is a registered resource type`).toContain(type);
  });

  it('refuses malformed declarations when a collector is defined', () => {
    const collect = () => Promise.resolve();
    expect(() =>
      defineCollector({
        resourceType: 'AWS::KMS::Key',
        service: 'kms',
        scope: 'region',
        operations: [{ operation: 'ListKeys', iamAction: 'ListKeys', fills: [] }],
        collect,
      }),
    ).toThrow(/not an IAM action/);
    expect(() =>
      defineCollector({
        resourceType: 'AWS::KMS::Key',
        service: 'kms',
        scope: 'region',
        operations: [
          { operation: 'ListKeys', iamAction: 'kms:ListKeys', fills: [] },
          { operation: 'ListKeys', iamAction: 'kms:ListKeys', fills: [] },
        ],
        collect,
      }),
    ).toThrow(/declared twice/);
    expect(() =>
      defineCollector({
        resourceType: 'AWS::KMS::Key',
        service: 'kms',
        scope: 'region',
        operations: [{ operation: 'list-keys', iamAction: 'kms:ListKeys', fills: [] }],
        collect,
      }),
    ).toThrow(/not an API operation name/);
  });
});

describe('required permissions', () => {
  it('is the sorted union of the IAM actions every collector declares, with the further actions calls need', () => {
    const permissions = requiredPermissions(allCollectors);
    const declared = new Set(allCollectors.flatMap((c) => c.operations.flatMap((op) => [op.iamAction, ...(op.alsoRequires ?? [])])));
    expect(permissions).toEqual([...declared].sort());
    expect(new Set(permissions).size).toBe(permissions.length);
    expect(permissions).toEqual(
      expect.arrayContaining(['kms:GetKeyRotationStatus', 's3:GetBucketPolicy', 's3:GetAccountPublicAccessBlock', 's3:ListAllMyBuckets']),
    );
    expect(permissions.every((action) => /^[a-z0-9-]+:[A-Za-z0-9]+$/.test(action))).toBe(true);
  });

  it('shrinks to what the selected fields need: a scan of kms-key-rotation never asks for S3', () => {
    const selection = new Map([['AWS::KMS::Key' as const, new Set(['manager', 'origin', 'spec', 'state', 'rotation'])]]);
    expect(requiredPermissions(allCollectors, selection)).toEqual(['kms:DescribeKey', 'kms:GetKeyRotationStatus', 'kms:ListKeys']);
  });

  it('is every permission when no selection is given; required operations always run', () => {
    for (const collector of allCollectors) {
      expect(operationsToRun(collector)).toHaveLength(collector.operations.length);
      const required = collector.operations.filter((op) => op.required === true);
      expect(operationsToRun(collector, new Set())).toEqual(required);
    }
  });

  it('prints as a read-only IAM policy document', () => {
    expect(leastPrivilegePolicy(['kms:ListKeys', 's3:ListAllMyBuckets'])).toEqual({
      Version: '2012-10-17',
      Statement: [{ Sid: 'VigilCollect', Effect: 'Allow', Action: ['kms:ListKeys', 's3:ListAllMyBuckets'], Resource: '*' }],
    });
  });
});

describe('the schema check on emitted resources', () => {
  const sloppyCollector = (emitBad: (good: ReturnType<typeof kmsKeyResource>, ctx: { accountId: string; region: string }) => unknown) =>
    defineCollector({
      resourceType: 'AWS::KMS::Key',
      service: 'kms',
      scope: 'region',
      operations: [
        { operation: 'ListKeys', iamAction: 'kms:ListKeys', fills: [], required: true },
        { operation: 'DescribeKey', iamAction: 'kms:DescribeKey', fills: ['origin', 'state'], required: true },
      ],
      collect(ctx) {
        const good = kmsKeyResource({}, { accountId: ctx.accountId, region: ctx.region, id: 'good' });
        ctx.emit({ ...good, source: 'api' });
        ctx.emit(emitBad(good, ctx) as typeof good);
        return Promise.resolve();
      },
    });
  const collect = async (collector: ReturnType<typeof sloppyCollector>) => {
    const coverage = new CoverageRecorder();
    const resources = await collectResources(collector, {
      accountId: '111122223333',
      regions: ['eu-west-1'],
      clients: new AwsClients({ defaultCredentials: TEST_CREDENTIALS }),
      coverage,
    });
    return { resources, coverage: coverage.list() };
  };

  it('makes a field the model rejects unknown, naming the call that filled it, and keeps the resource', async () => {
    // A normaliser that let an unexpected API value through.
    const { resources, coverage } = await collect(
      sloppyCollector((good) => ({ ...good, id: 'bad', arn: `${good.arn}-bad`, config: { ...good.config, origin: 'SOMEWHERE', state: 7 } })),
    );
    expect(resources.map((r) => r.id)).toEqual(['good', 'bad']);
    const bad = resources.find((r) => r.id === 'bad')!;
    expect(bad.config.origin).toEqual(unknown('UnexpectedResponse: kms:DescribeKey'));
    expect(bad.config.state).toEqual(unknown('UnexpectedResponse: kms:DescribeKey'));
    // The rest of the resource is as emitted.
    expect(bad.config.manager).toBe('CUSTOMER');
    expect(coverage).toEqual([
      expect.objectContaining({
        operation: 'DescribeKey',
        resourceArn: expect.stringMatching(/-bad$/),
        count: 2,
        error: { code: 'UnexpectedResponse', message: expect.stringContaining('origin does not fit the AWS::KMS::Key model: /config/origin') },
      }),
    ]);
  });

  it('leaves out only a resource whose identity the model rejects, and records it', async () => {
    const { resources, coverage } = await collect(sloppyCollector((good) => ({ ...good, id: '', arn: `${good.arn}-bad` })));
    expect(resources.map((r) => r.id)).toEqual(['good']);
    expect(coverage).toEqual([
      expect.objectContaining({
        operation: 'normalise',
        resourceArn: expect.stringMatching(/-bad$/),
        error: { code: 'UnexpectedResponse', message: expect.stringMatching(/schema and was left out: \/id /) },
      }),
    ]);
  });
});

describe('the operation guard', () => {
  const run = (fields?: string[]) => ({
    accountId: '111122223333',
    regions: ['eu-west-1'],
    clients: new AwsClients({ defaultCredentials: TEST_CREDENTIALS }),
    ...(fields !== undefined ? { fields: new Set(fields) } : {}),
  });

  it('refuses a command the collector did not declare, before anything is sent', async () => {
    const sneaky = defineCollector({
      resourceType: 'AWS::KMS::Key',
      service: 'kms',
      scope: 'region',
      operations: [{ operation: 'ListKeys', iamAction: 'kms:ListKeys', fills: [], required: true }],
      async collect(ctx) {
        await ctx.send(new GetKeyPolicyCommand({ KeyId: 'k', PolicyName: 'default' }));
      },
    });
    const context = run();
    await expect(collectResources(sneaky, context)).rejects.toThrow(UndeclaredOperationError);
    await expect(collectResources(sneaky, context)).rejects.toThrow(/sent kms:GetKeyPolicy, which it does not declare/);
    expect(context.clients.stats.total().calls).toBe(0);
  });

  it('refuses a declared command that the selection does not run', async () => {
    const eager = defineCollector({
      resourceType: 'AWS::KMS::Key',
      service: 'kms',
      scope: 'region',
      operations: [
        { operation: 'ListKeys', iamAction: 'kms:ListKeys', fills: [], required: true },
        { operation: 'GetKeyPolicy', iamAction: 'kms:GetKeyPolicy', fills: ['policy'] },
      ],
      async collect(ctx) {
        await ctx.send(new GetKeyPolicyCommand({ KeyId: 'k', PolicyName: 'default' }));
      },
    });
    await expect(collectResources(eager, run(['rotation']))).rejects.toThrow(/does not run in this collection/);
  });

  it('refuses a command sent through the wrong service', async () => {
    const confused = defineCollector({
      resourceType: 'AWS::KMS::Key',
      service: 'kms',
      scope: 'region',
      operations: [{ operation: 'ListKeys', iamAction: 'kms:ListKeys', fills: [], required: true }],
      async collect(ctx) {
        await ctx.send(new ListKeysCommand({}), { service: 's3' });
      },
    });
    await expect(collectResources(confused, run())).rejects.toThrow(/sent s3:ListKeys/);
  });

  it('refuses to answer runs() about an undeclared operation', async () => {
    const curious = defineCollector({
      resourceType: 'AWS::KMS::Key',
      service: 'kms',
      scope: 'region',
      operations: [{ operation: 'ListKeys', iamAction: 'kms:ListKeys', fills: [], required: true }],
      async collect(ctx) {
        ctx.runs('GetKeyPolicy');
        return Promise.resolve();
      },
    });
    await expect(collectResources(curious, run())).rejects.toThrow(UndeclaredOperationError);
  });
});
