import { Type } from '@sinclair/typebox';
import { defineInsight } from '../../src/engine/define-insight.js';
import { daysSince } from '../../src/analysis/time.js';
import { materialExpiryProblem } from '../../src/analysis/key-material-expiry.js';
import { isUnknown } from '../../src/model/unknown.js';

export default defineInsight({
  id: 'kms-key-imported-material-expiry',
  title: 'Imported KMS key material is fresh and does not expire soon',
  resourceType: 'AWS::KMS::Key',
  severity: 'high',
  description:
    'Checks customer-managed keys with imported key material (origin EXTERNAL, BYOK): the material must be present, must not expire within the warning window, and must have been imported no longer ago than the maximum age.',
  rationale:
    'When imported material expires, KMS deletes it and every decrypt with the key fails: the S3 objects and RDS databases it protects become unreadable until the owner imports the same material again. Imported keys cannot rotate automatically, so re-importing (and rotating on demand) at least yearly is what keeps their material from growing old; this is the exception that kms-key-rotation leaves to this insight.',
  remediation: {
    cli: [
      'aws kms get-parameters-for-import --key-id <key-id> --wrapping-algorithm RSAES_OAEP_SHA_256 --wrapping-key-spec RSA_4096',
      'aws kms import-key-material --key-id <key-id> --encrypted-key-material fileb://<wrapped-material> --import-token fileb://<import-token> --expiration-model KEY_MATERIAL_EXPIRES --valid-to <iso-date>',
    ].join('\n'),
    console:
      'KMS console > Customer managed keys > the key > Key material > Import key material: download the wrapping key and import token, wrap the key material with the HSM that holds it, upload it with a new expiration date.',
  },
  reads: { self: ['manager', 'origin', 'state', 'keyMaterialExpires', 'validTo', 'keyMaterialImportedAt'] },
  params: Type.Object(
    {
      expiryWarningDays: Type.Integer({ minimum: 0, maximum: 365, default: 30, description: 'Fail when the material expires within this many days' }),
      maxAgeDays: Type.Integer({ minimum: 1, maximum: 3650, default: 365, description: 'Fail when the material was imported longer ago than this' }),
    },
    { additionalProperties: false },
  ),
  evaluate(key, { params, now, verdict }) {
    const { manager, origin, state, keyMaterialExpires, validTo, keyMaterialImportedAt } = key.config;
    if (manager !== 'CUSTOMER') return verdict.notApplicable('AWS-managed keys do not use imported key material');
    if (origin !== 'EXTERNAL') return verdict.notApplicable(`the key material of a key of origin ${origin} is not imported`);
    if (state === 'PendingDeletion' || state === 'PendingReplicaDeletion') {
      return verdict.notApplicable('the key is scheduled for deletion (judged by kms-key-pending-deletion)');
    }
    if (state === 'PendingImport') {
      return verdict.fail('the key has no key material: it was never imported, or it expired or was deleted', { state });
    }

    if (keyMaterialExpires === null) {
      return verdict.error('the expiration model of the imported key material is not reported', { state, keyMaterialExpires });
    }
    const problems: string[] = [];
    if (keyMaterialExpires) {
      if (validTo === null) return verdict.error('the imported key material expires, but its expiry date is not reported', { keyMaterialExpires });
      const problem = materialExpiryProblem(validTo, now, params.expiryWarningDays);
      if (problem !== undefined) problems.push(problem);
    }
    // A material that is expiring fails whatever its import date; only a pass needs the date.
    if (isUnknown(keyMaterialImportedAt)) {
      if (problems.length > 0) return verdict.fail(problems.join('; '), { state, keyMaterialExpires, validTo });
      return verdict.unreadable('key material import date', keyMaterialImportedAt);
    }
    if (keyMaterialImportedAt === null) {
      return verdict.error('the key has imported key material, but its import date is not reported', { state, keyMaterialImportedAt });
    }
    const age = daysSince(keyMaterialImportedAt, now);
    if (age > params.maxAgeDays) problems.push(`the key material was imported ${age} days ago, more than ${params.maxAgeDays}`);

    if (problems.length > 0) {
      return verdict.fail(problems.join('; '), { state, keyMaterialExpires, validTo, keyMaterialImportedAt, maxAgeDays: params.maxAgeDays });
    }
    const expiry = keyMaterialExpires && validTo !== null ? `expires on ${validTo}` : 'does not expire';
    return verdict.pass(`the imported key material ${expiry} and was imported ${age} days ago`);
  },
});
