import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { afterAll, afterEach, beforeAll, expect, it } from 'vitest';
import { DEFAULT_DELIVERY_POLICY, deliverOutbox } from '../../src/notify/deliver-outbox.js';
import { enqueueNotice } from '../../src/notify/enqueue-notice.js';
import { claimMessages, outboxMessages } from '../../src/store/outbox.js';
import type { Store } from '../../src/store/store.js';
import { describeEachEngine } from '../store/support/engines.js';
import { removeTranspiled, transpiled } from '../support/transpile.js';
import { httpTransport } from './support/http-transport.js';
import { startRecordingService, type RecordingService } from './support/recording-service.js';

const T0 = new Date('2026-12-07T09:00:00Z');
const at = (ms: number) => () => new Date(T0.getTime() + ms);
const notice = (text: string) => ({ channel: 'test', recipient: '#payments', period: '2026-12-07', payload: { text } });

let service: RecordingService;
let sender: string;
beforeAll(() => {
  sender = transpiled(fileURLToPath(new URL('./support/delivering-process.ts', import.meta.url)));
});
afterAll(removeTranspiled);
afterEach(async () => service.close());

async function setUp(store: () => Promise<Store>): Promise<Store> {
  service = await startRecordingService();
  return store();
}

describeEachEngine('deliverOutbox', (engines) => {
  it('sends each key once, however often it is enqueued and delivered', async () => {
    const store = await setUp(() => engines.store());
    const first = await enqueueNotice(store, notice('digest'), T0);
    const again = await enqueueNotice(store, notice('digest'), at(1000)());
    const other = await enqueueNotice(store, notice('another digest'), T0);
    expect(again).toEqual({ ...first, created: false });
    expect(other.key).not.toBe(first.key);
    const transports = { test: httpTransport(service.url) };
    expect(await deliverOutbox(store, transports, { now: at(0) })).toMatchObject({ sent: 2 });
    expect(await deliverOutbox(store, transports, { now: at(60_000) })).toMatchObject({ sent: 0 });
    expect(service.received.sort()).toEqual([first.key, other.key].sort());
  });

  it('retries with exponential back-off while the service is down, then delivers once', async () => {
    const store = await setUp(() => engines.store());
    const { key } = await enqueueNotice(store, notice('digest'), T0);
    const transports = { test: httpTransport(service.url) };
    service.mode = 'down';
    expect(await deliverOutbox(store, transports, { now: at(0) })).toMatchObject({ sent: 0, retrying: 1 });
    const [pending] = await outboxMessages(store, 'pending');
    expect(pending).toMatchObject({ attempts: 1, last_error: 'HTTP 503', next_attempt_at: at(60_000)().toISOString() });
    expect(await deliverOutbox(store, transports, { now: at(59_000) })).toMatchObject({ sent: 0, retrying: 0 });
    expect(await deliverOutbox(store, transports, { now: at(60_000) })).toMatchObject({ retrying: 1 });
    expect((await outboxMessages(store, 'pending'))[0]?.next_attempt_at).toBe(at(60_000 + 120_000)().toISOString());
    service.mode = 'up';
    expect(await deliverOutbox(store, transports, { now: at(180_000) })).toMatchObject({ sent: 1 });
    expect(service.received).toEqual([key]);
  });

  it('marks a message dead after the last attempt, with the reason, and never sends it', async () => {
    const store = await setUp(() => engines.store());
    await enqueueNotice(store, notice('digest'), T0);
    const transports = { test: httpTransport(service.url) };
    const policy = { ...DEFAULT_DELIVERY_POLICY, maxAttempts: 2, baseDelayMs: 1000 };
    service.mode = 'down';
    expect(await deliverOutbox(store, transports, { now: at(0), policy })).toMatchObject({ retrying: 1 });
    expect(await deliverOutbox(store, transports, { now: at(1000), policy })).toMatchObject({ dead: 1 });
    service.mode = 'up';
    expect(await deliverOutbox(store, transports, { now: at(3_600_000), policy })).toMatchObject({ sent: 0 });
    expect(await outboxMessages(store, 'dead')).toMatchObject([{ attempts: 2, last_error: 'HTTP 503' }]);
    expect(service.received).toEqual([]);
  });

  it('delivers exactly once when the sender is killed between sending and acknowledging', async () => {
    const target = await engines.target();
    const store = await setUp(() => engines.open(target));
    const { key } = await enqueueNotice(store, notice('digest'), T0);
    service.mode = 'hold';
    const child = spawn(process.execPath, [sender, JSON.stringify({ target, url: service.url, now: T0.toISOString() })], { stdio: 'ignore' });
    const exited = new Promise<NodeJS.Signals | null>((resolve) => child.on('exit', (_code, signal) => resolve(signal)));
    service.onHold = () => child.kill('SIGKILL');
    expect(await exited).toBe('SIGKILL');
    expect(service.received).toEqual([key]);
    expect(await outboxMessages(store, 'sending')).toHaveLength(1);

    // Restarted within the dead sender's lease: nothing is sent (it may still be sending).
    service.mode = 'up';
    const transports = { test: httpTransport(service.url) };
    expect(await deliverOutbox(store, transports, { now: at(60_000) })).toMatchObject({ sent: 0, settled: 0 });
    // After the lease: in doubt, and the service says it arrived, so it is marked sent, not resent.
    expect(await deliverOutbox(store, transports, { now: at(DEFAULT_DELIVERY_POLICY.leaseMs + 1) })).toMatchObject({ sent: 0, settled: 1 });
    expect(await outboxMessages(store, 'sent')).toHaveLength(1);
    expect(service.received).toEqual([key]);
  });

  it('sends an in-doubt message again when the service shows it never arrived', async () => {
    const store = await setUp(() => engines.store());
    const { key } = await enqueueNotice(store, notice('digest'), T0);
    const transports = { test: httpTransport(service.url) };
    // A sender that claimed it and died before sending.
    await claimMessages(store, { token: 'dead-sender', now: T0.toISOString(), leaseMs: 1000, limit: 10 });
    expect(await deliverOutbox(store, transports, { now: at(2000) })).toMatchObject({ sent: 1, settled: 0 });
    expect(service.received).toEqual([key]);
  });

  it('leaves in doubt what a transport cannot check, for a human', async () => {
    const store = await setUp(() => engines.store());
    await enqueueNotice(store, notice('digest'), T0);
    await claimMessages(store, { token: 'dead-sender', now: T0.toISOString(), leaseMs: 1000, limit: 10 });
    const checking = httpTransport(service.url);
    const blind = { channel: checking.channel, send: (payload: unknown, key: string) => checking.send(payload, key) };
    expect(await deliverOutbox(store, { test: blind }, { now: at(2000) })).toMatchObject({ sent: 0, inDoubt: 1 });
    expect(await outboxMessages(store, 'in-doubt')).toHaveLength(1);
    expect(service.received).toEqual([]);
  });
});
