import { Type } from '@sinclair/typebox';
import { defineInsight } from '../../src/engine/define-insight.js';
import type { Evidence } from '../../src/engine/verdict.js';
import type { KmsSharedKeyConfig } from '../../src/model/types/kms/shared-key.js';
import { isUnknown, type Unknown } from '../../src/model/unknown.js';

const UNREADABLE_DATA =
  'data this account encrypted with it (S3 objects, RDS databases, EBS volumes) cannot be decrypted: an availability risk, not only a security one';

/** Who holds grants on the key (RDS and EBS hold grants on the key of the data they keep), as evidence. */
function grantEvidence(grants: KmsSharedKeyConfig['grants']): Evidence {
  if (isUnknown(grants)) return { grants: `not read: ${grants.$unknown}` };
  if (grants === null) return {};
  const services = [...new Set(grants.flatMap((g) => (g.granteePrincipal?.endsWith('.amazonaws.com') === true ? [g.granteePrincipal] : [])))].sort();
  return { grants, servicesHoldingGrants: services };
}

/** Why the key's state keeps this account from using it, or undefined when it is Enabled. */
function stateProblem(state: string, deletionDate: KmsSharedKeyConfig['deletionDate']): string | undefined {
  if (state === 'Enabled') return undefined;
  if (state === 'PendingDeletion' || state === 'PendingReplicaDeletion') {
    const when = typeof deletionDate === 'string' ? ` on ${deletionDate}` : '';
    return `the key owner has scheduled the key for deletion${when}`;
  }
  if (state === 'Disabled') return 'the key owner has disabled the key';
  return `the key is in state ${state}, in which KMS refuses to use it`;
}

export default defineInsight({
  id: 'kms-shared-key-usable',
  title: "The bank's KMS key is shared with the tenant account and usable from it",
  resourceType: 'AWS::KMS::SharedKey',
  severity: 'high',
  description:
    "Checks each KMS key of another account that the account is contracted to use (the configuration's requiredKeyArns, e.g. the bank's key in a bank's SaaS tenant account), as KMS answers the account itself: DescribeKey must show a customer-managed, enabled, symmetric encryption key owned by another account (by one of bankAccountIds when set), and a GenerateDataKey dry run must be authorised. The probe runs as the role Vigil collects with, which `vigil iam-policy --scan` grants kms:DescribeKey and kms:GenerateDataKey: an authorised dry run shows the key policy lets the account use the key, not that every application role may. The grants on the key, when the key policy lets the account list them, are the evidence.",
  rationale:
    "The bank keeps control of its data by owning the key that encrypts it; the tenant account only uses it. A key that is not shared (not found, access denied), disabled, scheduled for deletion or whose use is denied leaves the tenant's data unreadable — RDS instances go to inaccessible-encryption-credentials, S3 GETs fail — so this is an availability finding as much as a security one. A key owned by the tenant account itself, or by an account that is not the bank's, is not the bank's key at all, whatever its ARN was meant to be. ListKeys and most tools iterate only the account's own keys, so without this probe the bank key is never checked.",
  remediation: {
    cli: [
      '# From the tenant account:',
      'aws kms describe-key --key-id <key-arn>',
      'aws kms generate-data-key --key-id <key-arn> --key-spec AES_256 --dry-run',
      "# In the bank's account: enable the key or cancel its deletion, and let the tenant account use it:",
      'aws kms cancel-key-deletion --key-id <key-arn> && aws kms enable-key --key-id <key-arn>',
      'aws kms put-key-policy --key-id <key-arn> --policy-name default --policy file://key-policy.json',
    ].join('\n'),
    console:
      "In the bank's account: KMS console > Customer managed keys > the key > Key policy > Edit: allow the tenant account (arn:aws:iam::<tenant-account>:root or its roles) kms:Encrypt, kms:Decrypt, kms:ReEncrypt*, kms:GenerateDataKey* and kms:DescribeKey, and kms:CreateGrant, kms:ListGrants and kms:RevokeGrant with the condition kms:GrantIsForAWSResource = true (RDS and EBS need grants). Key actions > Enable, or Cancel key deletion. In the tenant account, the roles that use the key need the same actions on the key ARN in their IAM policies.",
  },
  reads: { self: ['describe', 'ownerAccountId', 'keyManager', 'keyState', 'keyUsage', 'keySpec', 'deletionDate', 'usable', 'dryRunAnswer', 'grants'] },
  params: Type.Object(
    {
      bankAccountIds: Type.Array(Type.String({ pattern: '^[0-9]{12}$' }), {
        default: [],
        description: "The accounts the key must belong to (the bank's); empty accepts any account other than the tenant account itself.",
      }),
    },
    { additionalProperties: false },
  ),
  evaluate(key, { params, verdict }) {
    const config = key.config;
    const { describe } = config;
    const account = key.accountId;
    if (isUnknown(describe)) return verdict.unreadable('the DescribeKey answer', describe);
    if (describe === 'not-found') {
      return verdict.fail(
        `KMS finds no key ${key.id} from account ${account}: it was deleted, the ARN is wrong, or it is not shared with this account; ${UNREADABLE_DATA}`,
        { keyArn: key.id, describe },
      );
    }
    if (describe === 'access-denied') {
      return verdict.fail(
        `account ${account} is denied even describing ${key.id}: the key is not shared with this account (or the IAM policy of the role Vigil collects with lacks kms:DescribeKey), and ${UNREADABLE_DATA}`,
        { keyArn: key.id, describe, usable: config.usable },
      );
    }

    const problems: string[] = [];
    let availability = false;
    let unread: [string, Unknown | null] | undefined;
    const known = <V>(field: string, value: V | Unknown | null): value is V => {
      if (value === null) unread ??= [field, null];
      else if (isUnknown(value)) unread ??= [field, value];
      else return true;
      return false;
    };

    const { ownerAccountId, keyManager, keyState, keyUsage, keySpec, usable } = config;
    // Known whenever the key is judged usable: every unread field returns before the pass.
    const owner = known<string>('owner account', ownerAccountId) ? ownerAccountId : undefined;
    if (owner !== undefined) {
      if (owner === account) problems.push(`the key belongs to account ${account} itself, so it is not the bank's key`);
      else if (params.bankAccountIds.length > 0 && !params.bankAccountIds.includes(owner)) {
        problems.push(`the key belongs to account ${owner}, which is not one of the bank's accounts (${params.bankAccountIds.join(', ')})`);
      }
    }
    if (known<string>('key manager', keyManager) && keyManager !== 'CUSTOMER') problems.push(`the key is ${keyManager}-managed, not customer managed`);
    if (known<string>('key state', keyState)) {
      const problem = stateProblem(keyState, config.deletionDate);
      if (problem !== undefined) {
        problems.push(problem);
        availability = true;
      }
    }
    if (known<string>('key usage', keyUsage) && keyUsage !== 'ENCRYPT_DECRYPT') problems.push(`the key usage is ${keyUsage}, not ENCRYPT_DECRYPT`);
    if (known<string>('key spec', keySpec) && keySpec !== 'SYMMETRIC_DEFAULT') problems.push(`the key spec is ${keySpec}, not SYMMETRIC_DEFAULT`);
    if (known<string>('use of the key (GenerateDataKey dry run)', usable)) {
      if (usable === 'denied') {
        problems.push(
          `account ${account} is denied use of the key (GenerateDataKey dry run: AccessDeniedException): the key policy does not grant this account use (or the IAM policy of the role Vigil collects with lacks kms:GenerateDataKey)`,
        );
        availability = true;
      } else if (usable === 'key-unusable' && !availability) {
        const answer = typeof config.dryRunAnswer === 'string' ? config.dryRunAnswer : 'an error';
        problems.push(`KMS refuses to use the key (GenerateDataKey dry run: ${answer})`);
        availability = true;
      }
    }

    const evidence = (): Evidence => ({
      keyArn: key.id,
      ownerAccountId,
      keyManager,
      keyState,
      keyUsage,
      keySpec,
      usable,
      dryRunAnswer: config.dryRunAnswer,
      ...grantEvidence(config.grants),
    });
    if (problems.length > 0) return verdict.fail(`${problems.join('; ')}${availability ? `: ${UNREADABLE_DATA}` : ''}`, evidence());
    if (unread !== undefined) {
      const [field, value] = unread;
      return value === null
        ? verdict.error(`the ${field} of ${key.id} was not reported although DescribeKey answered`, evidence())
        : verdict.unreadable(field, value);
    }
    return verdict.pass(`account ${account} may use ${key.id}, an enabled customer-managed symmetric key of account ${owner}`, evidence());
  },
});
