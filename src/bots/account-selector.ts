/** Whether an account of the configuration is named by any of the selectors (every field of one must hold). */
import type { AccountEntry } from '../config/account-entry.js';
import type { AccountSelector } from './bot-schema.js';

export function selectsAccount(selectors: readonly AccountSelector[], account: AccountEntry): boolean {
  return selectors.some(
    (s) =>
      (s.id === undefined || s.id === account.id) &&
      (s.name === undefined || s.name === account.name) &&
      (s.environment === undefined || s.environment === account.environment) &&
      (s.tenant === undefined || s.tenant === account.tenant) &&
      Object.entries(s.tags ?? {}).every(([key, value]) => account.tags?.[key] === value),
  );
}
