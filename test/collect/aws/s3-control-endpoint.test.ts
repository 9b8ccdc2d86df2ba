/**
 * S3 Control at an AWS-compatible endpoint: the SDK's endpoint rules would put the account id in
 * front of the endpoint's authority, which for an IP address (`111122223333.127.0.0.1:4566`) is not
 * a URL, so the call failed before it was sent. With a custom endpoint the request goes to the
 * endpoint as it is, signed as the rules sign S3 Control, the account in its header.
 */
import { GetPublicAccessBlockCommand } from '@aws-sdk/client-s3-control';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { AwsClients, createAwsClients } from '../../../src/collect/aws/aws-clients.js';
import { fakeHttp, TEST_CREDENTIALS, xml } from '../support/fake-http.js';

const ACCOUNT = '111122223333';
const BLOCK =
  '<PublicAccessBlockConfiguration xmlns="http://awss3control.amazonaws.com/doc/2018-08-20/"><BlockPublicAcls>true</BlockPublicAcls></PublicAccessBlockConfiguration>';

afterEach(() => {
  vi.unstubAllEnvs();
});

describe('S3 Control at a custom endpoint', () => {
  it.each([
    ['an IP address', 'http://127.0.0.1:4566', '127.0.0.1', 4566],
    ['a host name', 'http://localhost:4566', 'localhost', 4566],
    ['a host name with a path', 'https://aws.internal.example/proxy', 'aws.internal.example', undefined],
  ])('given AWS_ENDPOINT_URL with %s, is sent there without the account id in the host', async (_name, endpoint, hostname, port) => {
    vi.stubEnv('AWS_ENDPOINT_URL', endpoint);
    const http = fakeHttp(() => xml(BLOCK));
    const clients = await createAwsClients({ defaultCredentials: TEST_CREDENTIALS, clientConfig: () => ({ requestHandler: http.handler }) });
    const out = await clients.get('s3control', ACCOUNT, 'eu-west-1').send(new GetPublicAccessBlockCommand({ AccountId: ACCOUNT }));
    expect(out.PublicAccessBlockConfiguration?.BlockPublicAcls).toBe(true);
    const [request] = http.requests;
    expect({ hostname: request?.hostname, port: request?.port, path: request?.path }).toEqual({
      hostname,
      port,
      path: `${new URL(endpoint).pathname.replace(/\/$/, '')}/v20180820/configuration/publicAccessBlock`,
    });
    expect(request?.headers['x-amz-account-id']).toBe(ACCOUNT);
    // Signed for S3 in the client's region, over the host actually used.
    expect(request?.headers['authorization']).toMatch(new RegExp(`Credential=[^/]+/\\d{8}/eu-west-1/s3/aws4_request, SignedHeaders=[^,]*host`));
    clients.destroy();
  });

  it('keeps the account-id host of AWS itself when no endpoint is configured', async () => {
    const http = fakeHttp(() => xml(BLOCK));
    const clients = new AwsClients({ defaultCredentials: TEST_CREDENTIALS, configuredEndpoints: {}, clientConfig: () => ({ requestHandler: http.handler }) });
    await clients.get('s3control', ACCOUNT, 'eu-west-1').send(new GetPublicAccessBlockCommand({ AccountId: ACCOUNT }));
    expect(http.requests.map((r) => `${r.hostname}${r.path}`)).toEqual([
      `${ACCOUNT}.s3-control.eu-west-1.amazonaws.com/v20180820/configuration/publicAccessBlock`,
    ]);
    clients.destroy();
  });
});
