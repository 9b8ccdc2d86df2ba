/** Runs collectors against mocked or scripted clients and checks what they produce. */
import { expect } from 'vitest';
import { AwsClients, type AwsClientsOptions } from '../../../src/collect/aws/aws-clients.js';
import type { ResourceCollector, SettingsCollector } from '../../../src/collect/contract/collector.js';
import { CoverageRecorder } from '../../../src/collect/contract/coverage-recorder.js';
import { collectResources, collectSettings } from '../../../src/collect/contract/run-collector.js';
import type { SharedReads } from '../../../src/collect/contract/shared-reads.js';
import type { CoverageEntry } from '../../../src/snapshot/coverage.js';
import { resourceSchema, type CollectedResource, type Resource } from '../../../src/model/resource.js';
import type { ConfigOf, ResourceType } from '../../../src/model/resource-types.js';
import { validatorFor } from '../../../src/schemas/ajv.js';
import { TEST_CREDENTIALS } from './fake-http.js';

export const ACCOUNT = '111122223333';
export const OBSERVED_AT = '2026-03-01T09:00:00.000Z';

export interface RunOptions {
  readonly regions?: readonly string[];
  readonly homeRegion?: string;
  readonly fields?: readonly string[];
  readonly clients?: Omit<AwsClientsOptions, 'defaultCredentials'>;
  /** The reads of one account run, to run several collectors as one collection would; default: a run of their own. */
  readonly shared?: SharedReads;
}

export interface RunResult<T extends ResourceType> {
  readonly resources: CollectedResource<T>[];
  readonly coverage: CoverageEntry[];
  readonly clients: AwsClients;
}

function setup(options: RunOptions) {
  const clients = new AwsClients({ defaultCredentials: TEST_CREDENTIALS, retryDelay: () => 1, ...options.clients });
  const coverage = new CoverageRecorder();
  const run = {
    accountId: ACCOUNT,
    regions: options.regions ?? ['eu-west-1'],
    ...(options.homeRegion !== undefined ? { homeRegion: options.homeRegion } : {}),
    clients,
    coverage,
    clock: () => new Date(OBSERVED_AT),
    ...(options.fields !== undefined ? { fields: new Set(options.fields) } : {}),
    ...(options.shared !== undefined ? { shared: options.shared } : {}),
  };
  return { clients, coverage, run };
}

export async function runCollector<T extends ResourceType>(collector: ResourceCollector<T>, options: RunOptions = {}): Promise<RunResult<T>> {
  const { clients, coverage, run } = setup(options);
  try {
    const resources = await collectResources(collector, run);
    return { resources, coverage: coverage.list(), clients };
  } finally {
    clients.destroy();
  }
}

export async function runSettings<T extends ResourceType, F extends keyof ConfigOf<T> & string>(
  collector: SettingsCollector<T, F>,
  options: RunOptions = {},
): Promise<{ settings: Pick<ConfigOf<T>, F>; coverage: CoverageEntry[] }> {
  const { clients, coverage, run } = setup(options);
  try {
    const settings = await collectSettings(collector, run);
    return { settings, coverage: coverage.list() };
  } finally {
    clients.destroy();
  }
}

/** Every resource must pass the schema the snapshot reader applies. */
export function expectValid(resources: readonly CollectedResource[]): void {
  for (const resource of resources) {
    const validate = validatorFor(resourceSchema(resource.type));
    const ok = validate(resource);
    expect(ok ? [] : validate.errors, `${resource.arn} validates against resourceSchema(${resource.type})`).toEqual([]);
  }
}

/** The resource with this id, typed as the model types it: the test asserts what each field holds. */
export function byId<T extends ResourceType>(resources: readonly CollectedResource<T>[], id: string): Resource<T> {
  const found = resources.find((resource) => resource.id === id);
  if (found === undefined) throw new Error(`no resource ${id} among ${resources.map((r) => r.id).join(', ')}`);
  return found as unknown as Resource<T>;
}

/** The region a mocked call was sent to: the region of the client that sent it. */
export async function regionOf(getClient: () => unknown): Promise<string> {
  const config = (getClient() as { config: { region: () => Promise<string> } }).config;
  return config.region();
}

/** Operation names of the commands a mock received, e.g. `GetBucketPolicy`. */
export function sentOperations(calls: readonly { args: readonly unknown[] }[]): string[] {
  return calls.map((call) => (call.args[0] as object).constructor.name.replace(/Command$/, ''));
}
