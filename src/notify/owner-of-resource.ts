/**
 * The owner of a scanned resource, from the `notify:` rules: its tags (unreadable tags count as
 * none), then its account's owner, then the fallback channel (resolve-owner.ts). The creator is
 * not known to a scan: lookup-creator records it for bots.
 */
import type { AccountEntry } from '../config/account-entry.js';
import type { ResourceOwner } from '../findings/owner.js';
import type { AnyCollectedResource } from '../model/resource.js';
import { isUnknown } from '../model/unknown.js';
import type { NotifyConfig } from './notify-config.js';
import { resolveOwner } from './resolve-owner.js';

export function ownerOfResource(
  notify: NotifyConfig,
  accounts: ReadonlyMap<string, AccountEntry>,
): (resource: Pick<AnyCollectedResource, 'accountId' | 'tags'>) => ResourceOwner | undefined {
  const rules = { ownerTags: notify.ownerTags, fallbackChannel: notify.slack?.fallbackChannel };
  return (resource) => resolveOwner({ tags: isUnknown(resource.tags) ? {} : resource.tags, account: accounts.get(resource.accountId) }, rules);
}
