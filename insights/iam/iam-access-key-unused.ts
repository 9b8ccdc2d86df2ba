import { Type } from '@sinclair/typebox';
import { defineInsight } from '../../src/engine/define-insight.js';
import { daysSince } from '../../src/analysis/time.js';
import { isUnknown } from '../../src/model/unknown.js';

export default defineInsight({
  id: 'iam-access-key-unused',
  title: 'Active IAM access keys are in use',
  resourceType: 'AWS::IAM::User',
  severity: 'medium',
  description:
    'Checks that no active access key of an IAM user has gone unused for more than the allowed number of days (90 by default); a key never used counts from its creation. Unlike iam-credentials-unused (CIS, 45 days, passwords too) it looks at access keys only, as key-rotation policies do. Users without an active access key are not applicable.',
  rationale:
    'An active key nobody uses is access nobody needs, and nobody notices when it is stolen. Deactivating it costs nothing; a key that turns out to be needed is reactivated in a minute.',
  remediation: {
    cli: 'aws iam update-access-key --user-name <user> --access-key-id <key-id> --status Inactive',
    console: 'IAM console > Users > the user > Security credentials > Access keys > Actions > Deactivate.',
  },
  reads: { self: ['accessKeys'] },
  params: Type.Object(
    { maxUnusedDays: Type.Integer({ minimum: 1, maximum: 3650, default: 90, description: 'Longest accepted time an active key goes unused, in days' }) },
    { additionalProperties: false },
  ),
  evaluate(user, { params, now, verdict }) {
    const keys = user.config.accessKeys;
    if (isUnknown(keys)) return verdict.unreadable('access keys', keys);
    const active = keys.filter((key) => key.status === 'Active');
    if (active.length === 0) return verdict.notApplicable('the user has no active access key');
    const idle = active
      .map((key) => ({ id: key.id, lastUsedDate: key.lastUsedDate, idleDays: daysSince(key.lastUsedDate ?? key.createDate, now) }))
      .filter((key) => key.idleDays > params.maxUnusedDays);
    if (idle.length > 0) {
      return verdict.fail(
        `${idle.map((key) => `${key.id} ${key.lastUsedDate === null ? 'never used' : 'unused'} for ${key.idleDays} days`).join('; ')} (limit ${params.maxUnusedDays})`,
        { keys: idle, maxUnusedDays: params.maxUnusedDays },
      );
    }
    return verdict.pass(`every active access key was used in the last ${params.maxUnusedDays} days`);
  },
});
