/**
 * EC2 and RDS errors as the SDK raises them. EC2 models no exceptions: every error is an
 * EC2ServiceException whose `name` and `Code` are the wire code (UnauthorizedOperation for access
 * denied). RDS (query protocol) raises an RDSServiceException named by the code for unmodelled
 * errors (AccessDenied, Throttling); see ec2-rds-over-http.test.ts for both read off the wire.
 */
import { EC2ServiceException } from '@aws-sdk/client-ec2';
import { RDSServiceException } from '@aws-sdk/client-rds';
import { ACCOUNT } from './harness.js';

export const $metadata = { httpStatusCode: 200, requestId: 'req', attempts: 1, totalRetryDelay: 0 };

export function ec2Error(code: string, message: string, status: number): EC2ServiceException {
  const error = new EC2ServiceException({
    name: code,
    $fault: status >= 500 ? 'server' : 'client',
    $metadata: { httpStatusCode: status, requestId: 'req' },
    message,
  });
  return Object.assign(error, { Code: code });
}

/** EC2's answer to a call the policy does not allow. */
export function unauthorized(action: string): EC2ServiceException {
  return ec2Error(
    'UnauthorizedOperation',
    `You are not authorized to perform this operation. User: arn:aws:iam::${ACCOUNT}:role/vigil is not authorized to perform: ${action} because no identity-based policy allows the ${action} action`,
    403,
  );
}

export function rdsError(code: string, message: string, status: number): RDSServiceException {
  const error = new RDSServiceException({
    name: code,
    $fault: status >= 500 ? 'server' : 'client',
    $metadata: { httpStatusCode: status, requestId: 'req' },
    message,
  });
  return Object.assign(error, { Code: code });
}

/** RDS's answer to a call the policy does not allow. */
export function rdsAccessDenied(action: string, resource: string): RDSServiceException {
  return rdsError(
    'AccessDenied',
    `User: arn:aws:iam::${ACCOUNT}:role/vigil is not authorized to perform: ${action} on resource: ${resource} because no identity-based policy allows the ${action} action`,
    403,
  );
}
