/** Cron schedules in an IANA time zone, through cron-parser (which reads them in luxon). */
import { CronExpressionParser } from 'cron-parser';

/** Why the expression is not a valid five-field cron, or undefined. */
export function cronProblem(expression: string, zone: string): string | undefined {
  if (expression.trim().split(/\s+/).length !== 5) return 'cron must have five fields: minute hour day-of-month month day-of-week';
  try {
    CronExpressionParser.parse(expression, { tz: zone });
    return undefined;
  } catch (error) {
    return (error as Error).message;
  }
}

/** The last time the cron fired at or before `now`. */
export function lastFiring(expression: string, zone: string, now: Date): Date {
  const parsed = CronExpressionParser.parse(expression, { tz: zone, currentDate: new Date(now.getTime() + 1) });
  return parsed.prev().toDate();
}
