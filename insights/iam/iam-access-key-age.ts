import { Type } from '@sinclair/typebox';
import { defineInsight } from '../../src/engine/define-insight.js';
import { daysSince } from '../../src/analysis/time.js';
import { isUnknown } from '../../src/model/unknown.js';

export default defineInsight({
  id: 'iam-access-key-age',
  title: 'Active IAM access keys are rotated',
  resourceType: 'AWS::IAM::User',
  severity: 'medium',
  description:
    'Checks that no active access key of an IAM user is older than the allowed age (90 days by default), counted from its creation. Users without an active access key are not applicable.',
  rationale:
    'A long-lived key has had more chances to leak through code, images, laptops and logs, and a leaked key stays valid until it is rotated. Regular rotation bounds how long a leak is useful.',
  remediation: {
    cli: 'aws iam create-access-key --user-name <user>  # deploy the new key, then: aws iam update-access-key --user-name <user> --access-key-id <old-key-id> --status Inactive && aws iam delete-access-key --user-name <user> --access-key-id <old-key-id>',
    console:
      'IAM console > Users > the user > Security credentials > Access keys > Create access key; once the new key is in use, deactivate and delete the old one.',
  },
  reads: { self: ['accessKeys'] },
  params: Type.Object(
    { maxAgeDays: Type.Integer({ minimum: 1, maximum: 3650, default: 90, description: 'Oldest accepted age of an active key, in days' }) },
    { additionalProperties: false },
  ),
  evaluate(user, { params, now, verdict }) {
    const keys = user.config.accessKeys;
    if (isUnknown(keys)) return verdict.unreadable('access keys', keys);
    const active = keys.filter((key) => key.status === 'Active').map((key) => Object.assign({}, key, { ageDays: daysSince(key.createDate, now) }));
    if (active.length === 0) return verdict.notApplicable('the user has no active access key');
    const old = active.filter((key) => key.ageDays > params.maxAgeDays);
    if (old.length > 0) {
      const oldest = Math.max(...old.map((key) => key.ageDays));
      return verdict.fail(
        `${old.length === 1 ? 'an active access key is' : `${old.length} active access keys are`} older than ${params.maxAgeDays} days (oldest ${oldest} days)`,
        { keys: old.map(({ id, createDate, ageDays }) => ({ id, createDate, ageDays })), maxAgeDays: params.maxAgeDays },
      );
    }
    const oldest = Math.max(...active.map((key) => key.ageDays));
    return verdict.pass(`every active access key is at most ${params.maxAgeDays} days old (oldest ${oldest} days)`);
  },
});
