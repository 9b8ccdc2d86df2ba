/**
 * The AwsCaller of live runs: each planned call sent with the AWS SDK v3 client of its service,
 * in the target's account and region, through the same {@link AwsClients} live collection uses —
 * so the same credentials and assumed role per account, the same `AWS_ENDPOINT_URL` handling and
 * the SDK's adaptive retries for throttling. A global resource (IAM) is called in the home region.
 * A failed call rejects with an {@link AwsCallError} named by the AWS error code.
 */
import type { AwsClients } from '../../collect/aws/aws-clients.js';
import { describeAwsError } from '../../collect/aws/aws-error.js';
import { GLOBAL_REGION } from '../../model/resource.js';
import type { AwsCaller, CallTarget } from './aws-caller.js';
import { sdkCommandOf } from './sdk-commands.js';

/** A call AWS refused or that never reached it; `name` and `code` are the AWS error code (NoSuchEntity, AccessDenied). */
export class AwsCallError extends Error {
  readonly code: string;
  readonly status: number | undefined;

  constructor(
    readonly service: string,
    readonly operation: string,
    cause: unknown,
  ) {
    const failure = describeAwsError(cause);
    super(`${service}:${operation} failed: ${failure.message}`, { cause });
    this.name = failure.code;
    this.code = failure.code;
    this.status = failure.status;
  }
}

export interface SdkAwsCallerOptions {
  readonly clients: AwsClients;
  /** The region of calls to global services (IAM) and of global resources. */
  readonly homeRegion: string;
}

interface SendingClient {
  send(command: object): Promise<Record<string, unknown>>;
}

export function sdkAwsCaller(options: SdkAwsCallerOptions): AwsCaller {
  return {
    async send(target: CallTarget, call) {
      const Command = sdkCommandOf(call.service, call.operation);
      // A plan names only calls an action makes; anything else is refused before it is sent.
      if (Command === undefined) throw new Error(`no AWS SDK command is known for ${call.service}:${call.operation}: no bot action sends it`);
      const region = target.region === GLOBAL_REGION ? options.homeRegion : target.region;
      const client = options.clients.get(call.service, target.accountId, region) as unknown as SendingClient;
      let output: Record<string, unknown>;
      try {
        output = await client.send(new Command(structuredClone(call.input) as never));
      } catch (error) {
        throw new AwsCallError(call.service, call.operation, error);
      }
      const { $metadata: _metadata, ...answer } = output;
      // Plain JSON for the audit trail and the plan's waits: dates as ISO strings, no class instances.
      return JSON.parse(JSON.stringify(answer)) as Record<string, unknown>;
    },
  };
}
