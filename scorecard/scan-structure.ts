/** The accounts and pack controls of a scan, as a scorecard input names them (shared by every source). */
import type { AccountEntry } from '../src/config/account-entry.js';
import type { ScanInfo, ScanSummary } from '../src/findings/scan-output.js';
import type { ScorecardAccount, ScorecardPack } from './scorecard-input.js';

export function accountsOf(scan: ScanInfo, entries: ReadonlyMap<string, AccountEntry> | undefined): ScorecardAccount[] {
  return scan.accounts.map((account) => {
    const owner = entries?.get(account.id)?.owner?.name;
    return {
      id: account.id,
      name: account.name,
      ...(account.environment !== undefined && { environment: account.environment }),
      ...(account.tenant !== undefined && { tenant: account.tenant }),
      ...(owner !== undefined && { owner }),
    };
  });
}

export function packsOf(summary: ScanSummary): ScorecardPack[] {
  return summary.packs.map(scorecardPack);
}

/** A pack as the scorecard shows it, from the scan's summary or from the pack definitions (`--latest`). */
export function scorecardPack(pack: Omit<ScorecardPack, 'controls'> & { readonly controls: readonly ScorecardPack['controls'][number][] }): ScorecardPack {
  return {
    id: pack.id,
    name: pack.name,
    version: pack.version,
    controls: pack.controls.map((control) => ({
      id: control.id,
      title: control.title,
      ...(control.section !== undefined && { section: control.section }),
      ...(control.manual !== undefined && { manual: control.manual }),
      insights: control.insights,
    })),
  };
}
