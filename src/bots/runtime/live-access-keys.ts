/**
 * An IAM user's access keys as a bot must see them before it acts: ListAccessKeys and
 * GetAccessKeyLastUsed, now. The collectors take keys from the credential report, which may be
 * four hours old and names a key by its slot (`access_key_1`), not by the id UpdateAccessKey and
 * DeleteAccessKey need — so a bot never decides on, nor sends, those.
 */
import { GetAccessKeyLastUsedCommand, ListAccessKeysCommand, type AccessKeyMetadata } from '@aws-sdk/client-iam';
import type { AwsClients } from '../../collect/aws/aws-clients.js';
import { describeAwsError } from '../../collect/aws/aws-error.js';
import type { AccessKey } from '../../model/types/iam/user.js';

/** The read-only calls this reader makes, for the bots' least-privilege policy. */
export const liveAccessKeyPermissions = ['iam:ListAccessKeys', 'iam:GetAccessKeyLastUsed'] as const;

export type LiveAccessKeys = { readonly ok: true; readonly keys: AccessKey[] } | { readonly ok: false; readonly gone: boolean; readonly reason: string };

const iso = (date: Date | undefined): string | undefined => (date === undefined ? undefined : date.toISOString());

export async function readLiveAccessKeys(clients: AwsClients, target: { accountId: string; region: string; userName: string }): Promise<LiveAccessKeys> {
  const iam = clients.get('iam', target.accountId, target.region);
  const failed = (operation: string, error: unknown): LiveAccessKeys => {
    const failure = describeAwsError(error);
    // Only the listing speaks for the user: a key deleted meanwhile is not the user gone.
    return {
      ok: false,
      gone: operation === 'ListAccessKeys' && failure.code === 'NoSuchEntity',
      reason: `${failure.code}: iam:${operation}: ${failure.message}`,
    };
  };
  const listed: AccessKeyMetadata[] = [];
  let marker: string | undefined;
  do {
    try {
      const page = await iam.send(new ListAccessKeysCommand({ UserName: target.userName, ...(marker !== undefined && { Marker: marker }) }));
      listed.push(...(page.AccessKeyMetadata ?? []));
      marker = page.IsTruncated === true ? page.Marker : undefined;
    } catch (error) {
      return failed('ListAccessKeys', error);
    }
  } while (marker !== undefined);
  const keys: AccessKey[] = [];
  for (const key of listed) {
    const created = iso(key.CreateDate);
    if (key.AccessKeyId === undefined || (key.Status !== 'Active' && key.Status !== 'Inactive') || created === undefined)
      return { ok: false, gone: false, reason: `UnexpectedResponse: iam:ListAccessKeys: a key without an id, status or creation date` };
    let lastUsed;
    try {
      lastUsed = await iam.send(new GetAccessKeyLastUsedCommand({ AccessKeyId: key.AccessKeyId }));
    } catch (error) {
      return failed('GetAccessKeyLastUsed', error);
    }
    keys.push({ id: key.AccessKeyId, status: key.Status, createDate: created, lastUsedDate: iso(lastUsed.AccessKeyLastUsed?.LastUsedDate) ?? null });
  }
  return { ok: true, keys: keys.sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0)) };
}
