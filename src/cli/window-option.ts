/**
 * `--since 7d` / `--mttr 90d`: a window back from a moment (7d, 12h, 2w), or from a date
 * (`2026-11-18`, or a full ISO time) to the moment.
 */
export type WindowStart = { kind: 'duration'; ms: number; text: string } | { kind: 'at'; at: string };

const UNIT_MS: Record<string, number> = { h: 3_600_000, d: 86_400_000, w: 7 * 86_400_000 };

export function parseWindowStart(flag: string, value: string): { ok: true; start: WindowStart } | { ok: false; message: string } {
  const duration = /^(\d{1,5})([hdw])$/.exec(value);
  if (duration !== null) {
    const ms = Number(duration[1]) * UNIT_MS[duration[2]!]!;
    if (ms === 0) return { ok: false, message: `${flag}: '${value}' is an empty window` };
    return { ok: true, start: { kind: 'duration', ms, text: value } };
  }
  if (/^\d{4}-\d{2}-\d{2}(T[\d:.]+(Z|[+-]\d{2}:\d{2}))?$/.test(value) && !Number.isNaN(Date.parse(value))) {
    return { ok: true, start: { kind: 'at', at: new Date(value).toISOString() } };
  }
  return { ok: false, message: `${flag}: '${value}' is neither a duration (12h, 7d, 2w) nor a date (2026-11-18)` };
}

/** The window's start, counting a duration back from `until`. */
export function windowSince(start: WindowStart, until: string): string {
  return start.kind === 'at' ? start.at : new Date(Date.parse(until) - start.ms).toISOString();
}
