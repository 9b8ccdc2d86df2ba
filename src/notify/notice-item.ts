/** A finding as an item of a digest: what changed, its fix, its owner, its account's environment. */
import type { AccountEntry } from '../config/account-entry.js';
import type { Finding } from '../findings/finding.js';
import type { DigestChange } from './owner-digest.js';
import type { NoticeItem } from './plan-digests.js';

export function noticeItem(
  finding: Finding,
  change: DigestChange,
  accounts: ReadonlyMap<string, AccountEntry>,
  botAction?: { readonly what: string; readonly at: string },
): NoticeItem {
  const { id, title, severity, reason, resource } = finding;
  return {
    subject: botAction === undefined ? id : `${id}@${botAction.at}`,
    finding: { id, title, severity, reason, resource },
    change,
    remediation: { console: finding.remediation.console, cli: finding.remediation.cli },
    ...(botAction !== undefined && { botAction }),
    owner: finding.owner,
    severity,
    environment: accounts.get(resource.accountId)?.environment,
  };
}

/** `2026-12-10T09:00:00.000Z` → `2026-12-10 09:00 UTC`. */
export function noticeTime(iso: string): string {
  return `${iso.slice(0, 10)} ${iso.slice(11, 16)} UTC`;
}
