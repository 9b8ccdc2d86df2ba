/**
 * The CISO's and CIO's daily report goes through the outbox like every notice, but its key is the
 * recipients and the day (in the report's time zone), not its content: `report daily --send` run
 * twice on one day queues one e-mail — never a second one because the store changed in between.
 */
import { createHash } from 'node:crypto';
import { canonicalJson } from '../store/canonical-json.js';
import { enqueue } from '../store/outbox.js';
import type { Store } from '../store/store.js';
import type { EmailMessage } from './email-digest.js';

/** The report's day, `YYYY-MM-DD`, in its time zone. */
export function reportDay(at: Date, timeZone = 'UTC'): string {
  return new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' }).format(at);
}

export async function queueDailyReport(
  store: Store,
  message: EmailMessage,
  options: { readonly day: string; readonly now: Date },
): Promise<{ id: number; key: string; created: boolean }> {
  const key = createHash('sha256')
    .update(canonicalJson(['daily-report', [...message.to].sort(), [...(message.cc ?? [])].sort(), options.day]))
    .digest('hex');
  const { id, created } = await enqueue(store, { key, channel: 'email', payload: message, at: options.now.toISOString() });
  return { id, key, created };
}
