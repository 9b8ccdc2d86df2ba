import { defineInsight } from '../../src/engine/define-insight.js';
import { rootCredentialState } from '../../src/analysis/iam-root.js';
import { isUnknown } from '../../src/model/unknown.js';

export default defineInsight({
  id: 'iam-root-access-keys',
  title: 'The root user has no active access keys',
  resourceType: 'AWS::Account',
  severity: 'critical',
  description: 'Checks that the root user has no active access key. Inactive keys pass: they cannot sign requests.',
  rationale:
    'A root access key signs API calls with unrestricted power over the account, and no IAM policy or permission boundary can limit it. Keys leak through code, laptops and CI logs; the root user should have none.',
  remediation: {
    cli: 'From the management account with centralized root access: aws sts assume-root --target-principal <account-id> --task-policy-arn arn=arn:aws:iam::aws:policy/root-task/IAMDeleteRootUserCredentials, then aws iam delete-access-key --access-key-id <key-id> with those credentials.',
    console: 'Sign in as the root user > account menu > Security credentials > Access keys > Actions > Deactivate, then Delete.',
  },
  reads: { self: ['root'] },
  evaluate(account, { verdict }) {
    const root = account.config.root;
    if (isUnknown(root)) return verdict.unreadable('root credentials', root);
    const active = root.accessKeys.filter((key) => key.active);
    if (active.length > 0) {
      return verdict.fail(`the root user has ${active.length === 1 ? 'an active access key' : `${active.length} active access keys`}`, {
        activeAccessKeys: active,
      });
    }
    // Whether root credentials are centrally managed only tells not-applicable from pass here:
    // no active key is proven either way, so an unknown answer still passes.
    if (rootCredentialState(root).kind === 'centrally-removed') {
      return verdict.notApplicable('the root user has no credentials and the organization manages root credentials centrally');
    }
    return verdict.pass(root.accessKeys.length === 0 ? 'the root user has no access keys' : 'the root user has only inactive access keys');
  },
});
