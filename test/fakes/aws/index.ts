/**
 * A local AWS for the collection benchmark: one request handler per SDK client (`clientConfig` →
 * `requestHandler`), answering from a synthetic account in each API's wire format. Nothing above
 * the socket is replaced, so the SDK's serialisers, endpoint rules, signing, retry loop and
 * deserialisers run, and so does Vigil's call-counting middleware.
 *
 * Every call (first attempts only: retries are the SDK's business and counted by Vigil) is handed
 * to an observer with its service, region, operation and a key of everything that makes it this
 * call — host, method, path, query and body — so that the benchmark can find a call made twice.
 */
import { HttpResponse } from '@smithy/core/protocols';
import type { ServiceName } from '../../../src/collect/aws/services.js';
import { accessanalyzer, ACCESS_ANALYZER_ROUTES } from './accessanalyzer.js';
import type { SyntheticAccount } from './account.js';
import { cloudformation } from './cloudformation.js';
import { cloudtrail } from './cloudtrail.js';
import { cloudwatch } from './cloudwatch.js';
import { config } from './config.js';
import { ec2 } from './ec2.js';
import { efs, EFS_ROUTES } from './efs.js';
import { iam } from './iam.js';
import { kms } from './kms.js';
import { logs } from './logs.js';
import { rds } from './rds.js';
import { s3 } from './s3.js';
import { s3control } from './s3control.js';
import { sagemaker } from './sagemaker.js';
import { securityhub, SECURITY_HUB_ROUTES } from './securityhub.js';
import { sfn } from './sfn.js';
import { sns } from './sns.js';
import { sts } from './sts.js';
import { tagging } from './tagging.js';
import { wafv2 } from './wafv2.js';
import {
  formParams,
  htmlServerError,
  jsonOperation,
  restOperation,
  restXmlError,
  type Reply,
  type RestRoutes,
  type ServiceHandler,
  type WireRequest,
} from './wire.js';

export { BANK_SAAS, syntheticAccount, expectedResources, type SyntheticAccount } from './account.js';
export { AGGREGATOR_NAME } from './config.js';
export type { WireRequest, Reply } from './wire.js';

export interface ObservedCall {
  readonly service: ServiceName;
  readonly region: string;
  readonly operation: string;
  /** Host, method, path, query and body: equal keys are the same call made again. */
  readonly key: string;
}

export interface FakeAwsOptions {
  /** Called for the first attempt of every call, inside the caller's async context. */
  readonly observe?: (call: ObservedCall) => void;
  /** Simulated round trip per request (ms); 0 answers at once. */
  readonly latencyMs?: number;
  /**
   * Operations (`service:Operation`, e.g. `iam:ListOrganizationsFeatures`) answered with an HTTP 500
   * HTML page every time, as an AWS emulator lacking them does.
   */
  readonly htmlErrors?: readonly string[];
}

/** What the SDK hands a request handler (the parts read here). */
interface SdkRequest {
  method: string;
  hostname: string;
  path: string;
  query?: Record<string, string | string[] | null>;
  headers: Record<string, string>;
  body?: unknown;
}

export interface RequestHandlerLike {
  handle(request: unknown): Promise<{ response: HttpResponse }>;
}

const S3_SUBRESOURCES: Readonly<Record<string, string>> = {
  policy: 'GetBucketPolicy',
  acl: 'GetBucketAcl',
  publicAccessBlock: 'GetPublicAccessBlock',
  ownershipControls: 'GetBucketOwnershipControls',
  encryption: 'GetBucketEncryption',
  versioning: 'GetBucketVersioning',
  'object-lock': 'GetObjectLockConfiguration',
  lifecycle: 'GetBucketLifecycleConfiguration',
  logging: 'GetBucketLogging',
  tagging: 'GetBucketTagging',
  location: 'GetBucketLocation',
};

const JSON_SERVICES: ReadonlySet<ServiceName> = new Set([
  'kms',
  'sfn',
  'cloudtrail',
  'config',
  'sagemaker',
  'organizations',
  'tagging',
  'logs',
  'cloudwatch',
  'wafv2',
]);

/** REST-JSON services name the operation by method and path. */
const REST_JSON_ROUTES: Partial<Record<ServiceName, RestRoutes>> = {
  efs: EFS_ROUTES,
  accessanalyzer: ACCESS_ANALYZER_ROUTES,
  securityhub: SECURITY_HUB_ROUTES,
};

/** The API operation a request names, by its protocol. */
export function operationOf(service: ServiceName, request: WireRequest): string {
  if (JSON_SERVICES.has(service)) return jsonOperation(request);
  const routes = REST_JSON_ROUTES[service];
  if (routes !== undefined) return restOperation(routes, request);
  if (service === 's3control')
    return request.path.endsWith('/publicAccessBlock') ? (request.method === 'PUT' ? 'PutPublicAccessBlock' : 'GetPublicAccessBlock') : request.path;
  if (service === 's3') {
    const sub = Object.keys(request.query).find((name) => S3_SUBRESOURCES[name] !== undefined);
    if (sub === undefined) return 'ListBuckets';
    // The write calls share their sub-resource with the read: GetBucketPolicy → PutBucketPolicy, DeleteBucketPolicy.
    const read = S3_SUBRESOURCES[sub]!;
    return request.method === 'PUT' ? read.replace(/^Get/, 'Put') : request.method === 'DELETE' ? read.replace(/^Get/, 'Delete') : read;
  }
  return formParams(request).get('Action') ?? 'unknown';
}

function bodyText(body: unknown): string {
  if (body === undefined || body === null) return '';
  if (typeof body === 'string') return body;
  if (body instanceof Uint8Array) return Buffer.from(body.buffer, body.byteOffset, body.byteLength).toString('utf8');
  throw new Error(`the fake AWS cannot read a request body of type ${typeof body}`);
}

function callKey(request: WireRequest): string {
  const query = Object.keys(request.query)
    .sort()
    .map((name) => `${name}=${JSON.stringify(request.query[name])}`)
    .join('&');
  return [request.method, request.hostname, request.path, query, request.headers['x-amz-target'] ?? '', request.body].join(' ');
}

export class FakeAws {
  private readonly services: Partial<Record<ServiceName, ServiceHandler>>;
  private readonly htmlErrors: ReadonlySet<string>;

  constructor(
    readonly account: SyntheticAccount,
    private readonly options: FakeAwsOptions = {},
  ) {
    this.htmlErrors = new Set(options.htmlErrors);
    this.services = {
      accessanalyzer: accessanalyzer(account),
      cloudformation: cloudformation(account),
      cloudtrail: cloudtrail(account),
      cloudwatch: cloudwatch(account),
      config: config(account),
      ec2: ec2(account),
      efs: efs(account),
      iam: iam(account),
      kms: kms(account),
      logs: logs(account),
      rds: rds(account),
      s3: s3(account),
      s3control: s3control(account),
      sagemaker: sagemaker(account),
      securityhub: securityhub(account),
      sfn: sfn(account),
      sns: sns(account),
      sts: sts(account),
      tagging: tagging(account),
      wafv2: wafv2(account),
    };
  }

  /** Answers one request to `service` in `region` (header names lower-case), observed and delayed as configured. */
  async answer(service: ServiceName, region: string, request: WireRequest): Promise<Reply> {
    const answer = this.services[service];
    const { observe, latencyMs = 0 } = this.options;
    if (observe !== undefined && !/attempt=([2-9]|\d\d)/.test(request.headers['amz-sdk-request'] ?? '')) {
      observe({ service, region, operation: operationOf(service, request), key: callKey(request) });
    }
    if (latencyMs > 0) await new Promise((resolve) => setTimeout(resolve, latencyMs));
    if (this.htmlErrors.has(`${service}:${operationOf(service, request)}`)) return htmlServerError();
    return answer !== undefined ? answer(request, region) : restXmlError('NotImplemented', `the fake AWS has no ${service}`, 501);
  }

  /** The request handler of the client for `service` in `region`. */
  handlerFor(service: ServiceName, region: string): RequestHandlerLike {
    return {
      handle: async (raw) => {
        const r = raw as SdkRequest;
        // Header names as the SDK set them; the fakes read them lower-case.
        const headers = Object.fromEntries(Object.entries(r.headers).map(([name, value]) => [name.toLowerCase(), value]));
        const request: WireRequest = { method: r.method, hostname: r.hostname, path: r.path, query: r.query ?? {}, headers, body: bodyText(r.body) };
        const reply = await this.answer(service, region, request);
        return {
          response: new HttpResponse({
            statusCode: reply.status,
            headers: { 'x-amzn-requestid': 'fake-aws', ...reply.headers },
            body: Buffer.from(reply.body, 'utf8'),
          }),
        };
      },
    };
  }
}
