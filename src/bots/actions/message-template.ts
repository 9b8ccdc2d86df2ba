/** An owner message as a bot writes it: `{name}`, `{type}`, `{account}` and `{region}` are replaced (notify, lookup-creator, …). */
import type { AccountEntry } from '../../config/account-entry.js';
import type { Resource } from '../../model/resource.js';

export const MESSAGE_PLACEHOLDERS = '{name}, {type}, {account} and {region} are replaced';

export function fillMessage(template: string, resource: Resource, account: AccountEntry): string {
  return template
    .replaceAll('{name}', resource.name)
    .replaceAll('{type}', resource.type)
    .replaceAll('{account}', account.name)
    .replaceAll('{region}', resource.region);
}
