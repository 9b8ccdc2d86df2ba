/**
 * A stand-in for a notification service, over HTTP: records what arrives by idempotency key, and can
 * be down (503), or hold a request without answering and report it (to kill the sender mid-send).
 */
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface RecordingService {
  readonly url: string;
  /** Keys in the order they arrived (a key twice means sent twice). */
  readonly received: string[];
  mode: 'up' | 'down' | 'hold';
  /** Called when a request is held. */
  onHold: () => void;
  close(): Promise<void>;
}

async function body(request: IncomingMessage): Promise<string> {
  let text = '';
  for await (const chunk of request) text += (chunk as Buffer).toString();
  return text;
}

export async function startRecordingService(): Promise<RecordingService> {
  const held: ServerResponse[] = [];
  const service: RecordingService = {
    url: '',
    received: [],
    mode: 'up',
    onHold: () => undefined,
    close: () =>
      new Promise((resolve) => {
        for (const response of held) response.destroy();
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
  const server = createServer((request, response) => {
    void body(request).then((text) => {
      if (request.method === 'GET') {
        const key = decodeURIComponent(request.url?.slice('/delivered/'.length) ?? '');
        response.end(JSON.stringify({ delivered: service.received.includes(key) }));
        return;
      }
      if (service.mode === 'down') {
        response.writeHead(503).end();
        return;
      }
      service.received.push((JSON.parse(text) as { key: string }).key);
      if (service.mode === 'hold') {
        held.push(response);
        service.onHold();
        return;
      }
      response.end('{"ok":true}');
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return Object.assign(service, { url: `http://127.0.0.1:${(server.address() as AddressInfo).port}` });
}
