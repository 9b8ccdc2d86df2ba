/** The daemon's HTTP side: the signed webhook's checks, /metrics in Prometheus's text format, /healthz. */
import parsePrometheusTextFormat from 'parse-prometheus-text-format';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { signBody } from '../../src/daemon/webhook-signature.js';
import { closeHarness, daemonHarness, WEBHOOK_SECRET, type Harness } from './support/daemon-harness.js';

let harness: Harness;
beforeAll(async () => {
  harness = await daemonHarness('2026-11-20T10:00:00.000Z');
});
afterAll(async () => {
  await harness.daemon.http.close();
  await closeHarness(harness);
});

const nowSeconds = () => String(Math.floor(harness.clock.now().getTime() / 1000));
const post = (body: string, headers: Record<string, string>) =>
  harness.daemon.http.inject({
    method: 'POST',
    url: '/events/deployment-complete',
    payload: body,
    headers: { 'content-type': 'application/json', ...headers },
  });
const signed = (body: string, timestamp = nowSeconds(), secret = WEBHOOK_SECRET) => ({
  'x-vigil-timestamp': timestamp,
  'x-vigil-signature': signBody(secret, timestamp, body),
});

describe('POST /events/deployment-complete', () => {
  const body = JSON.stringify({ accountId: '569425006216', deployment: 'deploy-42' });

  it('queues the event bots for the account when signed, answers 202, and refuses the same signature again (replay)', async () => {
    const headers = signed(body);
    const accepted = await post(body, headers);
    expect(accepted.statusCode).toBe(202);
    expect(accepted.json()).toEqual({ queued: ['bot:deployer-keys-business-hours:event:569425006216'] });
    expect(await harness.queue.busy('bot:deployer-keys-business-hours:event:569425006216')).toMatchObject({ period: 'event:deployment-complete:deploy-42' });
    const replayed = await post(body, headers);
    expect(replayed.statusCode).toBe(401);
    expect(replayed.json()).toEqual({ error: 'this signature was used already (replay)' });
  });

  it.each([
    ['no signature', () => ({ 'x-vigil-timestamp': nowSeconds() }), 'missing X-Vigil-Timestamp or X-Vigil-Signature'],
    ['a wrong secret', () => signed(body, nowSeconds(), 'not-the-secret'), 'the signature does not match'],
    ['a changed body', () => signed(body.replace('42', '43')), 'the signature does not match'],
    ['a timestamp 6 minutes old', () => signed(body, String(Number(nowSeconds()) - 360)), 'the timestamp is more than 5 minutes away'],
    ['a timestamp 6 minutes ahead', () => signed(body, String(Number(nowSeconds()) + 360)), 'the timestamp is more than 5 minutes away'],
  ])('refuses %s with 401', async (_name, headers, error) => {
    const response = await post(body, headers());
    expect(response.statusCode).toBe(401);
    expect(response.json()).toEqual({ error });
  });

  it('refuses a body over 64 KiB with 413', async () => {
    const big = JSON.stringify({ accountId: '569425006216', deployment: 'x'.repeat(70 * 1024) });
    expect((await post(big, signed(big))).statusCode).toBe(413);
  });

  it.each([
    ['a missing deployment', { accountId: '569425006216' }],
    ['an account id that is not 12 digits', { accountId: '5694', deployment: 'd' }],
    ['an unknown field', { accountId: '569425006216', deployment: 'd', extra: true }],
  ])('refuses a signed body with %s with 400', async (_name, value) => {
    const text = JSON.stringify(value);
    expect((await post(text, signed(text))).statusCode).toBe(400);
  });
});

describe('GET /metrics and /healthz', () => {
  it('serves Prometheus text that parses, every metric named vigil_*, with the webhook and outbox figures', async () => {
    const response = await harness.daemon.http.inject({ method: 'GET', url: '/metrics' });
    expect(response.statusCode).toBe(200);
    expect(response.headers['content-type']).toMatch(/^text\/plain; version=0\.0\.4/);
    const families = parsePrometheusTextFormat(response.body);
    expect(families.length).toBeGreaterThan(10);
    expect(families.filter((family) => !family.name.startsWith('vigil_'))).toEqual([]);
    const webhook = families.find((family) => family.name === 'vigil_webhook_requests_total')!;
    const accepted = webhook.metrics.find((metric) => metric.labels?.['result'] === 'accepted');
    expect(Number(accepted?.value)).toBe(1);
    const outbox = families.find((family) => family.name === 'vigil_outbox_messages')!;
    expect(outbox.metrics.map((metric) => [metric.labels?.['state'], metric.value])).toEqual([
      ['pending', '0'],
      ['sending', '0'],
      ['in-doubt', '0'],
      ['dead', '0'],
    ]);
  });

  it('answers 503 when a job is overdue: its previous period never succeeded while the daemon was up', async () => {
    const ok = await harness.daemon.http.inject({ method: 'GET', url: '/healthz' });
    expect(ok.statusCode).toBe(200);
    // Eight hours on without any scan finishing: the 12:00 period passed with the daemon up and no success.
    await harness.clock.advance(8 * 3_600_000);
    const overdue = await harness.daemon.http.inject({ method: 'GET', url: '/healthz' });
    expect(overdue.statusCode).toBe(503);
    const health = overdue.json<{ jobs: { job: string }[] }>();
    expect(health.jobs.find((job) => job.job === 'scan:569425006216')).toMatchObject({ overdue: true, lastSuccess: null });
  });
});
