/**
 * One resource read again, live (the re-check a bot makes before it acts, the fill of what AWS
 * Config lacks), against the fake AWS: by the collector's `readOne` where it has one (S3: no
 * listing, only the selected calls, in the bucket's region), else by collecting the region and
 * picking the resource out; nothing when it no longer exists.
 */
import { describe, expect, it } from 'vitest';
import { FakeAws, syntheticAccount, type ObservedCall } from '../../fakes/aws/index.js';
import { AwsClients } from '../../../src/collect/aws/aws-clients.js';
import type { ResourceCollector } from '../../../src/collect/contract/collector.js';
import s3Bucket from '../../../src/collect/collectors/s3/bucket.js';
import kmsKey from '../../../src/collect/collectors/kms/key.js';
import { CoverageRecorder } from '../../../src/collect/contract/coverage-recorder.js';
import { readResource } from '../../../src/collect/contract/run-collector.js';
import type { ServiceName } from '../../../src/collect/aws/services.js';
import type { ResourceType } from '../../../src/model/resource-types.js';
import { TEST_CREDENTIALS } from '../support/fake-http.js';

const account = syntheticAccount({ accountId: '111122223333', resources: 200, now: '2026-06-01T12:00:00.000Z' });

function setup() {
  const calls: ObservedCall[] = [];
  const fake = new FakeAws(account, { observe: (call) => calls.push(call) });
  const clients = new AwsClients({
    defaultCredentials: TEST_CREDENTIALS,
    retryDelay: () => 1,
    clientConfig: (service: ServiceName, region: string) => ({ requestHandler: fake.handlerFor(service, region) }),
  });
  const coverage = new CoverageRecorder();
  const run = (fields?: readonly string[]) => ({
    accountId: account.accountId,
    regions: account.regions,
    homeRegion: account.homeRegion,
    clients,
    coverage,
    clock: () => new Date(account.now),
    ...(fields !== undefined && { fields: new Set(fields) }),
  });
  return { calls, clients, coverage, run };
}

describe('readResource', () => {
  it('reads one bucket with its readOne: only the selected calls, in its own region, no listing', async () => {
    const bucket = account.buckets.find((b) => b.region !== account.homeRegion)!;
    const { calls, clients, run } = setup();
    try {
      const read = await readResource(s3Bucket as ResourceCollector<ResourceType>, run(['versioning', 'policy']), { id: bucket.name, region: bucket.region });
      expect(read).toMatchObject({ id: bucket.name, region: bucket.region, config: { versioning: { status: bucket.versioning ?? null } } });
      expect(calls.map((c) => c.operation).sort()).toEqual(['GetBucketPolicy', 'GetBucketVersioning']);
      expect(new Set(calls.map((c) => c.region))).toEqual(new Set([bucket.region]));
    } finally {
      clients.destroy();
    }
  });

  it('reads one key of a collector without readOne by collecting its region and picking it out', async () => {
    const key = account.keys.find((k) => k.manager === 'CUSTOMER')!;
    const { calls, clients, run } = setup();
    try {
      const read = await readResource(kmsKey as ResourceCollector<ResourceType>, run(), { id: key.id, region: key.region });
      expect(read).toMatchObject({ id: key.id, type: 'AWS::KMS::Key', region: key.region, config: { manager: 'CUSTOMER' } });
      expect(new Set(calls.map((c) => c.region))).toEqual(new Set([key.region]));
    } finally {
      clients.destroy();
    }
  });

  it('answers nothing for a resource that no longer exists, and coverage says why', async () => {
    const { clients, coverage, run } = setup();
    try {
      const read = await readResource(s3Bucket as ResourceCollector<ResourceType>, run(['versioning']), {
        id: 'deleted-yesterday',
        region: account.homeRegion,
      });
      expect(read).toBeUndefined();
      expect(coverage.list()).toEqual([expect.objectContaining({ error: expect.objectContaining({ code: 'NoSuchBucket' }) })]);
    } finally {
      clients.destroy();
    }
  });
});
