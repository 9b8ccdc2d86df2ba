import { test } from 'vitest';
import { demoOrganisation } from '../src/demo/organisation.js';
test('x', () => {
  const org = demoOrganisation();
  const byType: Record<string, number> = {}; const byAcct: Record<string, number> = {};
  let n = 0;
  for (const r of org.resources()) { n++; byType[r.type] = (byType[r.type] ?? 0) + 1; byAcct[r.accountId] = (byAcct[r.accountId] ?? 0) + 1; }
  console.log(n, byType, byAcct, org.accounts.map(a => a.name + ' ' + a.id), org.bankKeyArns);
  for (const N of [10_000, 200_000]) {
    const big = demoOrganisation({ targetResources: N });
    const t = performance.now(); let m = 0;
    for (const _ of big.resources()) m++;
    const s = (performance.now() - t) / 1000;
    console.log(N, m, big.accounts.length, Math.round(m / s), '/s');
  }
});
