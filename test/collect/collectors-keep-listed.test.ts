/**
 * Every resource a listing returned stays in the collection, whatever else fails: a table over all
 * resource collectors, run against the wire-level fake AWS (responses shaped as the API reference
 * documents them, read back by the SDK's own deserialisers). For each collector:
 *  - asked for the fields of one call at a time, it sends only the calls those fields need;
 *  - every call it makes is denied in turn: denying a call that only reads about listed resources
 *    leaves fields unknown and loses no resource; denying the listing is named in coverage;
 *  - every field of every response it reads is removed in turn (in every item of a list at once):
 *    no resource is lost but one that can no longer be told apart, and coverage then says so.
 * Every run's resources validate against the snapshot schema.
 */
import { describe, expect, it } from 'vitest';
import { AwsClients } from '../../src/collect/aws/aws-clients.js';
import { operationsToRun, type AnyResourceCollector, type DeclaresOperations, type ResourceCollector } from '../../src/collect/contract/collector.js';
import { resourceCollectors } from '../../src/collect/collectors/index.js';
import { iamCollectors } from '../../src/collect/collectors/iam/index.js';
import { CoverageRecorder } from '../../src/collect/contract/coverage-recorder.js';
import { collectResources } from '../../src/collect/contract/run-collector.js';
import type { ServiceName } from '../../src/collect/aws/services.js';
import type { CoverageEntry } from '../../src/snapshot/coverage.js';
import type { CollectedResource } from '../../src/model/resource.js';
import type { ResourceType } from '../../src/model/resource-types.js';
import { FakeAws, syntheticAccount } from '../fakes/aws/index.js';
import { TEST_CREDENTIALS } from './support/fake-http.js';

const ACCOUNT_ID = '111122223333';
const REGION = 'us-east-1';
const NOW = '2026-06-01T12:00:00.000Z';
/** The bank's key a tenant account is contracted to use (the shared-key collector's "listing" is the configuration). */
const BANK_KEY = 'arn:aws:kms:us-east-1:999988887777:key/0f6c1d5e-2b7a-4c1e-9a3d-5e8f7a6b4c21';

const account = syntheticAccount({
  accountId: ACCOUNT_ID,
  resources: 60,
  regions: [REGION],
  now: NOW,
  counts: {
    'AWS::S3::Bucket': 2,
    'AWS::KMS::Key': 2,
    'AWS::RDS::DBInstance': 2,
    'AWS::RDS::DBSnapshot': 2,
    'AWS::IAM::User': 2,
    'AWS::IAM::Group': 1,
    'AWS::IAM::Role': 2,
    'AWS::IAM::Policy': 3,
    'AWS::EC2::Instance': 2,
    'AWS::EC2::Volume': 2,
    'AWS::EC2::SecurityGroup': 2,
    'AWS::EC2::VPC': 1,
    'AWS::EC2::NetworkAcl': 1,
    'AWS::EFS::FileSystem': 2,
    'AWS::Logs::LogGroup': 1,
    'AWS::CloudWatch::Alarm': 2,
    'AWS::SNS::Topic': 1,
    'AWS::SageMaker::NotebookInstance': 2,
    'AWS::CloudFormation::Stack': 2,
    'AWS::StepFunctions::StateMachine': 2,
    // One of each design; the second is a CloudFront web ACL.
    'AWS::WAFv2::WebACL': 3,
  },
});

/** What a run does to the answers: nothing, deny one operation, or remove one field path of one operation's answers. */
type Alteration =
  | { readonly kind: 'none' }
  | { readonly kind: 'deny'; readonly operation: string }
  | { readonly kind: 'remove'; readonly operation: string; readonly path: readonly string[] };

const EACH = '[]';

/** Deletes the field at `path` (`[]` steps into every item of a list). */
function remove(value: unknown, path: readonly string[]): void {
  const [step, ...rest] = path;
  if (step === undefined || value === null || typeof value !== 'object') return;
  if (step === EACH) {
    if (Array.isArray(value)) for (const item of value) remove(item, rest);
    return;
  }
  const record = value as Record<string, unknown>;
  if (rest.length === 0) delete record[step];
  else remove(record[step], rest);
}

interface FieldPath {
  readonly path: readonly string[];
  /** The field holds a list: without it, a listing lists nothing. */
  readonly list: boolean;
}

/** Every field path of an answer, lists merged (`Keys.[].KeyId`); `$metadata` and binary content are no fields. */
function fieldPaths(value: unknown, prefix: readonly string[] = [], out = new Map<string, FieldPath>()): Map<string, FieldPath> {
  if (value === null || typeof value !== 'object' || value instanceof Date || value instanceof Uint8Array) return out;
  if (Array.isArray(value)) {
    for (const item of value) fieldPaths(item, [...prefix, EACH], out);
    return out;
  }
  for (const [key, child] of Object.entries(value)) {
    if (key === '$metadata') continue;
    const path = [...prefix, key];
    out.set(path.join('.'), { path, list: Array.isArray(child) || out.get(path.join('.'))?.list === true });
    fieldPaths(child, path, out);
  }
  return out;
}

function accessDenied(operation: string): Error {
  return Object.assign(new Error(`User: arn:aws:sts::${ACCOUNT_ID}:assumed-role/vigil/vigil is not authorized to perform: ${operation}`), {
    name: 'AccessDenied',
    $fault: 'client',
    $metadata: { httpStatusCode: 403 },
  });
}

interface Run {
  readonly arns: ReadonlySet<string>;
  readonly resources: readonly CollectedResource[];
  readonly coverage: readonly CoverageEntry[];
  /** Per operation, the answers the collector read (recorded on the unaltered run). */
  readonly answers: ReadonlyMap<string, unknown[]>;
}

/** The collector of the type, fresh where collectors share a memo across runs (IAM's authorization details). */
function freshCollector(type: ResourceType): AnyResourceCollector {
  const iam = iamCollectors();
  const fresh: Partial<Record<ResourceType, AnyResourceCollector>> = {
    'AWS::IAM::User': iam.user,
    'AWS::IAM::Group': iam.group,
    'AWS::IAM::Role': iam.role,
    'AWS::IAM::Policy': iam.policy,
  };
  const collector = fresh[type] ?? resourceCollectors.find((c) => c.resourceType === type);
  if (collector === undefined) throw new Error(`no collector of ${type}`);
  return collector;
}

async function run(type: ResourceType, alteration: Alteration, fields?: ReadonlySet<string>): Promise<Run> {
  const fake = new FakeAws(account);
  const answers = new Map<string, unknown[]>();
  const altered = new WeakSet<object>();
  const clients = new AwsClients({
    defaultCredentials: TEST_CREDENTIALS,
    retryDelay: () => 1,
    clientConfig: (service: ServiceName, region: string) => ({ requestHandler: fake.handlerFor(service, region) }),
  });
  const get = clients.get.bind(clients);
  // Every client the collection asks for alters its answers before the collector sees them.
  clients.get = ((service: ServiceName, accountId: string, region: string) => {
    const client = get(service, accountId, region) as unknown as { middlewareStack: { add(mw: unknown, options: object): void } };
    if (!altered.has(client)) {
      altered.add(client);
      client.middlewareStack.add(
        (next: (args: unknown) => Promise<{ output: unknown }>, context: { commandName?: string }) => async (args: unknown) => {
          const operation = (context.commandName ?? '').replace(/Command$/, '');
          if (alteration.kind === 'deny' && alteration.operation === operation) throw accessDenied(operation);
          const result = await next(args);
          if (alteration.kind === 'none') answers.set(operation, [...(answers.get(operation) ?? []), structuredClone(result.output)]);
          if (alteration.kind === 'remove' && alteration.operation === operation) remove(result.output, alteration.path);
          return result;
        },
        { step: 'initialize', name: 'alterAnswers' },
      );
    }
    return client;
  }) as typeof clients.get;
  const coverage = new CoverageRecorder();
  try {
    const resources = await collectResources(freshCollector(type) as ResourceCollector<ResourceType>, {
      accountId: ACCOUNT_ID,
      regions: [REGION],
      homeRegion: REGION,
      clients,
      coverage,
      clock: () => new Date(NOW),
      contractedKeyArns: [BANK_KEY],
      ...(fields !== undefined && { fields }),
    });
    return { arns: new Set(resources.map((r) => r.arn)), resources, coverage: coverage.list(), answers };
  } finally {
    clients.destroy();
  }
}

/** Baseline resources missing from a run, each explained by coverage ("left out") or not. */
function silentlyLost(baseline: Run, altered: Run): string[] {
  const lost = [...baseline.arns].filter((arn) => !altered.arns.has(arn));
  if (lost.length === 0) return [];
  const explained = altered.coverage.some((entry) => /left out|no longer exists/.test(entry.error.message));
  return explained ? [] : lost;
}

const types = [...new Set(resourceCollectors.map((c) => c.resourceType))].sort();

describe('every listed resource stays in the collection, whatever else fails', () => {
  it('covers every resource collector, each declaring the call that lists its resources', () => {
    for (const collector of resourceCollectors) {
      const listing = collector.operations.filter((op) => op.lists === true);
      // The bank's shared key is known from the configuration, not from a listing.
      expect(listing.length, `${collector.resourceType} listing calls`).toBe(collector.resourceType === 'AWS::KMS::SharedKey' ? 0 : 1);
    }
    expect(types.length).toBe(resourceCollectors.length);
  });

  for (const type of types) {
    describe(type, () => {
      let baseline: Run;
      const collector = () => freshCollector(type);

      it('collects resources from the fake account', async () => {
        baseline = await run(type, { kind: 'none' });
        expect(baseline.arns.size, 'the fake account holds some').toBeGreaterThan(0);
        expect(baseline.coverage.filter((entry) => /left out/.test(entry.error.message))).toEqual([]);
      });

      it('denied any call but its listing, keeps every resource; denied its listing, says so in coverage', async () => {
        baseline ??= await run(type, { kind: 'none' });
        const operations = [...baseline.answers.keys()];
        expect(operations.length).toBeGreaterThan(0);
        const problems: string[] = [];
        for (const operation of operations) {
          const denied = await run(type, { kind: 'deny', operation });
          const listing = collector().operations.some((op) => op.operation === operation && op.lists === true);
          if (listing) {
            if (!denied.coverage.some((entry) => entry.operation === operation)) problems.push(`${operation} denied: not in coverage`);
            continue;
          }
          const lost = [...baseline.arns].filter((arn) => !denied.arns.has(arn));
          if (lost.length > 0) problems.push(`${operation} denied: lost ${lost.join(', ')}`);
          if (!denied.coverage.some((entry) => entry.operation === operation)) problems.push(`${operation} denied: not in coverage`);
        }
        expect(problems).toEqual([]);
      });

      it('asked for the fields of one call at a time, sends only the calls those fields need and loses no resource', async () => {
        baseline ??= await run(type, { kind: 'none' });
        const problems: string[] = [];
        for (const op of collector().operations.filter((o) => o.required !== true)) {
          const fields = new Set<string>(op.fills);
          const allowed = new Set(operationsToRun(collector() as DeclaresOperations, fields).map((o) => o.operation));
          const selected = await run(type, { kind: 'none' }, fields);
          const sent = [...selected.answers.keys()].filter((operation) => !allowed.has(operation));
          if (sent.length > 0) problems.push(`asked for ${[...fields].join(', ')}: also sent ${sent.join(', ')}`);
          const lost = [...baseline.arns].filter((arn) => !selected.arns.has(arn));
          if (lost.length > 0) problems.push(`asked for ${[...fields].join(', ')}: lost ${lost.join(', ')}`);
        }
        expect(problems).toEqual([]);
      });

      it('answered without any one field, loses no resource it can still tell apart, and names the others in coverage', async () => {
        baseline ??= await run(type, { kind: 'none' });
        const listing = (operation: string) => collector().operations.some((op) => op.operation === operation && op.lists === true);
        const alterations: Alteration[] = [...baseline.answers].flatMap(([operation, outputs]) => {
          const paths = new Map<string, FieldPath>();
          for (const output of outputs) for (const [key, field] of fieldPaths(output)) paths.set(key, field);
          // A listing without its list lists nothing: what it did not list is not known to exist.
          return [...paths.values()]
            .filter((field) => !(field.list && listing(operation)))
            .map((field) => ({ kind: 'remove', operation, path: field.path }) as const);
        });
        expect(alterations.length).toBeGreaterThan(0);
        const problems: string[] = [];
        for (const alteration of alterations) {
          const altered = await run(type, alteration);
          const lost = silentlyLost(baseline, altered);
          if (lost.length > 0 && alteration.kind === 'remove')
            problems.push(`${alteration.operation} without ${alteration.path.join('.')}: lost ${lost.join(', ')} silently`);
        }
        expect(problems).toEqual([]);
      });
    });
  }
});
