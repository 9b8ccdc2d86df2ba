/**
 * `vigil collect` against an AWS-compatible endpoint (LocalStack and the like): `AWS_ENDPOINT_URL`
 * sends every service to one local HTTP server — the benchmark's fake AWS, answering a small
 * synthetic account in each API's wire format, routing each request by its SigV4 credential scope
 * — and `AWS_ENDPOINT_URL_S3` sends S3 elsewhere. The real CLI runs whole: credentials from the
 * environment, the SDK's endpoint resolution, signing, HTTP, Vigil's collectors, the snapshot file.
 */
import { join } from 'node:path';
import { setTimeout as delay } from 'node:timers/promises';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { serveFakeAws, type FakeAwsServer } from '../fakes/aws/http-server.js';
import { BANK_SAAS, expectedResources, FakeAws, operationOf, syntheticAccount, type WireRequest } from '../fakes/aws/index.js';
import { UNKNOWN_SERVER_ERROR } from '../../src/collect/aws/aws-error.js';
import type { ServiceName } from '../../src/collect/aws/services.js';
import { readSnapshot } from '../../src/snapshot/snapshot-reader.js';
import { vigil } from '../support/cli.js';
import { useTempDir } from '../support/temp-dir.js';

const tempDir = useTempDir();
// About 200 resources in us-east-1 and eu-west-1: every collector has something to read.
const account = syntheticAccount({ accountId: '123456789012', resources: 200, seed: 7 });
const servers: FakeAwsServer[] = [];

afterEach(async () => {
  vi.unstubAllEnvs();
  await Promise.all(servers.splice(0).map((server) => server.close()));
});

async function server(fake: Pick<FakeAws, 'answer'> = new FakeAws(account)): Promise<FakeAwsServer> {
  const started = await serveFakeAws(fake);
  servers.push(started);
  return started;
}

/** Credentials and region from the environment only; no profile, shared config or instance metadata. */
function isolatedEnvironment(dir: string, endpoints: Readonly<Record<string, string>>): void {
  for (const name of Object.keys(process.env)) if (name.startsWith('AWS_')) vi.stubEnv(name, undefined);
  vi.stubEnv('AWS_ACCESS_KEY_ID', 'AKIAIOSFODNN7EXAMPLE');
  vi.stubEnv('AWS_SECRET_ACCESS_KEY', 'wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY');
  vi.stubEnv('AWS_REGION', 'us-east-1');
  vi.stubEnv('AWS_CONFIG_FILE', join(dir, 'no-config'));
  vi.stubEnv('AWS_SHARED_CREDENTIALS_FILE', join(dir, 'no-credentials'));
  vi.stubEnv('AWS_EC2_METADATA_DISABLED', 'true');
  for (const [name, url] of Object.entries(endpoints)) vi.stubEnv(name, url);
}

async function collectWith(endpoints: Readonly<Record<string, string>>, options: readonly string[] = [], regions = 'us-east-1,eu-west-1') {
  const dir = tempDir();
  isolatedEnvironment(dir, endpoints);
  const out = join(dir, 'snapshot.jsonl');
  const run = await vigil(['collect', '--out', out, '--regions', regions, ...options]);
  const counts: Record<string, number> = {};
  const read = await readSnapshot(out, (resource) => {
    counts[resource.type] = (counts[resource.type] ?? 0) + 1;
  });
  if (!read.ok) throw new Error(`the snapshot does not read: ${JSON.stringify(read.problems)}\n${run.stderr.slice(-2000)}`);
  return { run, counts, coverage: read.value.header.coverage };
}

/** What the APIs themselves never report (KMS: when key material was imported; Step Functions: EXPRESS executions). */
const INHERENT_GAPS = new Set(['NotReported']);

describe('vigil collect with AWS_ENDPOINT_URL', () => {
  it('collects the whole account from the one endpoint, S3 path-style and S3 Control without an account-id host', async () => {
    const aws = await server();
    const host = new URL(aws.url).host;
    const { run, counts, coverage } = await collectWith({ AWS_ENDPOINT_URL: aws.url });

    expect(run.code, run.stderr.slice(-2000)).toBe(0);
    expect(counts).toEqual(expectedResources(account));
    expect(coverage.filter((entry) => !INHERENT_GAPS.has(entry.error.code))).toEqual([]);
    // The summary line counts exactly the requests the endpoint received (no retries here).
    const summary = /vigil: ([\d,]+) API calls \(([\d.]+) per resource; 0 retries, 0 throttles\): s3 /.exec(run.stderr);
    expect(summary, run.stderr.slice(-1000)).not.toBeNull();
    expect(Number(summary![1]!.replace(/,/g, ''))).toBe(aws.requests.length);

    // Every service, both regions, one host.
    expect(new Set(aws.requests.map((r) => r.host))).toEqual(new Set([host]));
    expect(new Set(aws.requests.map((r) => r.region))).toEqual(new Set(['us-east-1', 'eu-west-1']));
    expect([...new Set(aws.requests.map((r) => r.service))].sort()).toEqual([
      'accessanalyzer',
      'cloudformation',
      'cloudtrail',
      'cloudwatch',
      'config',
      'ec2',
      'efs',
      'iam',
      'kms',
      'logs',
      'rds',
      's3',
      's3control',
      'sagemaker',
      'securityhub',
      'sfn',
      'sns',
      'sts',
      'tagging',
      'wafv2',
    ]);

    // S3: path-style (`/bucket/?policy`), each bucket's calls signed for the bucket's region.
    const policyReads = aws.requests.filter((r) => r.service === 's3' && r.query === 'policy=');
    expect(policyReads.map((r) => `${r.method} ${r.path} ${r.region}`).sort()).toEqual(account.buckets.map((b) => `GET /${b.name}/ ${b.region}`).sort());
    expect(aws.requests.filter((r) => r.service === 's3' && r.path === '/').map((r) => r.query)).toEqual(['max-buckets=1000&x-id=ListBuckets']);

    // S3 Control: the endpoint's own host, the API path; the account in its header (the fake refuses another).
    expect(aws.requests.filter((r) => r.service === 's3control').map((r) => ({ method: r.method, host: r.host, path: r.path }))).toEqual([
      { method: 'GET', host, path: '/v20180820/configuration/publicAccessBlock' },
    ]);
  });

  it('sends S3 alone to AWS_ENDPOINT_URL_S3 and every other service, S3 Control included, to AWS_ENDPOINT_URL', async () => {
    const aws = await server();
    const s3 = await server();
    const { run, counts, coverage } = await collectWith({ AWS_ENDPOINT_URL: aws.url, AWS_ENDPOINT_URL_S3: s3.url });

    expect(run.code, run.stderr.slice(-2000)).toBe(0);
    expect(counts).toEqual(expectedResources(account));
    expect(coverage.filter((entry) => !INHERENT_GAPS.has(entry.error.code))).toEqual([]);

    expect(s3.requests.length).toBeGreaterThan(account.buckets.length);
    expect(new Set(s3.requests.map((r) => r.service))).toEqual(new Set(['s3']));
    expect(new Set(s3.requests.map((r) => r.host))).toEqual(new Set([new URL(s3.url).host]));
    expect(aws.requests.filter((r) => r.service === 's3')).toEqual([]);
    expect(aws.requests.filter((r) => r.service === 's3control')).toHaveLength(1);
  });

  it('with --source config, reads the Config-source types from AWS Config at the endpoint, one query per type and region', async () => {
    const aws = await server();
    const { run, counts, coverage } = await collectWith({ AWS_ENDPOINT_URL: aws.url }, ['--source', 'config']);

    expect(run.code, run.stderr.slice(-2000)).toBe(0);
    expect(counts).toEqual(expectedResources(account));
    // Config does not record a KMS key's policy, aliases and rotation: named, never guessed.
    expect(coverage.filter((entry) => !INHERENT_GAPS.has(entry.error.code) && entry.error.code !== 'NotInConfig')).toEqual([]);
    const queries = aws.requests.filter((r) => r.operation === 'SelectResourceConfig');
    expect(new Set(queries.map((r) => r.region))).toEqual(new Set(['us-east-1', 'eu-west-1']));
    expect(queries.length).toBeGreaterThanOrEqual(2 * 5);
    // The API collectors of those types did not run; S3 only fills what Config lacks (ownership controls).
    const operations = new Set(aws.requests.map((r) => `${r.service}:${r.operation}`));
    for (const replaced of ['ec2:DescribeSecurityGroups', 'kms:ListKeys', 'rds:DescribeDBInstances', 'rds:DescribeDBClusters', 's3:ListBuckets'])
      expect(operations).not.toContain(replaced);
    expect(new Set(aws.requests.filter((r) => r.service === 's3').map((r) => r.operation))).toEqual(new Set(['GetBucketOwnershipControls']));
  });
});

describe('vigil collect against an endpoint that lacks an operation', () => {
  // A small bank SaaS account in one region, on an emulator answering ListOrganizationsFeatures with an HTML 500 page.
  const bank = syntheticAccount({ accountId: '123456789012', ...BANK_SAAS });
  const MISSING = 'iam:ListOrganizationsFeatures';
  /** First calls of resource collectors of three services. */
  const RESOURCE_CALLS = ['s3:ListBuckets', 'kms:ListKeys', 'rds:DescribeDBInstances'];

  it('tries the operation twice, names it in coverage, and collects the resources meanwhile', async () => {
    const fake = new FakeAws(bank, { htmlErrors: [MISSING] });
    // The page is held back until the three resource collectors have been heard from. Should
    // collection wait for the settings call, they never are: the hold then ends, and the order
    // of the requests below shows the wait.
    const heard = new Set<string>();
    let release = () => {};
    const released = new Promise<void>((resolve) => (release = resolve));
    const aws = await server({
      async answer(service: ServiceName, region: string, request: WireRequest) {
        const call = `${service}:${operationOf(service, request)}`;
        if (RESOURCE_CALLS.includes(call)) heard.add(call);
        if (heard.size === RESOURCE_CALLS.length) release();
        if (call === MISSING) await Promise.race([released, delay(2_000)]);
        return fake.answer(service, region, request);
      },
    });
    const { run, counts, coverage } = await collectWith({ AWS_ENDPOINT_URL: aws.url }, [], 'us-east-1');

    expect(run.code, run.stderr.slice(-2000)).toBe(0);
    expect(counts).toEqual(expectedResources(bank));
    const calls = aws.requests.map((r) => `${r.service}:${r.operation}`);
    // At most two attempts, not IAM's ten: one retry, counted as such.
    expect(calls.filter((call) => call === MISSING)).toHaveLength(2);
    expect(run.stderr).toMatch(/API calls \([\d.]+ per resource; 1 retries, 0 throttles\)/);
    // Recorded, not lost: the root user's centrally-managed flag is unknown, and coverage says why.
    expect(coverage.filter((entry) => !INHERENT_GAPS.has(entry.error.code))).toEqual([
      expect.objectContaining({ service: 'iam', operation: 'ListOrganizationsFeatures', error: expect.objectContaining({ code: UNKNOWN_SERVER_ERROR }) }),
    ]);
    // Resource collection did not wait: each resource collector had called before the last attempt.
    const lastAttempt = calls.lastIndexOf(MISSING);
    for (const call of RESOURCE_CALLS) expect(calls.indexOf(call), call).toBeGreaterThanOrEqual(0);
    for (const call of RESOURCE_CALLS) expect(calls.indexOf(call), call).toBeLessThan(lastAttempt);
  });
});
