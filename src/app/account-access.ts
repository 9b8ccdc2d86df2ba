/**
 * Reaching the accounts of a run: the SDK clients with each account's credentials (the current
 * ones, or the role the configuration or the organization names, assumed per account), the caller,
 * and the accounts chosen (the configuration's, the organization's, or the caller's own, narrowed
 * by `--account`). Live collection and live bot runs reach accounts the same way.
 */
import { fromTemporaryCredentials } from '@aws-sdk/credential-providers';
import type { VigilConfig } from '../config/config-schema.js';
import { createAwsClients, type AwsClients, type AwsClientsOptions } from '../collect/aws/aws-clients.js';
import { callerIdentity, configuredTargets, organizationTargets, selectTargets, type AccountTarget } from '../collect/organisation/account-targets.js';

export interface AccountAccessOptions {
  readonly config: VigilConfig | undefined;
  /** `--account`: ids or names. */
  readonly accounts: readonly string[];
  readonly profile?: string | undefined;
  /** Tests hand in prepared clients. */
  readonly clients?: AwsClients | undefined;
  /** Told the clients as soon as they exist. */
  readonly onClients?: ((clients: AwsClients) => void) | undefined;
  readonly homeRegion?: string | undefined;
}

export type AccountAccess =
  | {
      ok: true;
      clients: AwsClients;
      homeRegion: string;
      partition: string;
      callerAccountId: string;
      /** Every account known (configured or in the organization). */
      targets: readonly AccountTarget[];
      /** Those `--account` chose (all without it). */
      selected: readonly AccountTarget[];
    }
  | { ok: false; usage?: string[]; failure?: { code: string; message: string } };

export async function accountAccess(options: AccountAccessOptions): Promise<AccountAccess> {
  const homeRegion = options.homeRegion ?? process.env['AWS_REGION'] ?? process.env['AWS_DEFAULT_REGION'] ?? 'us-east-1';
  const roles = new Map<string, AccountTarget>();
  const clientOptions: AwsClientsOptions = {
    ...(options.profile !== undefined && { profile: options.profile }),
    credentialsFor: (accountId) => {
      const target = roles.get(accountId);
      if (target?.roleArn === undefined) return undefined;
      return fromTemporaryCredentials({
        params: { RoleArn: target.roleArn, RoleSessionName: 'vigil', ...(target.externalId !== undefined && { ExternalId: target.externalId }) },
        clientConfig: { region: homeRegion },
      });
    },
  };
  const clients = options.clients ?? (await createAwsClients(clientOptions));
  options.onClients?.(clients);

  const caller = await callerIdentity(clients, homeRegion);
  if (!caller.ok) return { ok: false, failure: { code: caller.code, message: `the current credentials cannot be used: ${caller.message}` } };

  let targets: AccountTarget[];
  const config = options.config;
  if (config?.organization !== undefined) {
    const found = await organizationTargets(clients, config.organization, config.accounts ?? [], homeRegion, caller.partition);
    if (!found.ok) return { ok: false, failure: { code: found.code, message: found.message } };
    targets = found.targets;
  } else if (config?.accounts !== undefined && config.accounts.length > 0) {
    targets = configuredTargets(config.accounts);
  } else {
    targets = [{ accountId: caller.accountId, entry: { id: caller.accountId, name: caller.accountId }, tags: {} }];
  }
  const selected = selectTargets(targets, options.accounts);
  if (selected.unknown.length > 0)
    return { ok: false, usage: selected.unknown.map((name) => `--account: no account '${name}' in the configuration or organization`) };
  for (const target of selected.targets) roles.set(target.accountId, target);
  // The aggregator's account is reached with its own entry's role, even when --account leaves it out.
  const aggregatorAccount = config?.configAggregator?.accountId ?? caller.accountId;
  const aggregatorTarget = targets.find((t) => t.accountId === aggregatorAccount);
  if (aggregatorTarget !== undefined) roles.set(aggregatorAccount, aggregatorTarget);
  return { ok: true, clients, homeRegion, partition: caller.partition, callerAccountId: caller.accountId, targets, selected: selected.targets };
}
