/** One line for people after a recorded scan: what it changed in the store's history. */
import type { RecordedScan } from '../store/record-scan.js';

export function historyLine(recorded: RecordedScan, store: string): string {
  if (recorded.alreadyRecorded) return `History (${store}): this scan was recorded before; nothing changed.\n`;
  const since = recorded.previousScan === null ? 'the first scan of this scope' : `since scan ${recorded.previousScan.slice(0, 8)}`;
  return (
    `History (${store}): ${recorded.opened} new, ${recorded.reopened} reopened, ${recorded.resolved} resolved, ${recorded.exempted} exempted — ${since}` +
    `${recorded.late > 0 ? ` (${recorded.late} already overtaken by a newer scan)` : ''}. See vigil diff, vigil history.\n`
  );
}
