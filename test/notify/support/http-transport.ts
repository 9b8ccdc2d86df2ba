/** A minimal transport to the recording service: what the delivery loop is tested through. */
import type { Transport } from '../../../src/notify/transport.js';

export function httpTransport(url: string): Transport {
  return {
    channel: 'test',
    async send(payload, key) {
      const response = await fetch(`${url}/send`, { method: 'POST', body: JSON.stringify({ key, payload }) });
      return response.ok ? { ok: true } : { ok: false, kind: 'retry', error: `HTTP ${response.status}` };
    },
    async wasDelivered(_payload, key) {
      const response = await fetch(`${url}/delivered/${encodeURIComponent(key)}`);
      return ((await response.json()) as { delivered: boolean }).delivered;
    },
  };
}
