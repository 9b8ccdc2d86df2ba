/**
 * An HTTP handler for SDK clients that answers from a script instead of the network, so that a
 * test runs the whole client — serialisation, endpoint rules, signing, the retry loop, the
 * middleware Vigil adds, deserialisation of the wire format AWS documents — with nothing mocked
 * above the socket.
 */
import { HttpResponse } from '@smithy/core/protocols';

export interface SeenRequest {
  readonly method: string;
  readonly protocol: string;
  readonly hostname: string;
  readonly port: number | undefined;
  readonly path: string;
  readonly query: Record<string, unknown>;
  readonly headers: Record<string, string>;
  readonly body: string;
}

export interface Reply {
  readonly status: number;
  readonly headers?: Record<string, string>;
  readonly body?: string;
}

export interface FakeHttp {
  /** For `requestHandler` in client config. */
  readonly handler: { handle(request: unknown): Promise<{ response: HttpResponse }> };
  readonly requests: SeenRequest[];
}

function bodyText(body: unknown): string {
  if (body === undefined || body === null) return '';
  if (typeof body === 'string') return body;
  if (body instanceof Uint8Array) return Buffer.from(body.buffer, body.byteOffset, body.byteLength).toString('utf8');
  throw new Error(`fakeHttp: a request body of an unexpected kind (${Object.prototype.toString.call(body)})`);
}

export function fakeHttp(reply: (request: SeenRequest, index: number) => Reply): FakeHttp {
  const requests: SeenRequest[] = [];
  return {
    requests,
    handler: {
      handle(raw) {
        const r = raw as {
          method: string;
          protocol: string;
          hostname: string;
          port?: number;
          path: string;
          query?: Record<string, unknown>;
          headers: Record<string, string>;
          body?: unknown;
        };
        const seen: SeenRequest = {
          method: r.method,
          protocol: r.protocol,
          hostname: r.hostname,
          port: r.port,
          path: r.path,
          query: r.query ?? {},
          headers: r.headers,
          body: bodyText(r.body),
        };
        requests.push(seen);
        const answer = reply(seen, requests.length - 1);
        return Promise.resolve({
          response: new HttpResponse({
            statusCode: answer.status,
            headers: { 'x-amzn-requestid': `req-${requests.length}`, ...answer.headers },
            body: Buffer.from(answer.body ?? '', 'utf8'),
          }),
        });
      },
    },
  };
}

/** A JSON-protocol (awsJson1_1: KMS, STS is query) answer. */
export function json(body: unknown, status = 200): Reply {
  return { status, headers: { 'content-type': 'application/x-amz-json-1.1' }, body: JSON.stringify(body) };
}

/** A JSON-protocol error, as KMS sends it. */
export function jsonError(code: string, message: string, status = 400): Reply {
  return json({ __type: code, message }, status);
}

/** An S3 REST-XML error body. */
export function xmlError(code: string, message: string, status: number): Reply {
  return {
    status,
    headers: { 'content-type': 'application/xml' },
    body: `<?xml version="1.0" encoding="UTF-8"?>\n<Error><Code>${code}</Code><Message>${message}</Message><RequestId>4442587FB7D0A2F9</RequestId><HostId>host-id</HostId></Error>`,
  };
}

export function xml(body: string, status = 200): Reply {
  return { status, headers: { 'content-type': 'application/xml' }, body: `<?xml version="1.0" encoding="UTF-8"?>\n${body}` };
}

export const TEST_CREDENTIALS = { accessKeyId: 'AKIAIOSFODNN7EXAMPLE', secretAccessKey: 'wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY' };
