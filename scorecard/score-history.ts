/**
 * History is an optional input: the store answers it when there is one, and the scorecard and the
 * report render without trends and deltas when there is none.
 */

export interface DailyScore {
  /** The day, `YYYY-MM-DD` (UTC). */
  readonly date: string;
  /** passing / (passing + failing) that day; null when nothing applicable passed or failed. */
  readonly score: number | null;
  readonly pass: number;
  readonly fail: number;
}

export interface ScoreHistory {
  /**
   * Per pack, the daily scores over these accounts only (a tenant's view never reads another
   * tenant's rows), oldest first, for the `days` days up to and including `until`'s day.
   */
  packTrends(query: {
    readonly accountIds: readonly string[];
    readonly packIds: readonly string[];
    readonly days: number;
    readonly until: Date;
  }): Promise<ReadonlyMap<string, readonly DailyScore[]>>;
}
