/**
 * The state of an account's root user credentials, shared by the root insights. A member account
 * whose root credentials are centrally managed by AWS Organizations and that has neither a password
 * nor an active access key has a root user that cannot sign in or call AWS at all: CIS treats the
 * root MFA and access key controls as not applicable to it.
 */
import type { RootCredentials } from '../model/types/account/account.js';
import { isUnknown, type Unknown } from '../model/unknown.js';

export type RootCredentialState =
  /** A password or an active access key. */
  | { kind: 'has-credentials' }
  /** No password and no active key, and the organization blocks getting any back. */
  | { kind: 'centrally-removed' }
  /** No password and no active key, but a password can be recovered through the root e-mail. */
  | { kind: 'recoverable' }
  /** No password and no active key; whether the organization manages root credentials is unknown. */
  | { kind: 'unknown'; cause: Unknown };

export function rootCredentialState(root: RootCredentials): RootCredentialState {
  if (root.passwordPresent || root.accessKeys.some((key) => key.active)) return { kind: 'has-credentials' };
  if (isUnknown(root.centrallyManaged)) return { kind: 'unknown', cause: root.centrallyManaged };
  return root.centrallyManaged ? { kind: 'centrally-removed' } : { kind: 'recoverable' };
}
