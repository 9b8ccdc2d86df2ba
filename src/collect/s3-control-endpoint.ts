/**
 * S3 Control's endpoint rules put the account id in front of the host
 * (`111122223333.s3-control.eu-west-1.amazonaws.com`) — also in front of a custom endpoint
 * (`111122223333.localhost`), which AWS-compatible endpoints (LocalStack, MinIO gateways) do not
 * serve. Neither `disableHostPrefix` nor any client option turns this off, so with a custom endpoint
 * this middleware takes the prefix off again before the request is signed. The account id still
 * travels in the `x-amz-account-id` header, where the API reads it.
 */
import type { AbsoluteLocation, BuildHandlerOptions, BuildMiddleware, MetadataBearer, Pluggable } from '@smithy/types';

const options: BuildHandlerOptions & AbsoluteLocation = {
  step: 'build',
  priority: 'low',
  name: 'vigilS3ControlNoAccountHost',
  override: true,
};

interface HostBearingRequest {
  hostname?: string;
  headers?: Record<string, string>;
}

export function s3ControlNoAccountHostPlugin(): Pluggable<object, MetadataBearer> {
  return {
    applyToStack(stack) {
      const stripAccountHost: BuildMiddleware<object, MetadataBearer> = (next) => async (args) => {
          const request = args.request as HostBearingRequest;
          const accountId = (args.input as { AccountId?: unknown }).AccountId;
          if (typeof accountId === 'string' && typeof request.hostname === 'string' && request.hostname.startsWith(`${accountId}.`)) {
            const hostname = request.hostname.slice(accountId.length + 1);
            request.hostname = hostname;
            // The SDK sets `host` from the hostname later only when absent; keep both in step.
            if (request.headers?.['host'] !== undefined) request.headers['host'] = request.headers['host'].replace(`${accountId}.`, '');
          }
          return next(args);
      };
      stack.add(stripAccountHost, options);
    },
  };
}
