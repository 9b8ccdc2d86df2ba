import { describe, expect, it } from 'vitest';
import { rootCredentialState } from '../../src/analysis/iam-root.js';
import type { RootCredentials } from '../../src/model/types/account/account.js';
import { unknown } from '../../src/model/unknown.js';

function root(overrides: Partial<RootCredentials>): RootCredentials {
  return { passwordPresent: false, centrallyManaged: true, mfaActive: false, passwordLastUsed: null, accessKeys: [], ...overrides };
}

const activeKey = { active: true, lastRotated: '2025-01-01T00:00:00.000Z', lastUsed: null };

describe('rootCredentialState', () => {
  it('has credentials with a password or an active key, whatever the organization says', () => {
    expect(rootCredentialState(root({ passwordPresent: true }))).toEqual({ kind: 'has-credentials' });
    expect(rootCredentialState(root({ accessKeys: [activeKey] }))).toEqual({ kind: 'has-credentials' });
    expect(rootCredentialState(root({ passwordPresent: true, centrallyManaged: unknown('not the management account') }))).toEqual({
      kind: 'has-credentials',
    });
  });

  it('is centrally removed without credentials in an organization that manages them', () => {
    expect(rootCredentialState(root({}))).toEqual({ kind: 'centrally-removed' });
    expect(rootCredentialState(root({ accessKeys: [{ ...activeKey, active: false }] }))).toEqual({ kind: 'centrally-removed' });
  });

  it('is recoverable without credentials when the organization does not manage them', () => {
    expect(rootCredentialState(root({ centrallyManaged: false }))).toEqual({ kind: 'recoverable' });
  });

  it('is unknown without credentials when central management could not be read', () => {
    const cause = unknown('AccessDenied: iam:ListOrganizationsFeatures');
    expect(rootCredentialState(root({ centrallyManaged: cause }))).toEqual({ kind: 'unknown', cause });
  });
});
