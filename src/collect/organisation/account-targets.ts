/**
 * Which accounts a collection covers and how to reach each: the account of the current
 * credentials, the accounts the configuration lists (each with its role), or the member accounts
 * AWS Organizations reports (with their tags). Reaching an account is proved with
 * GetCallerIdentity before anything is collected, so credentials for the wrong account never
 * label another account's resources.
 */
import { ListAccountsCommand, ListTagsForResourceCommand, type Account } from '@aws-sdk/client-organizations';
import { GetCallerIdentityCommand } from '@aws-sdk/client-sts';
import type { AccountEntry } from '../../config/account-entry.js';
import type { VigilConfig } from '../../config/config-schema.js';
import type { Tags } from '../../model/resource.js';
import type { AwsClients } from '../aws/aws-clients.js';
import { describeAwsError } from '../aws/aws-error.js';

export interface AccountTarget {
  /** Known ahead (config, Organizations) or found from the caller identity. */
  readonly accountId: string;
  readonly entry: AccountEntry;
  readonly roleArn?: string;
  readonly externalId?: string;
  /** Tags from AWS Organizations (the config's tags win). */
  readonly tags: Tags;
}

export type TargetsResult = { ok: true; targets: AccountTarget[] } | { ok: false; code: string; message: string };

/** The account and partition of the current credentials. */
export async function callerIdentity(
  clients: AwsClients,
  homeRegion: string,
): Promise<{ ok: true; accountId: string; partition: string } | { ok: false; code: string; message: string }> {
  try {
    // The account id is not known yet: the caller's client is keyed by a placeholder.
    const identity = await clients.get('sts', 'caller', homeRegion).send(new GetCallerIdentityCommand({}));
    const partition = identity.Arn?.split(':')[1] ?? 'aws';
    if (identity.Account === undefined) return { ok: false, code: 'NoAccount', message: 'GetCallerIdentity returned no account id' };
    return { ok: true, accountId: identity.Account, partition };
  } catch (error) {
    const failure = describeAwsError(error);
    return { ok: false, code: failure.code, message: failure.message };
  }
}

/** The member accounts of the organization (ACTIVE ones), with their tags. */
export async function organizationTargets(
  clients: AwsClients,
  organization: NonNullable<VigilConfig['organization']>,
  configured: readonly AccountEntry[],
  homeRegion: string,
  partition: string,
): Promise<TargetsResult> {
  const client = clients.get('organizations', 'caller', homeRegion);
  const accounts: Account[] = [];
  try {
    let token: string | undefined;
    do {
      const page = await client.send(new ListAccountsCommand(token === undefined ? {} : { NextToken: token }));
      accounts.push(...(page.Accounts ?? []));
      token = page.NextToken;
    } while (token !== undefined);
  } catch (error) {
    const failure = describeAwsError(error);
    return { ok: false, code: failure.code, message: `organizations:ListAccounts failed: ${failure.message}` };
  }
  const exclude = new Set(organization.exclude ?? []);
  const targets: AccountTarget[] = [];
  for (const account of accounts) {
    if (account.Id === undefined || (account.Status !== undefined && account.Status !== 'ACTIVE') || exclude.has(account.Id)) continue;
    let tags: Tags = {};
    try {
      const tagged = await client.send(new ListTagsForResourceCommand({ ResourceId: account.Id }));
      tags = Object.fromEntries((tagged.Tags ?? []).flatMap((t) => (t.Key === undefined ? [] : [[t.Key, t.Value ?? '']])));
    } catch {
      // Tags are a convenience for scoping; the account is still collected without them.
    }
    const entry = configured.find((c) => c.id === account.Id) ?? { id: account.Id, name: account.Name ?? account.Id };
    targets.push({
      accountId: account.Id,
      entry,
      roleArn: entry.roleArn ?? `arn:${partition}:iam::${account.Id}:role/${organization.roleName}`,
      ...((entry.externalId ?? organization.externalId) !== undefined && { externalId: (entry.externalId ?? organization.externalId)! }),
      tags: { ...tags, ...entry.tags },
    });
  }
  return { ok: true, targets };
}

/** The configuration's accounts, each with its role (or the current credentials). */
export function configuredTargets(accounts: readonly AccountEntry[]): AccountTarget[] {
  return accounts.map((entry) => ({
    accountId: entry.id,
    entry,
    ...(entry.roleArn !== undefined && { roleArn: entry.roleArn }),
    ...(entry.externalId !== undefined && { externalId: entry.externalId }),
    tags: entry.tags ?? {},
  }));
}

/** Keeps the targets named by `--account` (id or name); unknown names are reported. */
export function selectTargets(targets: readonly AccountTarget[], wanted: readonly string[]): { targets: AccountTarget[]; unknown: string[] } {
  if (wanted.length === 0) return { targets: [...targets], unknown: [] };
  const picked = targets.filter((t) => wanted.includes(t.accountId) || wanted.includes(t.entry.name));
  const unknown = wanted.filter((w) => !targets.some((t) => t.accountId === w || t.entry.name === w));
  return { targets: picked, unknown };
}
