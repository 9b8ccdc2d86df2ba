/** Delivers the notifications due now (what `vigil outbox flush` does), through the configured transports. */
import { deliverOutbox } from '../../notify/deliver-outbox.js';
import { defineJob } from './define-job.js';

export default defineJob({
  kind: 'outbox',
  async run(_data, ctx) {
    const { transports } = ctx.services;
    if (Object.keys(transports).length === 0) return { skipped: 'no transport configured (notify.slack or notify.email)' };
    const report = await deliverOutbox(ctx.store, transports, { now: () => ctx.clock.now() });
    return { ...report };
  },
});
