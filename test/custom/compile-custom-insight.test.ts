import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { compileCustomInsight } from '../../src/custom/compile-custom-insight.js';
import type { DocumentPath } from '../../src/conditions/definition-issue.js';
import type { Insight } from '../../src/engine/define-insight.js';
import { ec2Instance, notebook, rdsInstance, rdsSnapshot, s3Bucket, securityGroup } from '../../src/model/builders.js';
import { unknown } from '../../src/model/unknown.js';
import { evaluateCase, testInsight } from '../support/insight-tester.js';

function compileYaml(text: string, file = 'custom/insight.yaml'): Insight {
  const result = compileCustomInsight(parse(text), { file });
  if (!result.ok) throw new Error(`expected ${file} to compile: ${JSON.stringify(result.issues)}`);
  return result.value;
}

const notebookNoInternet = compileYaml(
  `
id: notebook-no-internet
title: SageMaker notebooks have no direct internet access
resourceType: AWS::SageMaker::NotebookInstance
severity: high
description: Notebook instances reach the internet only through their VPC, and have an owner or their own KMS key.
rationale: A notebook with direct internet access can exfiltrate training data around the VPC's controls.
remediation:
  cli: aws sagemaker update-notebook-instance --notebook-instance-name <name> --direct-internet-access Disabled
  console: SageMaker console > Notebook instances > the notebook > Stop > Edit > Network > disable direct internet access.
appliesTo:
  path: config.status
  op: ne
  value: Deleting
condition:
  all:
    - { path: config.directInternetAccess, op: eq, value: Disabled }
    - any:
        - { path: tags.owner, op: exists }
        - not: { path: config.kmsKeyId, op: absent }
`,
  'custom/notebook-no-internet.yaml',
);

const KEY = 'arn:aws:kms:eu-west-1:111111111111:key/11111111-2222-3333-4444-555555555555';

testInsight(notebookNoInternet, [
  {
    name: 'no internet, owned',
    resource: notebook({}, { tags: { owner: 'data-team' } }),
    status: 'pass',
    reason: /config\.directInternetAccess eq "Disabled" holds/,
  },
  { name: 'no internet, own KMS key, no owner', resource: notebook({ kmsKeyId: KEY }), status: 'pass' },
  {
    name: 'direct internet access',
    resource: notebook({ directInternetAccess: 'Enabled' }, { tags: { owner: 'data-team' } }),
    status: 'fail',
    reason: 'config.directInternetAccess eq "Disabled" does not hold (config.directInternetAccess is "Enabled")',
    evidence: { 'config.directInternetAccess': 'Enabled' },
  },
  {
    name: 'neither owner nor key: both leaves named, with their values',
    resource: notebook(),
    status: 'fail',
    reason: 'tags.owner exists does not hold (tags.owner is absent); config.kmsKeyId absent holds (config.kmsKeyId is absent)',
    evidence: { 'tags.owner': null, 'config.kmsKeyId': null },
  },
  {
    name: 'being deleted',
    resource: notebook({ status: 'Deleting', directInternetAccess: 'Enabled' }),
    status: 'not-applicable',
    reason: /does not apply: config\.status ne "Deleting" does not hold/,
  },
  {
    name: 'internet access unreadable',
    resource: notebook({ directInternetAccess: unknown('AccessDeniedException: sagemaker:DescribeNotebookInstance') }, { tags: { owner: 'data-team' } }),
    status: 'error',
    reason: 'config.directInternetAccess could not be read (AccessDeniedException: sagemaker:DescribeNotebookInstance)',
    evidence: { unreadable: 'config.directInternetAccess', cause: 'AccessDeniedException: sagemaker:DescribeNotebookInstance' },
  },
  {
    name: 'tags unreadable and no key: undecided',
    resource: notebook({}, { tags: unknown('AccessDeniedException: sagemaker:ListTags') }),
    status: 'error',
    reason: 'tags could not be read (AccessDeniedException: sagemaker:ListTags)',
  },
  // The own key satisfies the `any` whatever the tags hold, so the verdict does not need them.
  {
    name: 'tags unreadable but an own key decides',
    resource: notebook({ kmsKeyId: KEY }, { tags: unknown('AccessDeniedException: sagemaker:ListTags') }),
    status: 'pass',
  },
  // A fail decided by a readable field stands even when another field is unreadable.
  {
    name: 'internet access on while tags are unreadable',
    resource: notebook({ directInternetAccess: 'Enabled' }, { tags: unknown('AccessDeniedException: sagemaker:ListTags') }),
    status: 'fail',
  },
  {
    name: 'unreadable key and tags: both named',
    resource: notebook({ kmsKeyId: unknown('AccessDenied: kms') }, { tags: unknown('AccessDenied: tags') }),
    status: 'error',
    reason: 'tags could not be read (AccessDenied: tags); config.kmsKeyId could not be read (AccessDenied: kms)',
    evidence: { unreadable: 'tags', cause: 'AccessDenied: tags' },
  },
]);

const productionDatabases = compileYaml(
  `
id: rds-production-resilience
title: Production databases keep two weeks of backups and cannot be deleted by accident
resourceType: AWS::RDS::DBInstance
severity: medium
description: Production PostgreSQL instances keep at least 14 days of automated backups, have deletion protection and export their logs.
rationale: The bank's recovery objectives need two weeks of point-in-time recovery, and a deleted instance takes its automated backups with it.
remediation:
  cli: aws rds modify-db-instance --db-instance-identifier <id> --backup-retention-period 14 --deletion-protection --apply-immediately
  console: RDS console > Databases > the instance > Modify > Backup retention 14 days, Enable deletion protection.
appliesTo:
  all:
    - { path: tags.environment, op: in, value: [prod, production] }
    - { path: config.engine, op: starts-with, value: postgres }
    - { path: config.readReplicaSourceIdentifier, op: absent }
condition:
  all:
    - { path: config.backupRetentionPeriod, op: gte, value: 14 }
    - { path: config.deletionProtection, op: eq, value: true }
    - { path: config.cloudwatchLogsExports, op: contains, value: postgresql }
`,
  'custom/rds-production-resilience.yaml',
);

const prod = { tags: { environment: 'prod' } };

testInsight(productionDatabases, [
  { name: 'compliant production database', resource: rdsInstance({ backupRetentionPeriod: 14 }, prod), status: 'pass' },
  {
    name: 'one week of backups',
    resource: rdsInstance({ backupRetentionPeriod: 7 }, prod),
    status: 'fail',
    reason: 'config.backupRetentionPeriod gte 14 does not hold (config.backupRetentionPeriod is 7)',
    evidence: { 'config.backupRetentionPeriod': 7 },
  },
  {
    name: 'every broken rule is named',
    resource: rdsInstance({ backupRetentionPeriod: 1, deletionProtection: false, cloudwatchLogsExports: [] }, prod),
    status: 'fail',
    reason:
      /backupRetentionPeriod gte 14 does not hold .*; config\.deletionProtection eq true does not hold .*; config\.cloudwatchLogsExports contains "postgresql" does not hold \(config\.cloudwatchLogsExports is \[\]\)/,
    evidence: { 'config.backupRetentionPeriod': 1, 'config.deletionProtection': false, 'config.cloudwatchLogsExports': [] },
  },
  { name: 'staging database', resource: rdsInstance({ backupRetentionPeriod: 1 }, { tags: { environment: 'staging' } }), status: 'not-applicable' },
  { name: 'untagged database', resource: rdsInstance({ backupRetentionPeriod: 1 }), status: 'not-applicable' },
  { name: 'MySQL database', resource: rdsInstance({ engine: 'mysql', backupRetentionPeriod: 1 }, prod), status: 'not-applicable' },
  { name: 'read replica', resource: rdsInstance({ readReplicaSourceIdentifier: 'main-db', backupRetentionPeriod: 0 }, prod), status: 'not-applicable' },
  {
    name: 'tags unreadable: cannot tell whether it applies',
    resource: rdsInstance({}, { tags: unknown('AccessDenied: rds:ListTagsForResource') }),
    status: 'error',
    reason: 'cannot tell whether the insight applies: tags could not be read (AccessDenied: rds:ListTagsForResource)',
  },
  {
    name: 'retention unreadable',
    resource: rdsInstance({ backupRetentionPeriod: unknown('AccessDenied: rds:DescribeDBInstances') }, prod),
    status: 'error',
    reason: /config\.backupRetentionPeriod could not be read \(AccessDenied: rds:DescribeDBInstances\)/,
  },
]);

const noWorldIngress = compileYaml(
  `
id: sg-no-world-ingress
title: Security groups admit no traffic from the whole internet
resourceType: AWS::EC2::SecurityGroup
severity: high
description: No inbound rule of the group is open to 0.0.0.0/0 or ::/0.
rationale: A rule open to the internet exposes every instance in the group to scanning and brute force.
remediation:
  cli: aws ec2 revoke-security-group-ingress --group-id <id> --ip-permissions <rule>
  console: EC2 console > Security Groups > the group > Inbound rules > Edit > remove the 0.0.0.0/0 and ::/0 sources.
appliesTo: { path: config.groupName, op: ne, value: default }
condition:
  all:
    - { path: 'config.ingress[*].ipv4Ranges[*]', op: ne, value: 0.0.0.0/0 }
    - { path: 'config.ingress[*].ipv6Ranges[*]', op: ne, value: '::/0' }
`,
);

const rule = (overrides: { ipv4Ranges?: string[]; ipv6Ranges?: string[]; fromPort?: number }) => ({
  protocol: 'tcp',
  fromPort: overrides.fromPort ?? 443,
  toPort: overrides.fromPort ?? 443,
  ipv4Ranges: overrides.ipv4Ranges ?? [],
  ipv6Ranges: overrides.ipv6Ranges ?? [],
  prefixListIds: [],
  referencedGroupIds: [],
});

testInsight(noWorldIngress, [
  { name: 'no ingress rules', resource: securityGroup(), status: 'pass', reason: /has no values/ },
  { name: 'private ranges only', resource: securityGroup({ ingress: [rule({ ipv4Ranges: ['10.0.0.0/8', '192.168.0.0/16'] })] }), status: 'pass' },
  {
    name: 'the second rule is open to the world',
    resource: securityGroup({ ingress: [rule({ ipv4Ranges: ['10.0.0.0/8'] }), rule({ fromPort: 22, ipv4Ranges: ['10.1.0.0/16', '0.0.0.0/0'] })] }),
    status: 'fail',
    reason: 'config.ingress[*].ipv4Ranges[*] ne "0.0.0.0/0" does not hold (config.ingress[1].ipv4Ranges[1] is "0.0.0.0/0")',
    evidence: { 'config.ingress[1].ipv4Ranges[1]': '0.0.0.0/0' },
  },
  {
    name: 'open over IPv6',
    resource: securityGroup({ ingress: [rule({ ipv6Ranges: ['::/0'] })] }),
    status: 'fail',
    evidence: { 'config.ingress[0].ipv6Ranges[0]': '::/0' },
  },
  {
    name: 'the default group is judged elsewhere',
    resource: securityGroup({ groupName: 'default', ingress: [rule({ ipv4Ranges: ['0.0.0.0/0'] })] }),
    status: 'not-applicable',
  },
  {
    name: 'rules unreadable',
    resource: securityGroup({ ingress: unknown('UnauthorizedOperation: ec2:DescribeSecurityGroupRules') }),
    status: 'error',
    reason: /config\.ingress could not be read/,
  },
]);

describe('compileCustomInsight', () => {
  it('fills in the insight contract', () => {
    expect(notebookNoInternet).toMatchObject({
      id: 'notebook-no-internet',
      resourceType: 'AWS::SageMaker::NotebookInstance',
      severity: 'high',
      origin: 'custom',
      docsPath: 'custom/notebook-no-internet.yaml',
      lookups: [],
      reads: { self: ['directInternetAccess', 'kmsKeyId', 'status', 'tags'], ofType: {}, lookups: {} },
    });
    expect(notebookNoInternet.params.properties).toEqual({});
  });

  it('reads the fields its paths start with: the first after config., or the envelope field', () => {
    const insight = compileYaml(`
id: sg-paths
title: Every kind of path
resourceType: AWS::EC2::SecurityGroup
severity: low
description: Paths into config, its lists, and the envelope.
appliesTo: { not: { path: 'tags["cost.center"]', op: absent } }
condition:
  any:
    - { path: 'config.ingress[*].ipv4Ranges[*]', op: ne, value: 0.0.0.0/0 }
    - { path: 'config["groupName"]', op: eq, value: default }
    - { path: createdAt, op: age-days-lt, value: 1 }
    - { path: region, op: eq, value: eu-west-1 }
`);
    expect(insight.reads).toEqual({ self: ['createdAt', 'groupName', 'ingress', 'region', 'tags'], ofType: {}, lookups: {} });
  });

  it('reads every config field through config[*]', () => {
    const insight = compileYaml(`
id: any-unknown-field
title: Some config field equals a value
resourceType: AWS::RDS::DBSnapshot
severity: low
description: Looks through every field of the config.
condition: { path: 'config[*]', op: ne, value: public }
`);
    expect(insight.reads.self).toEqual([
      'dbInstanceIdentifier',
      'encrypted',
      'engine',
      'kmsKeyId',
      'restoreAccounts',
      'snapshotCreateTime',
      'snapshotType',
      'status',
    ]);
    const snapshot = evaluateCase(insight, { name: 'every field', resource: rdsSnapshot(), status: 'pass' });
    expect(snapshot.status).toBe('pass');
  });

  it('accepts a minimal definition: no rationale, remediation or appliesTo', () => {
    const insight = compileYaml(`
id: ec2-imdsv2
title: Instances require IMDSv2
resourceType: AWS::EC2::Instance
severity: medium
description: Instance metadata requires session tokens.
condition: { path: config.metadataOptions.httpTokens, op: eq, value: required }
`);
    expect(insight.rationale).toBe('');
    expect(insight.remediation).toEqual({ cli: '', console: '' });
    expect(
      evaluateCase(insight, {
        name: 'v1',
        resource: ec2Instance({ metadataOptions: { httpTokens: 'optional', httpEndpoint: 'enabled', httpPutResponseHopLimit: 1 } }),
        status: 'fail',
      }).status,
    ).toBe('fail');
    expect(evaluateCase(insight, { name: 'v2', resource: ec2Instance(), status: 'pass' }).status).toBe('pass');
  });

  it('judges ages against the scan clock', () => {
    const insight = compileYaml(`
id: ec2-recent-launch
title: Instances are relaunched at least every 90 days
resourceType: AWS::EC2::Instance
severity: low
description: Long-running instances miss the patched AMIs.
condition: { path: config.launchTime, op: age-days-lt, value: 90 }
`);
    const resource = ec2Instance({ launchTime: '2026-01-15T10:00:00.000Z' });
    expect(evaluateCase(insight, { name: 'soon after', resource, status: 'pass', now: '2026-02-01T00:00:00.000Z' }).status).toBe('pass');
    const late = evaluateCase(insight, { name: 'later', resource, status: 'fail', now: '2026-06-01T00:00:00.000Z' });
    expect(late).toMatchObject({ status: 'fail', evidence: { 'config.launchTime': '2026-01-15T10:00:00.000Z' } });
  });

  it('reports a value of an unexpected kind as an error, not a fail', () => {
    const insight = compileYaml(`
id: s3-policy-version
title: Bucket policies use the current policy language
resourceType: AWS::S3::Bucket
severity: low
description: The policy document declares a version.
condition: { path: config.policy.Version, op: matches, value: '^2012-10-17$' }
`);
    const verdict = evaluateCase(insight, {
      name: 'number',
      resource: s3Bucket({ policy: { Version: 2012 } }),
      status: 'error',
    });
    expect(verdict).toMatchObject({
      status: 'error',
      reason: 'cannot decide config.policy.Version matches "^2012-10-17$": config.policy.Version is a number (2012), not a string',
    });
  });

  const invalid: { name: string; yaml: string; issues: { path: DocumentPath; message: RegExp; atKey?: boolean }[] }[] = [
    { name: 'not a mapping', yaml: '- id: x', issues: [{ path: [], message: /must be a mapping/ }] },
    {
      name: 'envelope mistakes',
      yaml: `
id: Notebook_Internet
title: Notebooks
resourceType: AWS::SageMaker::Notebook
severity: urgent
description: x
remediation: {}
owner: me
condition: { path: config.status, op: exists }
`,
      issues: [
        { path: ['id'], message: /must match pattern/ },
        { path: ['resourceType'], message: /must be one of: "AWS::Account", .*"AWS::SageMaker::NotebookInstance"/ },
        { path: ['severity'], message: /must be one of: "critical", "high", "medium", "low", "informational"/ },
        { path: ['remediation'], message: /must not be empty/ },
        { path: ['owner'], message: /unknown field 'owner'/, atKey: true },
      ],
    },
    {
      name: 'missing fields',
      yaml: 'id: x-y',
      issues: [
        { path: [], message: /missing required field 'title'/ },
        { path: [], message: /missing required field 'resourceType'/ },
        { path: [], message: /missing required field 'severity'/ },
        { path: [], message: /missing required field 'description'/ },
        { path: [], message: /missing required field 'condition'/ },
      ],
    },
    {
      name: 'condition mistakes, located in the tree, checked against the resource type',
      yaml: `
id: notebook-checks
title: Notebook checks
resourceType: AWS::SageMaker::NotebookInstance
severity: low
description: Several mistakes.
appliesTo: { path: config.status, op: ne }
condition:
  all:
    - { path: config.directInternetAccess, op: eq, value: Disable }
    - any:
        - { path: tags.owner, op: matches, value: '(' }
        - { path: config.rootAcess, op: exists }
`,
      issues: [
        { path: ['appliesTo'], message: /^op ne needs a value$/ },
        { path: ['condition', 'all', 0, 'value'], message: /is one of "Enabled", "Disabled", never "Disable"/ },
        { path: ['condition', 'all', 1, 'any', 0, 'value'], message: /invalid regular expression/ },
        { path: ['condition', 'all', 1, 'any', 1, 'path'], message: /config has no field "rootAcess"; its fields are: .*rootAccess/ },
      ],
    },
    {
      name: 'envelope and condition mistakes together',
      yaml: `
id: X
title: X marks
resourceType: AWS::EC2::Instance
severity: high
description: Both kinds.
condition: { path: config.state, op: in, value: running }
`,
      issues: [
        { path: ['id'], message: /must match pattern/ },
        { path: ['condition', 'value'], message: /must be a list/ },
      ],
    },
  ];
  for (const { name, yaml, issues } of invalid) {
    it(`reports ${name} as data, pointing into the definition`, () => {
      const result = compileCustomInsight(parse(yaml), { file: 'custom/bad.yaml' });
      expect(result.ok).toBe(false);
      if (result.ok) return;
      expect(result.issues.map((issue) => issue.path)).toEqual(issues.map((issue) => issue.path));
      result.issues.forEach((issue, index) => {
        expect(issue.message).toMatch(issues[index]?.message ?? /never/);
        expect(issue.atKey ?? false).toBe(issues[index]?.atKey ?? false);
      });
    });
  }
});

describe('evaluation works on the compiled form only', () => {
  /** A deep proxy over a definition that counts every property read once `armed`. */
  function watched<T extends object>(target: T, counter: { armed: boolean; reads: string[] }): T {
    return new Proxy(target, {
      get(object, key, receiver) {
        if (counter.armed) counter.reads.push(String(key));
        const value: unknown = Reflect.get(object, key, receiver);
        return typeof value === 'object' && value !== null ? watched(value, counter) : value;
      },
    });
  }

  const definition = () => ({
    id: 'notebook-root-access',
    title: 'Notebooks give users no root access',
    resourceType: 'AWS::SageMaker::NotebookInstance',
    severity: 'medium',
    description: 'Root access lets notebook users change the instance and its network settings.',
    appliesTo: { path: 'config.status', op: 'not-in', value: ['Deleting', 'Failed'] },
    condition: {
      all: [
        { path: 'config.rootAccess', op: 'eq', value: 'Disabled' },
        { path: 'config.instanceType', op: 'matches', value: '^ml\\.' },
      ],
    },
  });

  it('never reads the definition while evaluating', () => {
    const counter = { armed: false, reads: [] as string[] };
    const compiled = compileCustomInsight(watched(definition(), counter), { file: 'custom/root.yaml' });
    if (!compiled.ok) throw new Error(JSON.stringify(compiled.issues));
    counter.armed = true;
    for (const rootAccess of ['Disabled', 'Enabled'] as const) {
      evaluateCase(compiled.value, { name: rootAccess, resource: notebook({ rootAccess }), status: 'pass' });
    }
    expect(counter.reads).toEqual([]);
  });

  it('is unaffected by later changes to the definition', () => {
    const source = definition();
    const compiled = compileCustomInsight(source, { file: 'custom/root.yaml' });
    if (!compiled.ok) throw new Error(JSON.stringify(compiled.issues));
    source.condition.all[0] = { path: 'config.rootAccess', op: 'eq', value: 'Enabled' };
    source.appliesTo.value = [];
    expect(evaluateCase(compiled.value, { name: 'compiled', resource: notebook(), status: 'pass' }).status).toBe('pass');
  });
});
