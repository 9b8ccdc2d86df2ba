/**
 * Imported (BYOK) key material expires on its ValidTo date: KMS then deletes it and every decrypt
 * with the key fails until the owner imports the same material again. The one judgement of "too
 * close to expiry" shared by the insights on the account's own keys and on the bank's key seen
 * from a tenant account.
 */
import { daysUntil } from './time.js';

/** Why material valid to `validTo` is a problem at `now` (expired, or within the warning window), or undefined. */
export function materialExpiryProblem(validTo: string, now: Date, expiryWarningDays: number): string | undefined {
  if (Date.parse(validTo) <= now.getTime()) return `the key material expired on ${validTo}`;
  const daysLeft = daysUntil(validTo, now);
  if (daysLeft <= expiryWarningDays) return `the key material expires ${daysLeft === 0 ? 'within a day' : `in ${daysLeft} days`}, on ${validTo}`;
  return undefined;
}
