/**
 * A collector run against a world: the wire-level fake AWS answering a synthetic account, with the
 * answers altered on the way to the collector (an operation denied, a field removed, a later page
 * failing, a resource deleted once the listing answered). Responses are shaped as the API
 * reference documents them and read back by the SDK's own deserialisers.
 */
import { AwsClients } from '../../../src/collect/aws/aws-clients.js';
import type { ServiceName } from '../../../src/collect/aws/services.js';
import type { AnyResourceCollector, AnySettingsCollector, ResourceCollector, SettingsCollector } from '../../../src/collect/contract/collector.js';
import { CoverageRecorder } from '../../../src/collect/contract/coverage-recorder.js';
import { collectResources, collectSettings, type AccountRun } from '../../../src/collect/contract/run-collector.js';
import type { CollectedResource } from '../../../src/model/resource.js';
import type { ResourceType } from '../../../src/model/resource-types.js';
import type { CoverageEntry } from '../../../src/snapshot/coverage.js';
import { FakeAws, type SyntheticAccount } from '../../fakes/aws/index.js';
import { TEST_CREDENTIALS } from './fake-http.js';

export interface CollectorWorld {
  readonly account: SyntheticAccount;
  readonly region: string;
  /** The bank's keys a tenant account is contracted to use (the shared-key collector's "listing"). */
  readonly contractedKeyArns: readonly string[];
}

/** What a run does to the answers on their way to the collector. */
export type Alteration =
  | { readonly kind: 'none' }
  | { readonly kind: 'deny'; readonly operation: string }
  | { readonly kind: 'remove'; readonly operation: string; readonly path: readonly string[] }
  /** The listing's first page says there is more; every later page fails. */
  | { readonly kind: 'later-page-fails'; readonly operation: string }
  /** Once the listing answered, the first resource of the type is deleted from the account. */
  | { readonly kind: 'vanish'; readonly operation: string; readonly list: AccountList };

/** The lists of the synthetic account that hold resources. */
export type AccountList = {
  [K in keyof SyntheticAccount]-?: SyntheticAccount[K] extends readonly unknown[] ? K : never;
}[keyof SyntheticAccount];

/** Where the synthetic account holds each type listed by a call (the bank's shared key is configured, not listed). */
export const ACCOUNT_LISTS = {
  'AWS::CloudFormation::Stack': 'stacks',
  'AWS::CloudTrail::Trail': 'trails',
  'AWS::CloudWatch::Alarm': 'alarms',
  'AWS::EC2::Instance': 'instances',
  'AWS::EC2::NetworkAcl': 'networkAcls',
  'AWS::EC2::SecurityGroup': 'securityGroups',
  'AWS::EC2::VPC': 'vpcs',
  'AWS::EC2::Volume': 'volumes',
  'AWS::EFS::FileSystem': 'fileSystems',
  'AWS::IAM::Group': 'groups',
  'AWS::IAM::Policy': 'policies',
  'AWS::IAM::Role': 'roles',
  'AWS::IAM::ServerCertificate': 'serverCertificates',
  'AWS::IAM::User': 'users',
  'AWS::KMS::Key': 'keys',
  'AWS::Logs::LogGroup': 'logGroups',
  'AWS::RDS::DBCluster': 'dbClusters',
  'AWS::RDS::DBInstance': 'dbInstances',
  'AWS::RDS::DBSnapshot': 'dbSnapshots',
  'AWS::S3::Bucket': 'buckets',
  'AWS::SNS::Topic': 'topics',
  'AWS::SageMaker::NotebookInstance': 'notebooks',
  'AWS::StepFunctions::StateMachine': 'stateMachines',
  'AWS::WAFv2::WebACL': 'webAcls',
} as const satisfies Partial<Record<ResourceType, AccountList>>;

export interface WorldRun {
  readonly arns: ReadonlySet<string>;
  readonly resources: readonly CollectedResource[];
  readonly coverage: readonly CoverageEntry[];
  /** Per operation, the answers the collector read (as they came from the fake, before any alteration). */
  readonly answers: ReadonlyMap<string, unknown[]>;
}

export const EACH = '[]';

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

export interface FieldPath {
  readonly path: readonly string[];
  /** The field holds a list: without it, a listing lists nothing. */
  readonly list: boolean;
}

/** Every field path of an answer, lists merged (`Keys.[].KeyId`); `$metadata` and binary content are no fields. */
export function fieldPaths(value: unknown, prefix: readonly string[] = [], out = new Map<string, FieldPath>()): Map<string, FieldPath> {
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

/** The token fields APIs page with, and their "truncated" flags: a first page with these set says there is more. */
const MORE_PAGES = {
  NextToken: 'vigil-page-2',
  nextToken: 'vigil-page-2',
  Marker: 'vigil-page-2',
  NextMarker: 'vigil-page-2',
  ContinuationToken: 'vigil-page-2',
};
const TRUNCATED = { IsTruncated: true, Truncated: true };

function awsError(name: string, message: string, status: number): Error {
  return Object.assign(new Error(message), { name, $fault: status >= 500 ? 'server' : 'client', $metadata: { httpStatusCode: status } });
}

function accessDenied(accountId: string, operation: string): Error {
  return awsError('AccessDenied', `User: arn:aws:sts::${accountId}:assumed-role/vigil/vigil is not authorized to perform: ${operation}`, 403);
}

/** The account without the first resource of the list. */
function without(account: SyntheticAccount, list: AccountList): SyntheticAccount {
  return { ...account, [list]: account[list].slice(1) };
}

type Middleware = (next: (args: unknown) => Promise<{ output: unknown }>, context: { commandName?: string }) => (args: unknown) => Promise<{ output: unknown }>;

/** Runs the collector in the world's region, its answers altered; `fields` selects what to collect (default: everything). */
/** What a body run inside the world gets: clients whose answers are altered, and the coverage they record into. */
export interface WorldCall {
  readonly clients: AwsClients;
  readonly coverage: CoverageRecorder;
}

/**
 * Runs `body` against the world with its answers altered; returns what it returned, the coverage
 * recorded and the answers read (before alteration), per operation.
 */
export async function runInWorld<T>(
  world: CollectorWorld,
  alteration: Alteration,
  body: (call: WorldCall) => Promise<T>,
): Promise<{ readonly value: T; readonly coverage: readonly CoverageEntry[]; readonly answers: ReadonlyMap<string, unknown[]> }> {
  const full = new FakeAws(world.account);
  const after = alteration.kind === 'vanish' ? new FakeAws(without(world.account, alteration.list)) : full;
  let listed = false;
  const answers = new Map<string, unknown[]>();
  /** Pages per listing: the operation and its input but the page token (WAF lists each scope). */
  const pages = new Map<string, number>();
  const altered = new WeakSet<object>();
  const clients = new AwsClients({
    defaultCredentials: TEST_CREDENTIALS,
    retryDelay: () => 1,
    clientConfig: (service: ServiceName, region: string) => ({
      requestHandler: { handle: (request: unknown) => (listed ? after : full).handlerFor(service, region).handle(request) },
    }),
  });
  const alter: Middleware = (next, context) => async (args) => {
    const operation = (context.commandName ?? '').replace(/Command$/, '');
    if (alteration.kind === 'deny' && alteration.operation === operation) throw accessDenied(world.account.accountId, operation);
    const input = { ...(args as { input?: object }).input };
    for (const token of Object.keys(MORE_PAGES)) delete (input as Record<string, unknown>)[token];
    const listing = `${operation} ${JSON.stringify(input)}`;
    const page = (pages.get(listing) ?? 0) + 1;
    pages.set(listing, page);
    if (alteration.kind === 'later-page-fails' && alteration.operation === operation && page > 1) {
      throw awsError('InternalFailure', 'The request processing has failed because of an unknown error.', 500);
    }
    const result = await next(args);
    answers.set(operation, [...(answers.get(operation) ?? []), structuredClone(result.output)]);
    if (alteration.kind === 'remove' && alteration.operation === operation) remove(result.output, alteration.path);
    if (alteration.kind === 'later-page-fails' && alteration.operation === operation && page === 1)
      Object.assign(result.output as object, MORE_PAGES, TRUNCATED);
    if (alteration.kind === 'vanish' && alteration.operation === operation) listed = true;
    return result;
  };
  const get = clients.get.bind(clients);
  // Every client the body asks for alters its answers before the collector sees them.
  clients.get = ((service: ServiceName, accountId: string, region: string) => {
    const client = get(service, accountId, region) as unknown as { middlewareStack: { add(mw: Middleware, options: object): void } };
    if (!altered.has(client)) {
      altered.add(client);
      client.middlewareStack.add(alter, { step: 'initialize', name: 'alterAnswers' });
    }
    return client;
  }) as typeof clients.get;
  const coverage = new CoverageRecorder();
  try {
    const value = await body({ clients, coverage });
    return { value, coverage: coverage.list(), answers };
  } finally {
    clients.destroy();
  }
}

/** The account run a collector gets in the world. */
function accountRun(world: CollectorWorld, { clients, coverage }: WorldCall, fields?: ReadonlySet<string>): AccountRun {
  return {
    accountId: world.account.accountId,
    regions: [world.region],
    homeRegion: world.region,
    clients,
    coverage,
    clock: () => new Date(world.account.now),
    contractedKeyArns: world.contractedKeyArns,
    ...(fields !== undefined && { fields }),
  };
}

export async function collectFrom(
  world: CollectorWorld,
  collector: AnyResourceCollector,
  alteration: Alteration,
  fields?: ReadonlySet<string>,
): Promise<WorldRun> {
  const run = await runInWorld(world, alteration, (call) => collectResources(collector as ResourceCollector<ResourceType>, accountRun(world, call, fields)));
  return { arns: new Set(run.value.map((r) => r.arn)), resources: run.value, coverage: run.coverage, answers: run.answers };
}

/** What a settings collector returned in the world: its fields, the coverage and the answers it read. */
export interface SettingsRun {
  readonly settings: Readonly<Record<string, unknown>>;
  readonly coverage: readonly CoverageEntry[];
  readonly answers: ReadonlyMap<string, unknown[]>;
}

export async function collectSettingsFrom(world: CollectorWorld, collector: AnySettingsCollector, alteration: Alteration): Promise<SettingsRun> {
  const region = collector.scope === 'region' ? world.region : undefined;
  const run = await runInWorld(world, alteration, (call) =>
    collectSettings(collector as SettingsCollector<ResourceType, never>, accountRun(world, call), region),
  );
  return { settings: run.value, coverage: run.coverage, answers: run.answers };
}

/**
 * Resources of the first run missing from the second that no coverage entry accounts for: one that
 * names the resource, or says that something was left out or no longer exists.
 */
export function silentlyLost(baseline: WorldRun, altered: WorldRun): string[] {
  const lost = [...baseline.arns].filter((arn) => !altered.arns.has(arn));
  if (lost.length === 0) return [];
  const named = new Set(altered.coverage.map((entry) => entry.resourceArn));
  const leftOut = altered.coverage.some((entry) => /left out|no longer exists/.test(entry.error.message));
  return leftOut ? [] : lost.filter((arn) => !named.has(arn));
}

/** Coverage entries saying a collected resource did not fit its schema: the collector built something the model cannot hold. */
export function misfits(run: WorldRun): string[] {
  return run.coverage
    .filter((entry) => /does not fit the .* model|does not match the .* schema/.test(entry.error.message))
    .map((entry) => `${entry.operation}: ${entry.error.message}`);
}
