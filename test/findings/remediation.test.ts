import { describe, expect, it } from 'vitest';
import { remediationFor, shellWord, type RemediationSource } from '../../src/findings/remediation.js';
import { account, cloudTrail, iamUser, kmsKey, logGroup, s3Bucket } from '../../src/model/builders.js';
import { builtinInsights } from '../../insights/index.js';

const insight = (cli: string, id = 'an-insight'): RemediationSource => ({
  id,
  remediation: { cli, console: 'Console > fix' },
  docsPath: `docs/insights/${id}.md`,
});

describe('remediationFor', () => {
  it("fills the placeholders that name the resource with the resource's own identifiers", () => {
    const bucket = s3Bucket({}, { id: 'harbor-statements', accountId: '111122223333', region: 'eu-west-1' });
    expect(remediationFor(insight('aws s3api put-bucket-versioning --bucket <bucket> --region <region> # owner <account-id>'), bucket)).toEqual({
      cli: 'aws s3api put-bucket-versioning --bucket harbor-statements --region eu-west-1 # owner 111122223333',
      console: 'Console > fix',
      docs: 'docs/insights/an-insight.md',
    });
    const key = kmsKey();
    expect(remediationFor(insight('aws kms enable-key-rotation --key-id <key-id> # <key-arn>'), key).cli).toBe(
      `aws kms enable-key-rotation --key-id ${key.id} # ${key.arn}`,
    );
  });

  it('leaves the placeholders the resource cannot fill for the reader to choose', () => {
    // <key-id> names a key only on a key; on a user it is an access key id, on a trail another key.
    const source = insight('aws iam update-access-key --user-name <user> --access-key-id <key-id> --status Inactive');
    expect(remediationFor(source, iamUser({}, { id: 'alice' })).cli).toBe(
      'aws iam update-access-key --user-name alice --access-key-id <key-id> --status Inactive',
    );
    expect(remediationFor(insight('aws cloudtrail update-trail --name <trail> --kms-key-id <key-arn>'), cloudTrail({}, { id: 'org' })).cli).toBe(
      'aws cloudtrail update-trail --name org --kms-key-id <key-arn>',
    );
  });

  it('keeps <region> on an account-wide resource, whose region "global" is none', () => {
    expect(remediationFor(insight('aws securityhub enable-security-hub --region <region>'), account()).cli).toBe(
      'aws securityhub enable-security-hub --region <region>',
    );
  });

  it('quotes a value a shell would split or expand', () => {
    expect(remediationFor(insight('aws logs delete-log-group --log-group-name <log-group>'), logGroup({}, { id: "/app/it's #1" })).cli).toBe(
      `aws logs delete-log-group --log-group-name '/app/it'\\''s #1'`,
    );
    expect(shellWord('arn:aws:iam::111122223333:user/a+b=c,d.e@f_g-h')).toBe('arn:aws:iam::111122223333:user/a+b=c,d.e@f_g-h');
    expect(shellWord('$(rm -rf ~)')).toBe(`'$(rm -rf ~)'`);
  });

  it('gives every built-in insight a console step, a CLI command and its page', () => {
    for (const builtin of builtinInsights) {
      const remediation = remediationFor(builtin, s3Bucket());
      expect(remediation.console, builtin.id).not.toBe('');
      expect(remediation.cli, builtin.id).not.toBe('');
      expect(remediation.docs).toBe(`docs/insights/${builtin.id}.md`);
    }
  });
});
