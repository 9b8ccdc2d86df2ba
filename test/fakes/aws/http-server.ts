/**
 * {@link FakeAws} over real HTTP on 127.0.0.1, for what `AWS_ENDPOINT_URL` points the SDK at: one
 * endpoint that every service's client reaches. As LocalStack does, each request is routed to its
 * service by the SigV4 credential scope (`Credential=<key>/<date>/<region>/<signing name>/aws4_request`,
 * in the `Authorization` header or a presigned URL's `X-Amz-Credential`), which also gives the
 * region. S3 Control signs as `s3`; its requests are told apart by their `/v20180820/` path.
 *
 * Every request is recorded (service, region, operation, method, Host header, path, query) so that tests can
 * check how the SDK addressed the endpoint.
 */
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { ServiceName } from '../../../src/collect/aws/services.js';
import { operationOf, type FakeAws } from './index.js';
import { restXmlError, type Reply, type WireRequest } from './wire.js';

/** SigV4 signing name → Vigil's service name (S3 Control shares `s3`, see {@link serviceOf}). */
const SIGNING_NAMES: Readonly<Record<string, ServiceName>> = {
  'access-analyzer': 'accessanalyzer',
  cloudformation: 'cloudformation',
  cloudtrail: 'cloudtrail',
  monitoring: 'cloudwatch',
  config: 'config',
  ec2: 'ec2',
  elasticfilesystem: 'efs',
  iam: 'iam',
  kms: 'kms',
  logs: 'logs',
  organizations: 'organizations',
  rds: 'rds',
  s3: 's3',
  sagemaker: 'sagemaker',
  securityhub: 'securityhub',
  states: 'sfn',
  sns: 'sns',
  sts: 'sts',
  tagging: 'tagging',
  wafv2: 'wafv2',
};

export interface ServedRequest {
  readonly service: ServiceName;
  readonly region: string;
  /** The API operation, as the fake AWS reads it from the request. */
  readonly operation: string;
  readonly method: string;
  /** The Host header as sent (`127.0.0.1:<port>`). */
  readonly host: string;
  readonly path: string;
  /** The raw query string, without `?`. */
  readonly query: string;
}

export interface FakeAwsServer {
  /** `http://127.0.0.1:<port>`: the value for `AWS_ENDPOINT_URL`. */
  readonly url: string;
  /** The requests answered so far, in order of arrival. */
  readonly requests: readonly ServedRequest[];
  close(): Promise<void>;
}

/** The credential scope's region and signing name, from the Authorization header or a presigned URL. */
function credentialScope(authorization: string | undefined, query: URLSearchParams): { region: string; signingName: string } | undefined {
  const credential = /Credential=([^,\s]+)/.exec(authorization ?? '')?.[1] ?? query.get('X-Amz-Credential') ?? undefined;
  const parts = credential?.split('/');
  if (parts === undefined || parts.length !== 5 || parts[4] !== 'aws4_request') return undefined;
  return { region: parts[2]!, signingName: parts[3]! };
}

function serviceOf(signingName: string, path: string): ServiceName | undefined {
  const service = SIGNING_NAMES[signingName];
  return service === 's3' && path.startsWith('/v20180820/') ? 's3control' : service;
}

function queryRecord(params: URLSearchParams): Record<string, string | string[]> {
  const out: Record<string, string | string[]> = {};
  for (const [name, value] of params) {
    const seen = out[name];
    out[name] = seen === undefined ? value : Array.isArray(seen) ? [...seen, value] : [seen, value];
  }
  return out;
}

async function bodyOf(request: IncomingMessage): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of request) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString('utf8');
}

function send(response: ServerResponse, reply: Reply): void {
  const body = Buffer.from(reply.body, 'utf8');
  response.writeHead(reply.status, { 'x-amzn-requestid': 'fake-aws', ...reply.headers, 'content-length': String(body.length) });
  response.end(body);
}

/** Serves `fake` (or anything answering as it does) on 127.0.0.1 at a free port until {@link FakeAwsServer.close}. */
export async function serveFakeAws(fake: Pick<FakeAws, 'answer'>): Promise<FakeAwsServer> {
  const requests: ServedRequest[] = [];
  const server = createServer((incoming, response) => {
    void (async () => {
      const url = new URL(incoming.url ?? '/', 'http://endpoint');
      const host = incoming.headers.host ?? '';
      const scope = credentialScope(incoming.headers.authorization, url.searchParams);
      const service = scope !== undefined ? serviceOf(scope.signingName, url.pathname) : undefined;
      const body = await bodyOf(incoming);
      if (scope === undefined || service === undefined) {
        send(
          response,
          restXmlError(
            'UnrecognizedClientException',
            `no SigV4 credential scope naming a service the fake AWS knows (${scope?.signingName ?? 'unsigned'})`,
            400,
          ),
        );
        return;
      }
      const headers: Record<string, string> = {};
      for (const [name, value] of Object.entries(incoming.headers)) if (value !== undefined) headers[name] = Array.isArray(value) ? value.join(',') : value;
      const request: WireRequest = {
        method: incoming.method ?? 'GET',
        hostname: host.replace(/:\d+$/, ''),
        path: url.pathname,
        query: queryRecord(url.searchParams),
        headers,
        body,
      };
      requests.push({
        service,
        region: scope.region,
        operation: operationOf(service, request),
        method: request.method,
        host,
        path: url.pathname,
        query: url.search.replace(/^\?/, ''),
      });
      send(response, await fake.answer(service, scope.region, request));
    })().catch((error: unknown) => {
      // A fault of the fake itself: answered as a server error, so that the SDK reports it rather than hangs.
      if (response.headersSent) response.destroy();
      else send(response, restXmlError('InternalError', `the fake AWS failed: ${error instanceof Error ? error.message : String(error)}`, 500));
    });
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => resolve());
  });
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    requests,
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.closeAllConnections();
        server.close((error) => (error !== undefined ? reject(error) : resolve()));
      }),
  };
}
