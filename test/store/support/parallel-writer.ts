/**
 * One writer process of the "many writers, one history" test: opens the store (migrating it if
 * it is the first), records its scans one after the other, prints what it recorded as JSON.
 * Run as `node parallel-writer.js '<plan JSON>'` once transpiled (test/support/transpile.ts).
 */
import type { StoreTarget } from '../../../src/store/connect.js';
import { recordScan } from '../../../src/store/record-scan.js';
import { openStore } from '../../../src/store/store.js';
import { worldScan } from './ground-truth.js';

export interface WriterPlan {
  readonly target: StoreTarget;
  readonly scans: readonly { readonly id: string; readonly at: string; readonly accounts: readonly string[] }[];
}

const plan = JSON.parse(process.argv[2] ?? '{}') as WriterPlan;
const opened = await openStore(plan.target);
if (!opened.ok) {
  process.stderr.write(`${opened.problem.message}\n`);
  process.exit(1);
}
const recorded = [];
try {
  for (const scan of plan.scans) {
    const result = await recordScan(opened.store, worldScan(scan.id, scan.at, scan.accounts));
    recorded.push({ id: scan.id, opened: result.opened, reopened: result.reopened, resolved: result.resolved, late: result.late });
  }
} finally {
  await opened.store.close();
}
process.stdout.write(`${JSON.stringify(recorded)}\n`);
