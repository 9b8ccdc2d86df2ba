/**
 * The SDK clients of a collection run: one per (account, region, service), created on first use
 * and reused for every call after it. Each gets adaptive retries (a server error the service did
 * not write retried once only: retry-strategy.ts), the call-counting middleware,
 * the account's credentials (the default credential chain, shared, unless the caller passes
 * others — assumed-role credentials plug in here) and, when an AWS-compatible endpoint is
 * configured, the addressing such endpoints need.
 *
 * Endpoints: the SDK itself reads `AWS_ENDPOINT_URL`, `AWS_ENDPOINT_URL_<SERVICE>` and the shared
 * config's `endpoint_url` (and `AWS_IGNORE_CONFIGURED_ENDPOINT_URLS`); Vigil does not re-implement
 * that. It only asks the SDK whether such an endpoint is configured
 * ({@link resolveConfiguredEndpoints}), because then S3 must address buckets path-style and S3
 * Control must not put the account id in front of the host.
 */
import { fromNodeProviderChain } from '@aws-sdk/credential-providers';
import { AdaptiveRetryStrategy } from '@smithy/core/retry';
import type { AwsCredentialIdentity, AwsCredentialIdentityProvider } from '@smithy/types';
import { callStatsPlugin, CallStats } from './call-stats.js';
import { BoundedRetryStrategy } from './retry-strategy.js';
import { s3ControlCustomEndpointProvider } from './s3-control-endpoint.js';
import { budgetOf, clientClasses, DEFAULT_MAX_ATTEMPTS, type ServiceClientConfigs, type ServiceClients, type ServiceName } from './services.js';

export type Credentials = AwsCredentialIdentity | AwsCredentialIdentityProvider;

export interface AwsClientsOptions {
  /** The account's own credentials (e.g. assumed role); undefined → the default credential chain. */
  readonly credentialsFor?: (accountId: string) => Credentials | undefined;
  /** The provider used for accounts without their own; default: the SDK's node provider chain (with `profile`). */
  readonly defaultCredentials?: Credentials;
  /** Named profile for the default chain (`--profile`); otherwise `AWS_PROFILE` or `default`, as the SDK decides. */
  readonly profile?: string;
  /** Attempts per call by service (`default` for the rest); merged over {@link DEFAULT_MAX_ATTEMPTS}. */
  readonly maxAttempts?: Readonly<Record<string, number>>;
  /** Endpoints given explicitly (e.g. in vigil.yaml); passed to the SDK. */
  readonly endpoints?: Partial<Record<ServiceName, string>>;
  /** Endpoints the SDK will take from the environment or shared config (see {@link resolveConfiguredEndpoints}); not passed again, only noted. */
  readonly configuredEndpoints?: Partial<Record<ServiceName, string>>;
  /**
   * The back-off before retry `n` (1-based), in ms, instead of the SDK's (exponential with jitter,
   * longer after throttles). Retries stay adaptive; tests use it to retry at once.
   */
  readonly retryDelay?: (retry: number) => number;
  /** Where the call-counting middleware counts. */
  readonly stats?: CallStats;
  /** More client configuration per service and region (tests: request handler, retry strategy). Applied last. */
  readonly clientConfig?: <S extends ServiceName>(service: S, region: string) => Partial<ServiceClientConfigs[S]>;
}

export class AwsClients {
  readonly stats: CallStats;
  private readonly clients = new Map<string, ServiceClients[ServiceName]>();
  private readonly attempts: Readonly<Record<string, number>>;
  private sharedCredentials: Credentials | undefined;

  constructor(private readonly options: AwsClientsOptions = {}) {
    this.stats = options.stats ?? new CallStats();
    this.attempts = { ...DEFAULT_MAX_ATTEMPTS, ...options.maxAttempts };
    this.sharedCredentials = options.defaultCredentials;
  }

  /** The client of `service` for the account in the region; the same object on every call. */
  get<S extends ServiceName>(service: S, accountId: string, region: string): ServiceClients[S] {
    const key = `${accountId}|${region}|${service}`;
    let client = this.clients.get(key) as ServiceClients[S] | undefined;
    if (client === undefined) {
      client = this.create(service, accountId, region);
      this.clients.set(key, client);
    }
    return client;
  }

  /** The custom endpoint in force for the service, explicit or configured; undefined for AWS's own. */
  customEndpoint(service: ServiceName): string | undefined {
    return this.options.endpoints?.[service] ?? this.options.configuredEndpoints?.[service];
  }

  /** How many clients exist (tests, diagnostics). */
  get size(): number {
    return this.clients.size;
  }

  /** Closes every client's connections. */
  destroy(): void {
    for (const client of this.clients.values()) client.destroy();
    this.clients.clear();
  }

  private credentials(accountId: string): Credentials {
    const own = this.options.credentialsFor?.(accountId);
    if (own !== undefined) return own;
    // One provider for every client: the chain (SSO, profiles, IMDS ...) resolves and refreshes once.
    this.sharedCredentials ??= fromNodeProviderChain(this.options.profile !== undefined ? { profile: this.options.profile } : {});
    return this.sharedCredentials;
  }

  private create<S extends ServiceName>(service: S, accountId: string, region: string): ServiceClients[S] {
    const custom = this.customEndpoint(service);
    const maxAttempts = budgetOf(this.attempts, service);
    const retryDelay = this.options.retryDelay;
    // The SDK's adaptive strategy as `retryMode: 'adaptive'` builds it, or with the back-off given.
    const adaptive = new AdaptiveRetryStrategy(
      maxAttempts,
      retryDelay === undefined
        ? { maxAttempts }
        : { maxAttempts, backoff: { computeNextBackoffDelay: (retries: number) => retryDelay(retries + 1), setDelayBase: () => undefined } },
    );
    const config: Record<string, unknown> = {
      region,
      credentials: this.credentials(accountId),
      retryMode: 'adaptive',
      maxAttempts,
      retryStrategy: new BoundedRetryStrategy(adaptive),
    };
    const explicit = this.options.endpoints?.[service];
    if (explicit !== undefined) config['endpoint'] = explicit;
    // Virtual-hosted addressing (bucket.host) does not resolve on AWS-compatible endpoints.
    if (service === 's3' && custom !== undefined) config['forcePathStyle'] = true;
    if (service === 's3control' && custom !== undefined) config['endpointProvider'] = s3ControlCustomEndpointProvider(custom, region);
    Object.assign(config, this.options.clientConfig?.(service, region));
    const Client = clientClasses[service] as new (config: Record<string, unknown>) => ServiceClients[S];
    const client = new Client(config);
    // The SDK's client types are one class each; their stacks share the middleware interface.
    const stack = client.middlewareStack as unknown as { use(plugin: ReturnType<typeof callStatsPlugin>): void };
    stack.use(callStatsPlugin(service, this.stats));
    return client;
  }
}

/**
 * Asks the SDK which of the services have an endpoint configured in the environment
 * (`AWS_ENDPOINT_URL`, `AWS_ENDPOINT_URL_<SERVICE>`) or the shared config file, exactly as its
 * clients will resolve it. Reads environment and config files; call once at start-up.
 */
export async function resolveConfiguredEndpoints(services: readonly ServiceName[] = ['s3', 's3control']): Promise<Partial<Record<ServiceName, string>>> {
  const found: Partial<Record<ServiceName, string>> = {};
  for (const service of services) {
    const Client = clientClasses[service] as new (config: Record<string, unknown>) => ServiceClients[ServiceName];
    // A throwaway client only to read its resolved configuration: no request is made.
    const probe = new Client({ region: 'us-east-1', credentials: { accessKeyId: 'probe', secretAccessKey: 'probe' } });
    try {
      const configured = await (probe.config as { serviceConfiguredEndpoint?: () => Promise<string | undefined> }).serviceConfiguredEndpoint?.();
      if (configured !== undefined && configured !== '') found[service] = configured;
    } finally {
      probe.destroy();
    }
  }
  return found;
}

/** {@link AwsClients} with the configured endpoints resolved first: the way the CLI builds them. */
export async function createAwsClients(options: AwsClientsOptions = {}): Promise<AwsClients> {
  const configuredEndpoints = options.configuredEndpoints ?? (await resolveConfiguredEndpoints());
  return new AwsClients({ ...options, configuredEndpoints });
}
