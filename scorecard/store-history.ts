/**
 * Score history from the store's daily roll-ups (per day, account and pack control). A day's pack
 * score is summed over the pack's controls, so an evaluation under two controls weighs twice there;
 * changes and trends are therefore always compared roll-up with roll-up, never with a scan's own score.
 */
import type { Store } from '../src/store/store.js';
import type { DailyScore, ScoreHistory } from './score-history.js';

const ACCOUNTS_PER_QUERY = 500;

export function storeHistory(store: Store): ScoreHistory {
  return {
    async packTrends({ accountIds, packIds, days, until }) {
      const last = until.toISOString().slice(0, 10);
      const first = new Date(Date.parse(`${last}T00:00:00Z`) - (days - 1) * 86_400_000).toISOString().slice(0, 10);
      const sums = new Map<string, Map<string, { pass: number; fail: number }>>();
      for (let at = 0; at < accountIds.length; at += ACCOUNTS_PER_QUERY) {
        const ids = accountIds.slice(at, at + ACCOUNTS_PER_QUERY);
        if (ids.length === 0 || packIds.length === 0) continue;
        const rows = await store.db
          .selectFrom('daily_rollups')
          .select((eb) => ['day', 'pack', eb.fn.sum<number>('pass').as('pass'), eb.fn.sum<number>('fail').as('fail')])
          .where('account_id', 'in', ids)
          .where('pack', 'in', [...packIds])
          .where('day', '>=', first)
          .where('day', '<=', last)
          .groupBy(['day', 'pack'])
          .execute();
        for (const row of rows) {
          const byDay = sums.get(row.pack) ?? new Map<string, { pass: number; fail: number }>();
          sums.set(row.pack, byDay);
          const into = byDay.get(row.day) ?? { pass: 0, fail: 0 };
          into.pass += Number(row.pass);
          into.fail += Number(row.fail);
          byDay.set(row.day, into);
        }
      }
      const trends = new Map<string, DailyScore[]>();
      for (const [pack, byDay] of sums) {
        const points = [...byDay]
          .sort(([a], [b]) => a.localeCompare(b))
          .map(([date, c]) => ({
            date,
            pass: c.pass,
            fail: c.fail,
            score: c.pass + c.fail === 0 ? null : Math.round((c.pass / (c.pass + c.fail)) * 10_000) / 10_000,
          }));
        trends.set(pack, points);
      }
      return trends;
    },
  };
}
