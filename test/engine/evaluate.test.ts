/** `evaluate`: one binding on one resource with the account's own parameters, mutating nothing the scan shares. */
import { describe, expect, it } from 'vitest';
import { builtinInsights } from '../../insights/index.js';
import { evaluate } from '../../src/engine/evaluate.js';
import { InMemoryInventory } from '../../src/engine/inventory.js';
import { buildScanPlan } from '../../src/engine/scan-plan.js';
import { kmsKey } from '../../src/model/builders.js';
import { unknown } from '../../src/model/unknown.js';

const A = { id: '111111111111', name: 'payments-prod' };
const B = { id: '222222222222', name: 'bank-tenant', params: { 'kms-key-rotation': { maxRotationPeriodDays: 180 } } };

function binding() {
  const planned = buildScanPlan({
    insights: new Map(builtinInsights.map((insight) => [insight.id, insight])),
    packs: [],
    insightFilter: ['kms-key-rotation'],
    accounts: [A, B],
    settings: { allowedRegions: [], requiredTags: {} },
    now: new Date('2026-06-01T12:00:00Z'),
    inventory: new InMemoryInventory(),
  });
  if (!planned.ok) throw new Error(planned.errors.join('\n'));
  return planned.plan.bindings[0]!;
}

describe('evaluate', () => {
  it("judges with the resource's account's parameters and leaves the binding's context as it was", () => {
    const rotation = binding();
    const before = { account: rotation.ctx.account, params: rotation.ctx.params };
    const yearly = (accountId: string) => kmsKey({ rotation: { enabled: true, periodDays: 365, nextRotationDate: null } }, { accountId });
    expect(evaluate(rotation, yearly(A.id), A).status).toBe('pass');
    expect(evaluate(rotation, yearly(B.id), B)).toMatchObject({ status: 'fail', reason: 'rotates every 365 days, more than 180' });
    expect({ account: rotation.ctx.account, params: rotation.ctx.params }).toEqual(before);
  });

  it('gives error for an unreadable field the insight reads, as a scan does', () => {
    const key = kmsKey({}, { accountId: A.id });
    const undescribed = { ...key, config: { ...key.config, manager: unknown('AccessDeniedException: kms:DescribeKey') } };
    expect(evaluate(binding(), undescribed, A)).toMatchObject({
      status: 'error',
      reason: 'manager could not be read (AccessDeniedException: kms:DescribeKey)',
    });
  });
});
