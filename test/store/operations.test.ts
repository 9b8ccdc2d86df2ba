import { expect, it } from 'vitest';
import { appendAudit, auditRecords, GENESIS_HASH, verifyAuditChain, type AuditEntry } from '../../src/store/audit-log.js';
import { claimMessages, enqueue, markFailed, markSent, outboxMessages, releaseInDoubt } from '../../src/store/outbox.js';
import { discardPlan, getPlan, markPlanApplied, savePlan } from '../../src/store/plans.js';
import { cancelOp, claimDueOps, completeOp, markForOp } from '../../src/store/scheduled-ops.js';
import { describeEachEngine } from './support/engines.js';
import { day } from './support/scans.js';

const entry = (n: number, extra: Partial<AuditEntry> = {}): AuditEntry => ({
  at: day(1, n),
  actor: 'close-public-buckets',
  action: 's3-block-public-access',
  resourceArn: `arn:aws:s3:::bucket-${n}`,
  mode: 'enforce',
  detail: { before: { public: true }, after: { public: false }, n },
  ...extra,
});

describeEachEngine('the audit log', (engine) => {
  it('chains each record to the one before it, from the genesis hash', async () => {
    const store = await engine.store();
    const first = await appendAudit(store, entry(1, { findingId: 'f'.repeat(32) }));
    const second = await appendAudit(store, entry(2));
    expect(first.prevHash).toBe(GENESIS_HASH);
    expect(second.prevHash).toBe(first.hash);
    expect(await verifyAuditChain(store)).toEqual({ ok: true, records: 2, head: second.hash });
    expect((await auditRecords(store, { limit: 10 })).map((r) => [r.seq, r.resourceArn, r.findingId])).toEqual([
      [second.seq, 'arn:aws:s3:::bucket-2', undefined],
      [first.seq, 'arn:aws:s3:::bucket-1', 'f'.repeat(32)],
    ]);
  });

  it('detects a changed record, a removed one and records cut from the end', async () => {
    const store = await engine.store();
    const records = [];
    for (let n = 1; n <= 4; n++) records.push(await appendAudit(store, entry(n)));

    await store.db.updateTable('audit_records').set({ detail: '{"after":{"public":true}}' }).where('seq', '=', records[1]!.seq).execute();
    expect(await verifyAuditChain(store)).toMatchObject({ ok: false, seq: records[1]!.seq, problem: expect.stringMatching(/changed/) });
  });

  it('detects a record removed from the middle or the end', async () => {
    const store = await engine.store();
    const records = [];
    for (let n = 1; n <= 4; n++) records.push(await appendAudit(store, entry(n)));
    await store.db.deleteFrom('audit_records').where('seq', '=', records[3]!.seq).execute();
    expect(await verifyAuditChain(store)).toMatchObject({ ok: false, problem: expect.stringMatching(/ends before its recorded head/) });
    await store.db.deleteFrom('audit_records').where('seq', '=', records[1]!.seq).execute();
    expect(await verifyAuditChain(store)).toMatchObject({ ok: false, seq: records[2]!.seq, problem: expect.stringMatching(/does not chain/) });
  });

  it('keeps run id, plan hash, account and region in columns of their own, covered by the hash', async () => {
    const store = await engine.store();
    const run = { runId: 'run-1', planHash: 'a'.repeat(64), accountId: '111111111111', region: 'us-east-1' };
    await appendAudit(store, entry(1));
    const second = await appendAudit(store, entry(2, run));
    await appendAudit(store, entry(3, { ...run, runId: 'run-2' }));
    expect((await auditRecords(store, { runId: 'run-1', limit: 10 })).map((r) => [r.seq, r.runId, r.planHash, r.accountId, r.region])).toEqual([
      [second.seq, 'run-1', 'a'.repeat(64), '111111111111', 'us-east-1'],
    ]);
    expect((await auditRecords(store, { since: day(1, 2), limit: 10 })).map((r) => r.seq)).toEqual([second.seq + 1, second.seq]);
    // A record without them (as written before version 3) and records with them verify alike.
    expect(await verifyAuditChain(store)).toMatchObject({ ok: true, records: 3 });
    await store.db
      .updateTable('audit_records')
      .set({ plan_hash: 'b'.repeat(64) })
      .where('seq', '=', second.seq)
      .execute();
    expect(await verifyAuditChain(store)).toMatchObject({ ok: false, seq: second.seq, problem: expect.stringMatching(/changed/) });
  });

  it('writers appending at once still make one chain', async () => {
    const target = await engine.target();
    const [a, b] = [await engine.open(target), await engine.open(target)];
    await Promise.all([
      ...Array.from({ length: 10 }, (_, n) => appendAudit(a, entry(n))),
      ...Array.from({ length: 10 }, (_, n) => appendAudit(b, entry(n + 10))),
    ]);
    expect(await verifyAuditChain(a)).toMatchObject({ ok: true, records: 20 });
  });
});

describeEachEngine('the notification outbox', (engine) => {
  const message = (key: string) => ({ key, channel: 'slack', payload: { text: `finding ${key}` }, at: day(1) });

  it('holds a key once, however often it is enqueued', async () => {
    const store = await engine.store();
    const first = await enqueue(store, message('new:abc'));
    const again = await enqueue(store, message('new:abc'));
    expect(first.created).toBe(true);
    expect(again).toEqual({ id: first.id, created: false });
    expect(await outboxMessages(store, 'pending')).toHaveLength(1);
  });

  it('gives each message to one sender; a sent message is never claimed again', async () => {
    const target = await engine.target();
    const [a, b] = [await engine.open(target), await engine.open(target)];
    for (let n = 0; n < 20; n++) await enqueue(a, message(`m${n}`));
    const claims = await Promise.all([
      claimMessages(a, { token: 'sender-a', now: day(1, 7), leaseMs: 60_000, limit: 12 }),
      claimMessages(b, { token: 'sender-b', now: day(1, 7), leaseMs: 60_000, limit: 12 }),
    ]);
    const ids = claims.flat().map((m) => m.id);
    expect(ids).toHaveLength(20);
    expect(new Set(ids).size).toBe(20);
    for (const m of claims[0]) expect(await markSent(a, m.id, 'sender-a', day(1, 7))).toBe(true);
    // the other sender cannot mark what it does not hold
    expect(await markSent(b, claims[0][0]!.id, 'sender-b', day(1, 7))).toBe(false);
    for (const m of claims[1]) expect(await markSent(b, m.id, 'sender-b', day(1, 7))).toBe(true);
    expect(await claimMessages(a, { token: 'sender-c', now: day(9), leaseMs: 60_000, limit: 100 })).toEqual([]);
    expect(await outboxMessages(a, 'sent')).toHaveLength(20);
  });

  it('retries a failed send with back-off until it gives up, and lists what it gave up', async () => {
    const store = await engine.store();
    const { id } = await enqueue(store, message('m'));
    const claimAt = (now: string) => claimMessages(store, { token: `t-${now}`, now, leaseMs: 60_000, limit: 10 });
    expect(await claimAt(day(1, 7))).toHaveLength(1);
    expect(await markFailed(store, { id, token: `t-${day(1, 7)}`, error: 'slack 503', retryAt: day(1, 8), maxAttempts: 2 })).toBe(true);
    expect(await claimAt(day(1, 7))).toEqual([]); // not before its retry time
    expect((await claimAt(day(1, 8)))[0]).toMatchObject({ id, attempts: 2 });
    expect(await markFailed(store, { id, token: `t-${day(1, 8)}`, error: 'slack 503', retryAt: day(1, 9), maxAttempts: 2 })).toBe(true);
    expect(await claimAt(day(2))).toEqual([]);
    expect(await outboxMessages(store, 'dead')).toEqual([expect.objectContaining({ id, last_error: 'slack 503', attempts: 2 })]);
  });

  it('a message whose lease ran out while sending is in doubt: listed, not sent again until someone releases it', async () => {
    const store = await engine.store();
    const { id } = await enqueue(store, message('m'));
    await claimMessages(store, { token: 'crashed', now: day(1, 7), leaseMs: 60_000, limit: 10 });
    expect(await claimMessages(store, { token: 'next', now: day(1, 8), leaseMs: 60_000, limit: 10 })).toEqual([]);
    expect(await outboxMessages(store, 'in-doubt')).toEqual([expect.objectContaining({ id })]);
    // the sender that lost its lease cannot report it sent any more
    expect(await markSent(store, id, 'crashed', day(1, 8))).toBe(false);
    expect(await releaseInDoubt(store, id, day(1, 9))).toBe(true);
    expect((await claimMessages(store, { token: 'next', now: day(1, 9), leaseMs: 60_000, limit: 10 })).map((m) => m.id)).toEqual([id]);
  });
});

describeEachEngine('scheduled operations and plans', (engine) => {
  it('mark-for-op: one pending operation per bot, action and resource; claimed once; cancellable', async () => {
    const store = await engine.store();
    const op = {
      bot: 'stop-untagged',
      action: 'ec2-stop',
      resourceArn: 'arn:aws:ec2:eu-west-1:111111111111:instance/i-1',
      reason: 'no owner tag',
      at: day(1),
      dueAt: day(4),
    };
    const first = await markForOp(store, op);
    const again = await markForOp(store, { ...op, at: day(2), dueAt: day(5) });
    expect(first.created).toBe(true);
    expect(again).toMatchObject({ created: false, op: { id: first.op.id, due_at: day(4) } });
    await markForOp(store, { ...op, resourceArn: 'arn:aws:ec2:eu-west-1:111111111111:instance/i-2' });
    expect(await cancelOp(store, { ...op, resourceArn: 'arn:aws:ec2:eu-west-1:111111111111:instance/i-2', at: day(2) })).toBe(true);

    expect(await claimDueOps(store, { token: 'early', now: day(3), limit: 10 })).toEqual([]);
    const [claimed, other] = await Promise.all([
      claimDueOps(store, { token: 'a', now: day(4), limit: 10 }),
      claimDueOps(store, { token: 'b', now: day(4), limit: 10 }),
    ]);
    expect([...claimed, ...other].map((o) => o.id)).toEqual([first.op.id]);
    const holder = claimed.length === 1 ? 'a' : 'b';
    expect(await completeOp(store, first.op.id, holder === 'a' ? 'b' : 'a', day(4))).toBe(false);
    expect(await completeOp(store, first.op.id, holder, day(4))).toBe(true);
    // done: the same operation can be marked again later
    expect((await markForOp(store, { ...op, at: day(10), dueAt: day(12) })).created).toBe(true);
  });

  it('a plan is applied once, with its audit record', async () => {
    const store = await engine.store();
    await savePlan(store, {
      id: 'plan-1',
      bot: 'rotate-keys',
      action: 'kms-enable-rotation',
      resourceArn: 'arn:aws:kms:eu-west-1:111111111111:key/k',
      at: day(1),
      body: { calls: ['EnableKeyRotation'] },
    });
    expect(await getPlan(store, 'plan-1')).toMatchObject({ state: 'pending', body: { calls: ['EnableKeyRotation'] } });
    expect(await markPlanApplied(store, 'plan-1', { at: day(1, 8), auditSeq: 7 })).toBe(true);
    expect(await markPlanApplied(store, 'plan-1', { at: day(1, 9), auditSeq: 8 })).toBe(false);
    expect(await discardPlan(store, 'plan-1')).toBe(false);
    expect(await getPlan(store, 'plan-1')).toMatchObject({ state: 'applied', applied_at: day(1, 8), audit_seq: 7 });
  });
});
