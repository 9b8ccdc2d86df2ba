import { Type } from '@sinclair/typebox';
import { defineInsight } from '../../src/engine/define-insight.js';
import { analyzeResourcePolicy } from '../../src/analysis/policy/analyze.js';
import { scanAllowPrincipals } from '../../src/analysis/policy/principal-scan.js';
import { isUnknown } from '../../src/model/unknown.js';

export default defineInsight({
  id: 'kms-key-policy-public',
  title: 'KMS key policies grant use only to trusted accounts',
  resourceType: 'AWS::KMS::Key',
  severity: 'critical',
  description:
    'Checks that the key policy of customer-managed KMS keys grants nothing to everyone (a "*" principal not limited by a fixed account, organization, network or identity condition) and nothing to accounts or organizations other than the key account and the trusted ones, as IAM Access Analyzer reads key policies.',
  rationale:
    'Whoever a key policy lets call kms:Decrypt can read every object, snapshot and database encrypted under the key, wherever the data is copied; kms:CreateGrant or kms:PutKeyPolicy hands out that power again. A key shared with an account outside the tenant boundary (CIS AWS 2.21, single-tenant isolation) is a data leak waiting for a copy of the ciphertext.',
  remediation: {
    cli: 'aws kms get-key-policy --key-id <key-id> --policy-name default --output text > policy.json\n# remove or restrict the statements named in the finding, then:\naws kms put-key-policy --key-id <key-id> --policy-name default --policy file://policy.json',
    console:
      'KMS console > Customer managed keys > the key > Key policy > Edit: remove the statements that name "*" without a limiting condition or an untrusted account, or limit them with kms:CallerAccount / aws:PrincipalOrgID > Save changes.',
  },
  reads: { self: ['manager', 'policy'] },
  params: Type.Object(
    {
      trustedAccounts: Type.Array(Type.String({ pattern: '^[0-9]{12}$' }), {
        default: [],
        description: 'Accounts besides the key account that may be granted use of the key (e.g. the SaaS account a bank shares its key with).',
      }),
      trustedOrgIds: Type.Array(Type.String({ pattern: '^o-[a-z0-9]{10,32}$' }), {
        default: [],
        description: 'Organizations whose accounts may be granted use of the key through aws:PrincipalOrgID.',
      }),
    },
    { additionalProperties: false },
  ),
  evaluate(key, { params, verdict }) {
    if (key.config.manager !== 'CUSTOMER')
      return verdict.notApplicable('AWS-managed keys have policies written by AWS, limited to the owning account through its services');
    const policy = key.config.policy;
    if (isUnknown(policy)) return verdict.unreadable('key policy', policy);
    // The usual key policy names only principals of the key account: certain without the full analysis.
    const scan = scanAllowPrincipals(policy);
    if (scan.kind === 'simple' && scan.services.size === 0 && [...scan.accounts].every((account) => account === key.accountId)) {
      return verdict.pass('the key policy grants use only within the key account');
    }
    const result = analyzeResourcePolicy(policy, {
      ownerAccountId: key.accountId,
      trustedAccountIds: params.trustedAccounts,
      trustedOrgIds: params.trustedOrgIds,
    });
    if (!result.ok) return verdict.error(`the key policy cannot be analysed: ${result.error}`, { statement: result.statement ?? null });
    const { analysis } = result;
    if (analysis.public) {
      const statements = analysis.statements.filter((s) => s.public);
      return verdict.fail(`the key policy lets anyone use the key: ${statements.map((s) => s.reason).join('; ')}`, {
        publicStatements: statements.map((s) => s.label),
        publicActions: analysis.publicActions,
        accessLevels: analysis.publicAccessLevels,
        unknownConditionKeys: analysis.unknownConditionKeys,
      });
    }
    const external = analysis.externalAccess.filter((e) => e.party.kind === 'account' || e.party.kind === 'organization');
    if (external.length > 0) {
      const grants = external.map((e) => `${e.actions.join(', ')} to ${e.description} (${e.statements.join(', ')})`).join('; ');
      return verdict.fail(`the key policy grants ${grants}, outside the key account and the trusted accounts`, {
        externalAccess: external.map((e) => ({ to: e.description, actions: e.actions, accessLevels: e.accessLevels, statements: e.statements })),
        trustedAccounts: params.trustedAccounts,
      });
    }
    const shared = analysis.grants.some((g) => g.audience.kind === 'trusted' && !(g.principal.kind === 'account' && g.principal.accountId === key.accountId));
    return verdict.pass(
      shared
        ? 'the key policy grants use only to the key account and trusted accounts or organizations'
        : 'the key policy grants use only within the key account',
    );
  },
});
