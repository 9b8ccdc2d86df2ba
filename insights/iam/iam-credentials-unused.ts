import { Type } from '@sinclair/typebox';
import { defineInsight } from '../../src/engine/define-insight.js';
import { daysSince } from '../../src/analysis/time.js';
import { isUnknown, type Unknown } from '../../src/model/unknown.js';

interface Stale {
  credential: string;
  lastUsed: string | null;
  /** What the idle time is counted from: the last use, or the creation when never used. */
  since: string;
  idleDays: number;
}

function days(n: number): string {
  return n === 1 ? '1 day' : `${n} days`;
}

export default defineInsight({
  id: 'iam-credentials-unused',
  title: 'IAM credentials unused for 45 days or more are disabled',
  resourceType: 'AWS::IAM::User',
  severity: 'medium',
  description:
    'Checks that an IAM user has no console password and no active access key left unused for the allowed number of days (45 by default) or more. A credential never used counts from its creation: the user\u2019s for the password, the key\u2019s for an access key. Users without a password or an active key are not applicable.',
  rationale:
    'Credentials nobody uses are nobody\u2019s to notice when they are stolen: they belong to people who left or to forgotten automation. Disabling them removes access no one needs (CIS AWS 2.11).',
  remediation: {
    cli: 'aws iam delete-login-profile --user-name <user>  # unused password\naws iam update-access-key --user-name <user> --access-key-id <key-id> --status Inactive  # unused key',
    console: 'IAM console > Users > the user > Security credentials: Console sign-in > Manage > Disable; Access keys > Actions > Deactivate.',
  },
  reads: { self: ['passwordEnabled', 'passwordLastUsed', 'accessKeys', 'createDate'] },
  params: Type.Object(
    { maxDays: Type.Integer({ minimum: 1, maximum: 3650, default: 45, description: 'Days unused at which a credential must be disabled' }) },
    { additionalProperties: false },
  ),
  evaluate(user, { params, now, verdict }) {
    const { passwordEnabled, passwordLastUsed, accessKeys, createDate } = user.config;
    const stale: Stale[] = [];
    const inUse: string[] = [];
    const unreadable: { field: string; value: Unknown }[] = [];
    const judge = (credential: string, lastUsed: string | null, created: string): void => {
      const since = lastUsed ?? created;
      const idleDays = daysSince(since, now);
      if (idleDays >= params.maxDays) stale.push({ credential, lastUsed, since, idleDays });
      else inUse.push(`${credential} ${lastUsed === null ? `created ${days(idleDays)} ago, never used` : `used ${days(idleDays)} ago`}`);
    };

    if (isUnknown(passwordEnabled)) unreadable.push({ field: 'console password status', value: passwordEnabled });
    else if (passwordEnabled) {
      if (isUnknown(passwordLastUsed)) unreadable.push({ field: 'password last used date', value: passwordLastUsed });
      else judge('console password', passwordLastUsed, createDate);
    }
    if (isUnknown(accessKeys)) unreadable.push({ field: 'access keys', value: accessKeys });
    else for (const key of accessKeys) if (key.status === 'Active') judge(`access key ${key.id}`, key.lastUsedDate, key.createDate);

    // A stale credential fails the user whatever the credentials we could not read.
    if (stale.length > 0) {
      return verdict.fail(`${stale.map((s) => `${s.credential} unused for ${days(s.idleDays)}`).join('; ')} (limit ${params.maxDays})`, {
        stale,
        maxDays: params.maxDays,
      });
    }
    const [first] = unreadable;
    if (first !== undefined) return verdict.unreadable(first.field, first.value);
    if (inUse.length === 0) return verdict.notApplicable('the user has no console password and no active access key');
    return verdict.pass(inUse.join('; '));
  },
});
