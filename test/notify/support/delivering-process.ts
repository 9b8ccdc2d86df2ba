/**
 * A sender process for the kill test: opens the store and delivers its outbox through the
 * recording service. Run as `node delivering-process.js '<plan JSON>'` once transpiled.
 */
import { deliverOutbox } from '../../../src/notify/deliver-outbox.js';
import type { StoreTarget } from '../../../src/store/connect.js';
import { openStore } from '../../../src/store/store.js';
import { httpTransport } from './http-transport.js';

const plan = JSON.parse(process.argv[2] ?? '{}') as { target: StoreTarget; url: string; now: string };
const opened = await openStore(plan.target);
if (!opened.ok) {
  process.stderr.write(`${opened.problem.message}\n`);
  process.exit(1);
}
try {
  const report = await deliverOutbox(opened.store, { test: httpTransport(plan.url) }, { now: () => new Date(plan.now) });
  process.stdout.write(JSON.stringify(report));
} finally {
  await opened.store.close();
}
