/**
 * The error code and message of a failed AWS call, however it failed: a modelled or unmodelled
 * service exception (`name` is the code: AccessDenied, NoSuchBucketPolicy, ThrottlingException),
 * a credentials failure, a network error (`code`: ECONNREFUSED, ENOTFOUND) or a time-out.
 *
 * A server error the service did not write: a 5xx whose body is no error document of the API's
 * protocol — an HTML page from a proxy or load balancer, or from an AWS-compatible endpoint that
 * lacks the operation. The SDK then finds no error code (its error is named `Unknown`) or cannot
 * parse the body at all (a SyntaxError, an XML parse error). Such an answer is not AWS's own
 * transient failure, so it is retried once only (retry-strategy.ts) and named as what it is here.
 */

export interface AwsFailure {
  readonly code: string;
  readonly message: string;
  /** HTTP status when the service answered. */
  readonly status?: number;
}

const MAX_MESSAGE = 500;

/** The coverage code of a 5xx answer that is not the service's error document. */
export const UNKNOWN_SERVER_ERROR = 'UnknownServerError';

/** The name the SDK gives an error whose answer carried no error code. */
const NO_CODE = new Set(['Unknown', 'UnknownError']);

interface ErrorShape {
  name?: unknown;
  code?: unknown;
  Code?: unknown;
  message?: unknown;
  $fault?: unknown;
  $metadata?: { httpStatusCode?: unknown };
  $response?: { headers?: Record<string, string | undefined> };
}

function statusOf(error: ErrorShape): number | undefined {
  const status = error.$metadata?.httpStatusCode;
  return typeof status === 'number' ? status : undefined;
}

/**
 * A 5xx answer that is not the service's error document: the SDK found no error code in it (a
 * service exception named `Unknown`), or could not deserialise it (no service exception at all).
 */
export function isUnknownServerError(error: unknown): boolean {
  if (typeof error !== 'object' || error === null) return false;
  const e = error as ErrorShape;
  const status = statusOf(e);
  if (status === undefined || status < 500 || status > 599) return false;
  // A service exception carries `$fault`; a deserialisation failure is a plain Error with the status attached.
  if (e.$fault === undefined) return true;
  return typeof e.name === 'string' && NO_CODE.has(e.name) && (typeof e.Code !== 'string' || e.Code === '' || NO_CODE.has(e.Code));
}

function unknownServerError(e: ErrorShape, status: number): AwsFailure {
  const type = e.$response?.headers?.['content-type'] ?? e.$response?.headers?.['Content-Type'];
  const body = type !== undefined && type !== '' ? ` (${type.split(';')[0]!.trim()})` : '';
  return {
    code: UNKNOWN_SERVER_ERROR,
    message: `HTTP ${status}${body} whose body is not the service's error document: a page from a proxy, or an endpoint that does not implement the operation`,
    status,
  };
}

export function describeAwsError(error: unknown): AwsFailure {
  if (typeof error !== 'object' || error === null) return { code: 'Error', message: String(error) };
  const e = error as ErrorShape;
  const status = statusOf(e);
  if (status !== undefined && isUnknownServerError(error)) return unknownServerError(e, status);
  const name = typeof e.name === 'string' && e.name !== '' && e.name !== 'Error' ? e.name : undefined;
  const code =
    (typeof e.Code === 'string' && e.Code !== '' ? e.Code : undefined) ?? name ?? (typeof e.code === 'string' && e.code !== '' ? e.code : undefined) ?? 'Error';
  const raw = typeof e.message === 'string' && e.message !== '' ? e.message : code;
  const message = raw.length > MAX_MESSAGE ? `${raw.slice(0, MAX_MESSAGE)}…` : raw;
  return status !== undefined ? { code, message, status } : { code, message };
}
