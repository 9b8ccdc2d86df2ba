/** A bot's schedule in words, for `vigil bots list`. */
import type { BotSchedule } from '../bot-schema.js';

export function describeSchedule(schedule: BotSchedule | undefined, defaultZone: string): string {
  if (schedule === undefined) return 'on demand only';
  const zone = schedule.timeZone ?? defaultZone;
  const parts: string[] = [];
  if (schedule.cron !== undefined) parts.push(`cron "${schedule.cron}" (${zone})`);
  if (schedule.on === 'scan') parts.push('after each scan');
  if (schedule.windows !== undefined) {
    const windows = schedule.windows.map((w) => `${w.days} ${w.from}–${w.to}`).join(', ');
    parts.push(`desired state reconciled at each run: inside ${windows} (${zone}) or outside`);
  }
  return parts.length === 0 ? 'on demand only' : parts.join('; ');
}
