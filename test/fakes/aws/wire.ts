/**
 * The wire formats the fake AWS answers in, as the API references document them: JSON 1.0/1.1
 * (KMS, Step Functions, CloudTrail, Config, SageMaker, CloudWatch Logs, CloudWatch, WAFv2; errors as
 * `__type`), the query protocol (IAM, RDS, CloudFormation, STS, SNS: `<XResponse><XResult>…`,
 * lists of `<member>` unless the shape names its members), EC2's query dialect (no Result wrapper,
 * lower-camel names, lists of `<item>`), REST-JSON (EFS, Access Analyzer, Security Hub: the
 * operation in method and path, errors in `x-amzn-errortype`) and REST-XML (S3, S3 Control). Also the request side: which operation a request names, and its
 * parameters.
 */

/** What a service handler answers; the HTTP layer turns it into a response. */
export interface Reply {
  readonly status: number;
  readonly headers: Record<string, string>;
  readonly body: string;
}

/** A request as the SDK hands it to the request handler, reduced to what the fakes read. */
export interface WireRequest {
  readonly method: string;
  readonly hostname: string;
  readonly path: string;
  readonly query: Readonly<Record<string, string | string[] | null>>;
  readonly headers: Readonly<Record<string, string>>;
  readonly body: string;
}

/** A service's answer to one request. */
export type ServiceHandler = (request: WireRequest, region: string) => Reply;

// ---------------------------------------------------------------- XML

export function esc(text: string | number | boolean): string {
  return String(text).replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}

/** `<tag>content</tag>`; content is already XML. Undefined content leaves the element out. */
export function el(tag: string, content: string | undefined): string {
  return content === undefined ? '' : `<${tag}>${content}</${tag}>`;
}

/** `<tag>escaped value</tag>`; undefined or null leaves the element out. */
export function val(tag: string, value: string | number | boolean | null | undefined): string {
  return value === undefined || value === null ? '' : `<${tag}>${esc(value)}</${tag}>`;
}

/** A list: `<tag><member>…</member>…</tag>` (or the shape's own member name). */
export function list<T>(tag: string, items: readonly T[], render: (item: T) => string, member = 'member'): string {
  return `<${tag}>${items.map((item) => `<${member}>${render(item)}</${member}>`).join('')}</${tag}>`;
}

/** A list of strings. */
export function strings(tag: string, items: readonly string[], member = 'member'): string {
  return list(tag, items, esc, member);
}

const XML_HEAD = '<?xml version="1.0" encoding="UTF-8"?>\n';

/** An XML document (declaration added). */
export function xmlReply(body: string, status = 200): Reply {
  return { status, headers: { 'content-type': 'text/xml' }, body: `${XML_HEAD}${body}` };
}

let requestCounter = 0;
function requestId(): string {
  requestCounter++;
  return `b3a2c1d0-0000-4000-8000-${requestCounter.toString(16).padStart(12, '0')}`;
}

// ---------------------------------------------------------------- query protocol (IAM, RDS, CloudFormation, STS)

/** `<{action}Response xmlns=…><{action}Result>{result}</…Result><ResponseMetadata>…` */
export function queryReply(namespace: string, action: string, result: string): Reply {
  return xmlReply(
    `<${action}Response xmlns="${namespace}"><${action}Result>${result}</${action}Result>` +
      `<ResponseMetadata><RequestId>${requestId()}</RequestId></ResponseMetadata></${action}Response>`,
  );
}

/** The answer of an action without result elements (UpdateAccessKey, DeleteAccessKey): the metadata only. */
export function queryEmptyReply(namespace: string, action: string): Reply {
  return xmlReply(`<${action}Response xmlns="${namespace}"><ResponseMetadata><RequestId>${requestId()}</RequestId></ResponseMetadata></${action}Response>`);
}

export function queryError(namespace: string, code: string, message: string, status = 400): Reply {
  return xmlReply(
    `<ErrorResponse xmlns="${namespace}"><Error><Type>Sender</Type><Code>${esc(code)}</Code><Message>${esc(message)}</Message></Error>` +
      `<RequestId>${requestId()}</RequestId></ErrorResponse>`,
    status,
  );
}

/** The form parameters of a query-protocol (or EC2) request: `Action`, `Version`, `Filter.member.1` … */
export function formParams(request: WireRequest): URLSearchParams {
  return new URLSearchParams(request.body);
}

// ---------------------------------------------------------------- EC2 query dialect

export const EC2_NAMESPACE = 'http://ec2.amazonaws.com/doc/2016-11-15/';

/** `<{action}Response xmlns=…><requestId>…</requestId>{body}</…Response>` */
export function ec2Reply(action: string, body: string): Reply {
  return xmlReply(`<${action}Response xmlns="${EC2_NAMESPACE}"><requestId>${requestId()}</requestId>${body}</${action}Response>`);
}

export function ec2Error(code: string, message: string, status = 400): Reply {
  return xmlReply(
    `<Response><Errors><Error><Code>${esc(code)}</Code><Message>${esc(message)}</Message></Error></Errors><RequestID>${requestId()}</RequestID></Response>`,
    status,
  );
}

/** An EC2 list: `<tag><item>…</item>…</tag>`. */
export function items<T>(tag: string, entries: readonly T[], render: (entry: T) => string): string {
  return list(tag, entries, render, 'item');
}

/** EC2 tags: `<tagSet><item><key>…</key><value>…</value></item>…</tagSet>`. */
export function ec2Tags(tags: Readonly<Record<string, string>>): string {
  return items('tagSet', Object.entries(tags), ([key, value]) => val('key', key) + val('value', value));
}

// ---------------------------------------------------------------- JSON protocols

/** The operation of a JSON-protocol request: `TrentService.ListKeys` → `ListKeys`. */
export function jsonOperation(request: WireRequest): string {
  const target = request.headers['x-amz-target'] ?? '';
  return target.slice(target.lastIndexOf('.') + 1);
}

export function jsonInput<T>(request: WireRequest): T {
  return JSON.parse(request.body === '' ? '{}' : request.body) as T;
}

export function jsonReply(body: unknown, version: '1.0' | '1.1' = '1.1'): Reply {
  return { status: 200, headers: { 'content-type': `application/x-amz-json-${version}` }, body: JSON.stringify(body) };
}

export function jsonError(code: string, message: string, version: '1.0' | '1.1' = '1.1', status = 400): Reply {
  return { status, headers: { 'content-type': `application/x-amz-json-${version}` }, body: JSON.stringify({ __type: code, message }) };
}

/** JSON protocols send timestamps as epoch seconds. */
export function epoch(iso: string): number {
  return Date.parse(iso) / 1000;
}

// ---------------------------------------------------------------- REST-JSON (EFS, Access Analyzer, Security Hub)

/** Operations named by method and path: `{ 'GET /analyzer': 'ListAnalyzers' }`. */
export type RestRoutes = Readonly<Record<string, string>>;

/** The operation a REST request names by its method and path, or `METHOD /path` when none does. */
export function restOperation(routes: RestRoutes, request: WireRequest): string {
  const route = `${request.method} ${request.path}`;
  return routes[route] ?? route;
}

/** One query parameter of a REST request (the first, when repeated). */
export function queryParam(request: WireRequest, name: string): string | undefined {
  const value = request.query[name];
  return Array.isArray(value) ? value[0] : (value ?? undefined);
}

export function restJsonReply(body: unknown, status = 200): Reply {
  return { status, headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) };
}

/** The error shape names its own members: `message` (Access Analyzer), `Message` (Security Hub, EFS) … */
export function restJsonError(code: string, body: Readonly<Record<string, string>>, status: number): Reply {
  return { status, headers: { 'content-type': 'application/json', 'x-amzn-errortype': code }, body: JSON.stringify(body) };
}

// ---------------------------------------------------------------- REST-XML (S3, S3 Control)

export function restXmlError(code: string, message: string, status: number): Reply {
  return {
    status,
    headers: { 'content-type': 'application/xml' },
    body: `${XML_HEAD}<Error><Code>${esc(code)}</Code><Message>${esc(message)}</Message><RequestId>${requestId().slice(-16).toUpperCase()}</RequestId><HostId>host-id</HostId></Error>`,
  };
}

/**
 * What an AWS-compatible endpoint lacking an operation (or a proxy in front of one) answers: HTTP
 * 500 with an HTML page, which is no error document of any AWS protocol.
 */
export function htmlServerError(): Reply {
  return {
    status: 500,
    headers: { 'content-type': 'text/html; charset=utf-8' },
    body: '<!DOCTYPE html>\n<html><head><title>500 Internal Server Error</title></head><body><h1>Internal Server Error</h1><p>The server encountered an internal error and was unable to complete your request.</p></body></html>\n',
  };
}

// ---------------------------------------------------------------- pagination

/** One page of `all` from an opaque token; the next token when more remain. */
export function page<T>(all: readonly T[], token: string | null | undefined, size: number): { items: T[]; next: string | undefined } {
  const start = token === undefined || token === null || token === '' ? 0 : Number(Buffer.from(token, 'base64url').toString('utf8').replace('page:', ''));
  if (!Number.isInteger(start) || start < 0 || start > all.length) throw new Error(`the fake AWS did not issue the page token ${String(token)}`);
  const end = Math.min(all.length, start + size);
  return { items: all.slice(start, end), next: end < all.length ? Buffer.from(`page:${end}`, 'utf8').toString('base64url') : undefined };
}

/** A page size the caller asked for, within the API's bounds. */
export function pageSize(asked: string | number | null | undefined, fallback: number, max: number): number {
  const n = Number(asked ?? fallback);
  return Number.isInteger(n) && n > 0 ? Math.min(n, max) : fallback;
}

/** IAM and CloudFormation policy documents travel URL-encoded. */
export function urlEncodedJson(document: unknown): string {
  return encodeURIComponent(JSON.stringify(document));
}
