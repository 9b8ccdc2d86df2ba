/**
 * The order of scans: by when their inventory was collected, then by when they were recorded. A
 * scan recorded after a newer one of the same accounts is late: what the newer one saw stands.
 */
export interface ScanPosition {
  readonly observedAt: string;
  readonly seq: number;
}

export function isAfter(a: ScanPosition, b: ScanPosition): boolean {
  return a.observedAt > b.observedAt || (a.observedAt === b.observedAt && a.seq > b.seq);
}
