/**
 * A scan's notifications, when `notify:` is configured: every finding carries its resource's
 * owner; once the scan is recorded, its new, regressed and due-soon findings are queued in the
 * outbox as one digest per recipient (and replies under the messages that announced what it
 * resolved); then the outbox is delivered — unless `--no-notify`, which queues without delivering.
 */
import type { NotifyConfig } from '../notify/notify-config.js';
import { deliverOutbox, type DeliveryReport } from '../notify/deliver-outbox.js';
import { ownerOfResource } from '../notify/owner-of-resource.js';
import { queueScanNotifications, type ScanNotifications } from '../notify/scan-notices.js';
import type { Transports } from '../notify/transport.js';
import type { Store } from '../store/store.js';
import type { PreparedScan } from './prepare-scan.js';
import type { RunOptions } from './run-scan.js';

export interface ScanNotifier {
  readonly ownerOf: NonNullable<RunOptions['ownerOf']>;
  /** Set when there is a store to queue in. */
  readonly afterRecorded?: RunOptions['afterRecorded'];
  /** Delivers what is due (nothing with `--no-notify`), and says what happened, or why it failed. */
  finish(): Promise<NotifierOutcome>;
}

export type NotifierOutcome =
  { readonly ok: true; readonly queued?: ScanNotifications; readonly delivered?: DeliveryReport } | { readonly ok: false; readonly error: unknown };

export function scanNotifier(
  prepared: PreparedScan,
  options: { readonly notify: NotifyConfig; readonly store: Store | undefined; readonly transports: Transports | undefined; readonly now: () => Date },
): ScanNotifier {
  const { notify, store, transports } = options;
  let queued: ScanNotifications | undefined;
  let failure: { error: unknown } | undefined;
  return {
    ownerOf: ownerOfResource(notify, prepared.accounts),
    ...(store !== undefined && {
      async afterRecorded(recording, findingsOf) {
        try {
          queued = await queueScanNotifications({ store, scanId: recording.scan.id, notify, accounts: prepared.accounts, findingsOf, now: options.now() });
        } catch (error) {
          failure = { error };
        }
      },
    }),
    async finish() {
      if (failure !== undefined) return { ok: false, error: failure.error };
      if (store === undefined || transports === undefined || queued === undefined) return { ok: true, ...(queued !== undefined && { queued }) };
      try {
        return { ok: true, queued, delivered: await deliverOutbox(store, transports, { now: options.now }) };
      } catch (error) {
        return { ok: false, error };
      }
    },
  };
}

/** One line on what the notifications did, for stderr. */
export function notifierLine(outcome: NotifierOutcome & { ok: true }, delivering: boolean): string {
  const queued = outcome.queued;
  if (queued === undefined) return 'vigil: notifications: nothing queued (no store to queue them in)\n';
  const digests = queued.queued.filter((notice) => notice.created).length;
  const replies = queued.replies.filter((notice) => notice.created).length;
  const head = `vigil: notifications: ${digests} digest${digests === 1 ? '' : 's'} and ${replies} thread repl${replies === 1 ? 'y' : 'ies'} queued`;
  const delivered = outcome.delivered;
  if (!delivering) return `${head}, not delivered (--no-notify: vigil outbox flush delivers them)\n`;
  if (delivered === undefined) return `${head}\n`;
  const trouble = delivered.dead + delivered.inDoubt > 0 ? `; ${delivered.dead} dead, ${delivered.inDoubt} in doubt (vigil outbox list)` : '';
  return `${head}; ${delivered.sent} sent, ${delivered.retrying} to retry${trouble}\n`;
}
