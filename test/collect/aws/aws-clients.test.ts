import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { ListOrganizationsFeaturesCommand } from '@aws-sdk/client-iam';
import { ListKeysCommand } from '@aws-sdk/client-kms';
import { GetBucketPolicyCommand } from '@aws-sdk/client-s3';
import { GetPublicAccessBlockCommand } from '@aws-sdk/client-s3-control';
import { AwsClients, createAwsClients, resolveConfiguredEndpoints } from '../../../src/collect/aws/aws-clients.js';
import { describeAwsError, UNKNOWN_SERVER_ERROR } from '../../../src/collect/aws/aws-error.js';
import { CallStats } from '../../../src/collect/aws/call-stats.js';
import { fakeHttp, json, jsonError, TEST_CREDENTIALS, xml, xmlError, type Reply } from '../support/fake-http.js';

const ACCOUNT = '111122223333';

afterEach(() => {
  vi.unstubAllEnvs();
});

describe('AwsClients', () => {
  it('creates one client per (account, region, service) on first use and reuses it', () => {
    const clients = new AwsClients({ defaultCredentials: TEST_CREDENTIALS });
    const a = clients.get('s3', ACCOUNT, 'eu-west-1');
    expect(clients.get('s3', ACCOUNT, 'eu-west-1')).toBe(a);
    expect(clients.get('s3', ACCOUNT, 'us-east-1')).not.toBe(a);
    expect(clients.get('s3', '444455556666', 'eu-west-1')).not.toBe(a);
    expect(clients.get('kms', ACCOUNT, 'eu-west-1')).not.toBe(a);
    expect(clients.size).toBe(4);
    clients.destroy();
    expect(clients.size).toBe(0);
  });

  it('configures adaptive retries with more attempts for IAM and Config, and configurable budgets', async () => {
    const clients = new AwsClients({ defaultCredentials: TEST_CREDENTIALS, maxAttempts: { kms: 7 } });
    const s3 = clients.get('s3', ACCOUNT, 'eu-west-1');
    const kms = clients.get('kms', ACCOUNT, 'eu-west-1');
    expect(await s3.config.maxAttempts()).toBe(5);
    expect(await kms.config.maxAttempts()).toBe(7);
    expect((await s3.config.retryStrategy()) as unknown).toMatchObject({ mode: 'adaptive' });
    expect(await s3.config.region()).toBe('eu-west-1');
    clients.destroy();
  });

  it('uses the credentials given for an account, else the default chain with the chosen profile', async () => {
    // The default chain reads the named profile from a shared credentials file: no network, no IMDS.
    const dir = mkdtempSync(join(tmpdir(), 'vigil-credentials-'));
    const file = join(dir, 'credentials');
    writeFileSync(file, '[vigil-test-profile]\naws_access_key_id = AKIAPROFILE\naws_secret_access_key = profile-secret\n');
    vi.stubEnv('AWS_SHARED_CREDENTIALS_FILE', file);
    vi.stubEnv('AWS_CONFIG_FILE', join(dir, 'config-absent'));
    const own = { accessKeyId: 'AKIAOWN', secretAccessKey: 'secret' };
    const clients = new AwsClients({ credentialsFor: (account) => (account === ACCOUNT ? own : undefined), profile: 'vigil-test-profile' });
    const mine = await clients.get('kms', ACCOUNT, 'eu-west-1').config.credentials();
    expect(mine.accessKeyId).toBe('AKIAOWN');
    const other1 = await clients.get('kms', '444455556666', 'eu-west-1').config.credentials();
    const other2 = await clients.get('s3', '444455556666', 'us-east-1').config.credentials();
    expect(other1.accessKeyId).toBe('AKIAPROFILE');
    expect(other2.accessKeyId).toBe('AKIAPROFILE');
    clients.destroy();
    rmSync(dir, { recursive: true, force: true });
  });
});

describe('custom endpoints', () => {
  it('asks the SDK which endpoints AWS_ENDPOINT_URL and AWS_ENDPOINT_URL_<SERVICE> configure', async () => {
    vi.stubEnv('AWS_ENDPOINT_URL', 'http://localhost:4566');
    vi.stubEnv('AWS_ENDPOINT_URL_S3', 'http://s3.local:9000');
    expect(await resolveConfiguredEndpoints(['s3', 's3control', 'kms'])).toEqual({
      s3: 'http://s3.local:9000',
      s3control: 'http://localhost:4566',
      kms: 'http://localhost:4566',
    });
    vi.stubEnv('AWS_IGNORE_CONFIGURED_ENDPOINT_URLS', 'true');
    expect(await resolveConfiguredEndpoints(['s3'])).toEqual({});
  });

  it('without one, talks to AWS: virtual-hosted S3, account-prefixed S3 Control', async () => {
    const http = fakeHttp((request) =>
      request.hostname.includes('s3-control')
        ? xml('<PublicAccessBlockConfiguration><BlockPublicAcls>true</BlockPublicAcls></PublicAccessBlockConfiguration>')
        : { status: 200, body: '{"Version":"2012-10-17","Statement":[]}' },
    );
    const clients = await createAwsClients({ defaultCredentials: TEST_CREDENTIALS, clientConfig: () => ({ requestHandler: http.handler }) });
    await clients.get('s3', ACCOUNT, 'eu-west-1').send(new GetBucketPolicyCommand({ Bucket: 'my-bucket' }));
    await clients.get('s3control', ACCOUNT, 'eu-west-1').send(new GetPublicAccessBlockCommand({ AccountId: ACCOUNT }));
    expect(http.requests.map((r) => `${r.hostname}${r.path}`)).toEqual([
      'my-bucket.s3.eu-west-1.amazonaws.com/',
      `${ACCOUNT}.s3-control.eu-west-1.amazonaws.com/v20180820/configuration/publicAccessBlock`,
    ]);
    clients.destroy();
  });

  it('with AWS_ENDPOINT_URL, addresses S3 path-style and S3 Control without the account id in the host', async () => {
    vi.stubEnv('AWS_ENDPOINT_URL', 'http://localhost:4566');
    const http = fakeHttp((request) =>
      request.path.startsWith('/v20180820')
        ? xml('<PublicAccessBlockConfiguration><BlockPublicAcls>true</BlockPublicAcls></PublicAccessBlockConfiguration>')
        : request.path === '/'
          ? json({ Keys: [], Truncated: false })
          : { status: 200, body: '{"Version":"2012-10-17","Statement":[]}' },
    );
    const clients = await createAwsClients({ defaultCredentials: TEST_CREDENTIALS, clientConfig: () => ({ requestHandler: http.handler }) });
    expect(clients.customEndpoint('s3')).toBe('http://localhost:4566');
    const policy = await clients.get('s3', ACCOUNT, 'eu-west-1').send(new GetBucketPolicyCommand({ Bucket: 'my-bucket' }));
    expect(policy.Policy).toBe('{"Version":"2012-10-17","Statement":[]}');
    const block = await clients.get('s3control', ACCOUNT, 'eu-west-1').send(new GetPublicAccessBlockCommand({ AccountId: ACCOUNT }));
    expect(block.PublicAccessBlockConfiguration?.BlockPublicAcls).toBe(true);
    await clients.get('kms', ACCOUNT, 'eu-west-1').send(new ListKeysCommand({}));
    expect(http.requests.map((r) => `${r.protocol}//${r.hostname}:${r.port}${r.path}`)).toEqual([
      'http://localhost:4566/my-bucket/',
      'http://localhost:4566/v20180820/configuration/publicAccessBlock',
      'http://localhost:4566/',
    ]);
    // The API still learns the account from its header, and the signature covers the host actually used.
    expect(http.requests[1]!.headers['x-amz-account-id']).toBe(ACCOUNT);
    expect(http.requests[1]!.headers['host']).toBe('localhost:4566');
    expect(http.requests[1]!.headers['authorization']).toMatch(/SignedHeaders=[^,]*host/);
    clients.destroy();
  });

  it('honours a per-service AWS_ENDPOINT_URL_S3 and an explicit endpoint the same way', async () => {
    vi.stubEnv('AWS_ENDPOINT_URL_S3', 'http://minio.local:9000');
    const http = fakeHttp(() => ({ status: 200, body: '{}' }));
    const clients = await createAwsClients({
      defaultCredentials: TEST_CREDENTIALS,
      endpoints: { s3control: 'http://control.local:9001' },
      clientConfig: () => ({ requestHandler: http.handler }),
    });
    await clients.get('s3', ACCOUNT, 'eu-west-1').send(new GetBucketPolicyCommand({ Bucket: 'b' }));
    await clients
      .get('s3control', ACCOUNT, 'eu-west-1')
      .send(new GetPublicAccessBlockCommand({ AccountId: ACCOUNT }))
      .catch(() => undefined);
    expect(http.requests.map((r) => `${r.hostname}:${r.port}${r.path}`)).toEqual([
      'minio.local:9000/b/',
      'control.local:9001/v20180820/configuration/publicAccessBlock',
    ]);
    clients.destroy();
  });
});

describe('retries and call accounting', () => {
  it('retries a throttled KMS call and counts the call, its retry and the throttle', async () => {
    const http = fakeHttp((_request, index) =>
      index === 0 ? jsonError('ThrottlingException', 'Rate exceeded') : json({ Keys: [{ KeyId: 'k1', KeyArn: 'arn' }], Truncated: false }),
    );
    const stats = new CallStats();
    const clients = new AwsClients({
      defaultCredentials: TEST_CREDENTIALS,
      stats,
      retryDelay: () => 1,
      clientConfig: () => ({ requestHandler: http.handler }),
    });
    const out = await clients.get('kms', ACCOUNT, 'eu-west-1').send(new ListKeysCommand({}));
    expect(out.Keys).toHaveLength(1);
    expect(out.$metadata.attempts).toBe(2);
    expect(http.requests).toHaveLength(2);
    expect(stats.byOperation()).toEqual({ 'kms:ListKeys': { calls: 1, attempts: 2, throttles: 1, failures: 0, retries: 1 } });
    clients.destroy();
  });

  it('retries S3 SlowDown and gives up after the attempt budget, counting a failure', async () => {
    const http = fakeHttp(() => xmlError('SlowDown', 'Please reduce your request rate.', 503));
    const stats = new CallStats();
    const clients = new AwsClients({
      defaultCredentials: TEST_CREDENTIALS,
      stats,
      maxAttempts: { s3: 2 },
      retryDelay: () => 1,
      clientConfig: () => ({ requestHandler: http.handler }),
    });
    const error = await clients
      .get('s3', ACCOUNT, 'eu-west-1')
      .send(new GetBucketPolicyCommand({ Bucket: 'b' }))
      .catch((e: unknown) => e);
    expect((error as Error).name).toBe('SlowDown');
    expect(http.requests).toHaveLength(2);
    expect(stats.byService()).toEqual({ s3: { calls: 1, attempts: 2, throttles: 2, failures: 1, retries: 1 } });
    expect(stats.total().retries).toBe(1);
    clients.destroy();
  });

  it('does not retry AccessDenied', async () => {
    const http = fakeHttp(() => xmlError('AccessDenied', 'Access Denied', 403));
    const stats = new CallStats();
    const clients = new AwsClients({
      defaultCredentials: TEST_CREDENTIALS,
      stats,
      retryDelay: () => 1,
      clientConfig: () => ({ requestHandler: http.handler }),
    });
    await clients
      .get('s3', ACCOUNT, 'eu-west-1')
      .send(new GetBucketPolicyCommand({ Bucket: 'b' }))
      .catch(() => undefined);
    expect(stats.byOperation()['s3:GetBucketPolicy']).toEqual({ calls: 1, attempts: 1, throttles: 0, failures: 1, retries: 0 });
    clients.destroy();
  });

  it('counts a call that failed before its first try (an invalid bucket name) with no attempt and no negative retries', async () => {
    const http = fakeHttp(() => xml('<Policy/>'));
    const stats = new CallStats();
    const clients = new AwsClients({
      defaultCredentials: TEST_CREDENTIALS,
      stats,
      retryDelay: () => 1,
      clientConfig: () => ({ requestHandler: http.handler }),
    });
    const s3 = clients.get('s3', ACCOUNT, 'eu-west-1');
    // The endpoint rules refuse a bucket name that cannot be one: nothing is sent.
    const error = await s3.send(new GetBucketPolicyCommand({ Bucket: 'not/a bucket' })).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(Error);
    expect(http.requests).toHaveLength(0);
    expect(stats.byOperation()['s3:GetBucketPolicy']).toEqual({ calls: 1, attempts: 0, throttles: 0, failures: 1, retries: 0 });
    clients.destroy();
  });
});

/** What a proxy, or an AWS-compatible endpoint lacking the operation, answers: not the service's error document. */
const HTML_500: Reply = {
  status: 500,
  headers: { 'content-type': 'text/html; charset=utf-8' },
  body: '<!DOCTYPE html>\n<html><head><title>500 Internal Server Error</title></head><body><h1>Internal Server Error</h1></body></html>',
};

describe('server errors the service did not write', () => {
  const IAM_NS = 'https://iam.amazonaws.com/doc/2010-05-08/';
  const iamError = (code: string, status: number): Reply => ({
    status,
    headers: { 'content-type': 'text/xml' },
    body: `<ErrorResponse xmlns="${IAM_NS}"><Error><Type>Receiver</Type><Code>${code}</Code><Message>try again</Message></Error><RequestId>r</RequestId></ErrorResponse>`,
  });

  async function iamCall(reply: (index: number) => Reply, maxAttempts = 10) {
    const http = fakeHttp((_request, index) => reply(index));
    const stats = new CallStats();
    const clients = new AwsClients({
      defaultCredentials: TEST_CREDENTIALS,
      stats,
      maxAttempts: { iam: maxAttempts },
      retryDelay: () => 0,
      clientConfig: () => ({ requestHandler: http.handler }),
    });
    const outcome = await clients
      .get('iam', ACCOUNT, 'us-east-1')
      .send(new ListOrganizationsFeaturesCommand({}))
      .then(
        (value) => ({ ok: true as const, value }),
        (error: unknown) => ({ ok: false as const, error }),
      );
    clients.destroy();
    return { outcome, requests: http.requests.length, counts: stats.byOperation()['iam:ListOrganizationsFeatures'] };
  }

  it('an HTML 500 page is retried once, not for the whole IAM budget, and the retry is counted', async () => {
    const { outcome, requests, counts } = await iamCall(() => HTML_500);
    expect(requests).toBe(2);
    expect(counts).toEqual({ calls: 1, attempts: 2, throttles: 0, failures: 1, retries: 1 });
    expect(outcome.ok).toBe(false);
    const failure = describeAwsError(outcome.ok ? undefined : outcome.error);
    expect(failure).toMatchObject({ code: UNKNOWN_SERVER_ERROR, status: 500 });
    expect(failure.message).toContain('text/html');
  });

  it('a body no protocol parser reads (JSON service, plain text) is retried once too', async () => {
    const http = fakeHttp(() => ({ status: 502, headers: { 'content-type': 'text/plain' }, body: 'Bad Gateway' }));
    const stats = new CallStats();
    const clients = new AwsClients({
      defaultCredentials: TEST_CREDENTIALS,
      stats,
      retryDelay: () => 0,
      clientConfig: () => ({ requestHandler: http.handler }),
    });
    const error = await clients
      .get('kms', ACCOUNT, 'eu-west-1')
      .send(new ListKeysCommand({}))
      .catch((e: unknown) => e);
    clients.destroy();
    expect(http.requests).toHaveLength(2);
    expect(describeAwsError(error)).toMatchObject({ code: UNKNOWN_SERVER_ERROR, status: 502 });
    expect(stats.byOperation()['kms:ListKeys']).toMatchObject({ attempts: 2, retries: 1, failures: 1 });
  });

  it('one retry is enough when the endpoint recovers', async () => {
    const { outcome, requests, counts } = await iamCall((index) =>
      index === 0
        ? HTML_500
        : xml(
            `<ListOrganizationsFeaturesResponse xmlns="${IAM_NS}"><ListOrganizationsFeaturesResult><OrganizationId>o-a1b2c3d4e5</OrganizationId><EnabledFeatures/></ListOrganizationsFeaturesResult></ListOrganizationsFeaturesResponse>`,
          ),
    );
    expect(outcome.ok).toBe(true);
    expect(requests).toBe(2);
    expect(counts).toMatchObject({ attempts: 2, retries: 1, failures: 0 });
  });

  it("AWS's own 5xx error document keeps the service's full retry schedule", async () => {
    const { requests, counts, outcome } = await iamCall(() => iamError('ServiceFailure', 500), 4);
    expect(requests).toBe(4);
    expect(counts).toMatchObject({ attempts: 4, retries: 3, failures: 1 });
    expect(describeAwsError(outcome.ok ? undefined : outcome.error).code).toBe('ServiceFailure');
  });
});
