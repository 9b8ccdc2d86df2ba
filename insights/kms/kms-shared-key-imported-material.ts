import { Type } from '@sinclair/typebox';
import { defineInsight } from '../../src/engine/define-insight.js';
import { materialExpiryProblem } from '../../src/analysis/key-material-expiry.js';
import { isUnknown } from '../../src/model/unknown.js';

/**
 * The bank's key lives in the bank's account, so kms-key-imported-material-expiry (over the
 * account's own keys) never sees it from the tenant account; DescribeKey across accounts gives
 * its origin, state and ValidTo, which is what this judges. When the import happened is not
 * visible across accounts: the material's age is judged where the bank's account is scanned.
 */
export default defineInsight({
  id: 'kms-shared-key-imported-material',
  title: "The bank's key uses imported key material that does not expire soon",
  resourceType: 'AWS::KMS::SharedKey',
  severity: 'high',
  description:
    "Checks each KMS key of another account that the account is contracted to use (the bank's key, from the configuration's requiredKeyArns), as DescribeKey answers the tenant account: its origin must be EXTERNAL (BYOK, imported key material) unless requireImported is off, it must have material (not PendingImport), and that material must not expire within the warning window. Keys that DescribeKey does not describe, and keys scheduled for deletion, are left to kms-shared-key-usable.",
  rationale:
    'With BYOK the bank generates the key material in its own HSM and can withdraw it; when the imported material expires KMS deletes it, and everything the tenant account encrypted with the key (S3 objects, RDS databases) cannot be decrypted until the bank imports the same material again. The tenant must see the expiry coming, from its own account, in time to ask the bank.',
  remediation: {
    cli: [
      '# From the tenant account: origin, state and expiry of the bank key',
      'aws kms describe-key --key-id <key-arn> --query "KeyMetadata.[Origin,KeyState,ValidTo]"',
      "# In the bank's account: import the material again with a later expiry",
      'aws kms import-key-material --key-id <key-arn> --encrypted-key-material fileb://<wrapped-material> --import-token fileb://<import-token> --expiration-model KEY_MATERIAL_EXPIRES --valid-to <iso-date>',
    ].join('\n'),
    console:
      "In the bank's account: KMS console > Customer managed keys > the key > Key material > Import key material, with a new expiration date. A key whose material KMS generated cannot be made BYOK: create a key with origin External, import the bank's material and re-encrypt the data with it.",
  },
  reads: { self: ['describe', 'keyState', 'origin', 'validTo'] },
  params: Type.Object(
    {
      expiryWarningDays: Type.Integer({ minimum: 0, maximum: 365, default: 30, description: 'Fail when the material expires within this many days' }),
      requireImported: Type.Boolean({ default: true, description: 'The key must use imported key material (origin EXTERNAL), as a BYOK contract requires' }),
    },
    { additionalProperties: false },
  ),
  evaluate(key, { params, now, verdict }) {
    const { describe, keyState, origin, validTo } = key.config;
    if (isUnknown(describe)) return verdict.unreadable('the DescribeKey answer', describe);
    if (describe !== 'ok')
      return verdict.notApplicable(`DescribeKey answered ${describe}: the key cannot be seen from this account (judged by kms-shared-key-usable)`);
    if (isUnknown(keyState)) return verdict.unreadable('key state', keyState);
    if (keyState === 'PendingDeletion' || keyState === 'PendingReplicaDeletion') {
      return verdict.notApplicable('the key is scheduled for deletion (judged by kms-shared-key-usable)');
    }
    if (isUnknown(origin)) return verdict.unreadable('key origin', origin);
    if (origin === null) return verdict.error('DescribeKey answered without the key origin', { keyState });
    if (origin !== 'EXTERNAL') {
      return params.requireImported
        ? verdict.fail(`the key material was not imported (origin ${origin}): the bank does not hold it, as BYOK requires`, { origin })
        : verdict.notApplicable(`the key material of a key of origin ${origin} is not imported`);
    }
    if (keyState === 'PendingImport')
      return verdict.fail('the key has no key material: it was never imported, or it expired or was deleted', { keyState, origin });
    if (isUnknown(validTo)) return verdict.unreadable('key material expiry', validTo);
    if (validTo === null)
      return verdict.pass('the imported key material does not expire (the import date is visible only in the bank account)', { origin, validTo });
    const problem = materialExpiryProblem(validTo, now, params.expiryWarningDays);
    if (problem !== undefined) return verdict.fail(`${problem}; then the data encrypted with the key cannot be decrypted`, { origin, keyState, validTo });
    return verdict.pass(`the imported key material expires on ${validTo}, more than ${params.expiryWarningDays} days ahead`, { origin, validTo });
  },
});
