/**
 * One insight binding on one resource of an account, mutating nothing shared: what a bot's live
 * re-check and any caller outside the scan use. The scan's own loop makes the same evaluation
 * (`evaluateResource`), reusing each binding's context from resource to resource for speed, which
 * is why concurrent callers must come here instead.
 */
import type { AccountEntry } from '../config/account-entry.js';
import type { AnyCollectedResource } from '../model/resource.js';
import { evaluateResource } from './evaluate-resource.js';
import { ResourceMemo } from './resource-memo.js';
import type { Binding } from './scan-plan.js';
import { unreadableFieldsOf } from './unreadable-fields.js';
import type { Verdict } from './verdict.js';

export function evaluate(binding: Binding, resource: AnyCollectedResource, account: AccountEntry): Verdict {
  const memo = new ResourceMemo(binding.ctx.inventory);
  memo.visit(resource);
  const ctx = {
    ...binding.ctx,
    account,
    params: binding.paramsByAccount?.get(resource.accountId) ?? binding.params,
    memo,
  };
  return evaluateResource(binding.insight, resource, ctx, unreadableFieldsOf(resource));
}
