/**
 * Where a collection stands, folded from its events: per account, the regions and services done
 * of its plan, the resources handed on and the failures recorded; for the run, accounts and units
 * done of those known. What the progress display draws; no I/O.
 */
import type { CollectEvent } from './collect-log.js';

export interface ServiceProgress {
  readonly total: number;
  done: number;
}

export interface AccountProgress {
  readonly accountId: string;
  name: string;
  /** `starting`: credentials and regions not known yet. */
  status: 'starting' | 'collecting' | 'done' | 'failed';
  regions: readonly string[];
  unitsPerRegion: number;
  units: number;
  unitsDone: number;
  /** Region-scope units done, per region. */
  readonly regionUnitsDone: Map<string, number>;
  readonly services: Map<string, ServiceProgress>;
  resources: number;
  failures: number;
  seconds: number;
}

export interface ProgressTotals {
  readonly accounts: number;
  readonly accountsDone: number;
  readonly accountsFailed: number;
  readonly units: number;
  readonly unitsDone: number;
  readonly resources: number;
  readonly failures: number;
}

export class CollectProgress {
  private accountsTotal = 0;
  /** In the order accounts started. */
  private readonly byId = new Map<string, AccountProgress>();
  /** Account ids, most recently finished last. */
  private readonly finishedOrder: string[] = [];
  private finalResources: number | undefined;

  apply(event: CollectEvent): void {
    switch (event.event) {
      case 'accounts':
        this.accountsTotal = event.accounts;
        break;
      case 'account-start':
        this.account(event.accountId, event.name);
        break;
      case 'account-plan': {
        const account = this.account(event.accountId, event.name);
        account.status = 'collecting';
        account.regions = [...event.regions];
        account.units = event.units;
        account.unitsPerRegion = event.unitsPerRegion;
        for (const [service, total] of Object.entries(event.services)) account.services.set(service, { total, done: account.services.get(service)?.done ?? 0 });
        break;
      }
      case 'unit-done': {
        const account = this.account(event.accountId, event.accountId);
        account.unitsDone++;
        account.resources += event.resources;
        account.failures += event.failures;
        if (event.scope === 'region') account.regionUnitsDone.set(event.region, (account.regionUnitsDone.get(event.region) ?? 0) + 1);
        const service = account.services.get(event.service);
        // A unit of a service the plan did not name still counts, so that done never trails the truth.
        if (service === undefined) account.services.set(event.service, { total: 1, done: 1 });
        else service.done++;
        break;
      }
      case 'account-done': {
        const account = this.account(event.accountId, event.name);
        account.resources = event.resources;
        this.finish(account, 'done', event.seconds);
        break;
      }
      case 'account-failed':
        this.finish(this.account(event.accountId, event.name), 'failed', 0);
        break;
      case 'done':
        this.finalResources = event.resources;
        break;
      case 'collector-done':
        break;
    }
  }

  totals(): ProgressTotals {
    let units = 0;
    let unitsDone = 0;
    let resources = 0;
    let failures = 0;
    let accountsDone = 0;
    let accountsFailed = 0;
    for (const account of this.byId.values()) {
      units += Math.max(account.units, account.unitsDone);
      unitsDone += account.unitsDone;
      resources += account.resources;
      failures += account.failures;
      if (account.status === 'done') accountsDone++;
      if (account.status === 'failed') accountsFailed++;
    }
    return {
      accounts: Math.max(this.accountsTotal, this.byId.size),
      accountsDone,
      accountsFailed,
      units,
      unitsDone,
      // The final count holds the settings resources too, which no unit hands on.
      resources: this.finalResources ?? resources,
      failures,
    };
  }

  /** Accounts collecting or starting, in the order they started. */
  inProgress(): AccountProgress[] {
    return [...this.byId.values()].filter((a) => a.status === 'starting' || a.status === 'collecting');
  }

  /** Accounts collected, the most recently finished first. */
  finished(): AccountProgress[] {
    return this.finishedOrder
      .map((id) => this.byId.get(id)!)
      .filter((a) => a.status === 'done')
      .reverse();
  }

  /** Regions whose every region-scope unit is done. */
  static regionsDone(account: AccountProgress): number {
    if (account.status === 'done') return account.regions.length;
    return account.regions.filter((region) => (account.regionUnitsDone.get(region) ?? 0) >= account.unitsPerRegion).length;
  }

  /** Services with units still to finish, those with most left first. */
  static servicesPending(account: AccountProgress): string[] {
    return [...account.services.entries()]
      .filter(([, s]) => s.done < s.total)
      .sort(([a, x], [b, y]) => y.total - y.done - (x.total - x.done) || (a < b ? -1 : 1))
      .map(([service]) => service);
  }

  static servicesDone(account: AccountProgress): number {
    return [...account.services.values()].filter((s) => s.done >= s.total).length;
  }

  private account(accountId: string, name: string): AccountProgress {
    let account = this.byId.get(accountId);
    if (account === undefined) {
      account = {
        accountId,
        name,
        status: 'starting',
        regions: [],
        unitsPerRegion: 0,
        units: 0,
        unitsDone: 0,
        regionUnitsDone: new Map(),
        services: new Map(),
        resources: 0,
        failures: 0,
        seconds: 0,
      };
      this.byId.set(accountId, account);
    }
    return account;
  }

  private finish(account: AccountProgress, status: 'done' | 'failed', seconds: number): void {
    account.status = status;
    account.seconds = seconds;
    this.finishedOrder.push(account.accountId);
  }
}
