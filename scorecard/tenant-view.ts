/**
 * The scorecard a bank is shown: the input narrowed to the accounts that serve it, before anything
 * is added up, so that no name, id, ARN or count of another tenant reaches its page.
 */
import { problem, type Problem } from '../src/input/problem.js';
import type { ScorecardInput } from './scorecard-input.js';

export type TenantView = { ok: true; input: ScorecardInput } | { ok: false; problem: Problem };

export function tenantView(input: ScorecardInput, tenant: string, source: string): TenantView {
  const accounts = input.accounts.filter((account) => account.tenant === tenant);
  if (accounts.length === 0) {
    const known = [...new Set(input.accounts.map((account) => account.tenant).filter((t) => t !== undefined))].sort();
    const listed = known.length === 0 ? 'no account has a tenant' : `tenants: ${known.join(', ')}`;
    return { ok: false, problem: problem(source, 1, 1, `--tenant: no account serves tenant '${tenant}' (${listed})`) };
  }
  const ids = new Set(accounts.map((account) => account.id));
  return {
    ok: true,
    input: {
      ...input,
      accounts,
      counts: new Map([...input.counts].filter(([accountId]) => ids.has(accountId))),
      issues: input.issues.filter((finding) => ids.has(finding.resource.accountId)),
      coverage: input.coverage.filter((entry) => ids.has(entry.accountId)),
    },
  };
}
