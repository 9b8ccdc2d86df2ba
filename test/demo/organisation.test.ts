import type { ValidateFunction } from 'ajv';
import { describe, expect, it } from 'vitest';
import { demoOrganisation, type DemoOrganisation } from '../../src/demo/organisation.js';
import { accountOfArn, arnFor } from '../../src/model/arn.js';
import { GLOBAL_REGION, resourceSchema, type AnyResource, type Resource } from '../../src/model/resource.js';
import type { ResourceType } from '../../src/model/resource-types.js';
import { isUnknown } from '../../src/model/unknown.js';
import { cisFilterPatterns, type CisPatternKey } from '../../src/analysis/monitoring/cis-filter-patterns.js';
import { matchFilterPattern } from '../../src/analysis/monitoring/filter-pattern.js';
import { parseLogGroupArn } from '../../src/analysis/monitoring/log-group-arn.js';
import { validatorFor } from '../../src/schemas/ajv.js';
import { flaws } from './posture.js';

const validators = new Map<ResourceType, ValidateFunction>();
function validate(resource: AnyResource): string[] {
  let check = validators.get(resource.type);
  if (check === undefined) {
    check = validatorFor(resourceSchema(resource.type));
    validators.set(resource.type, check);
  }
  const arn = resource.arn;
  return check(resource) ? [] : (check.errors ?? []).map((e) => `${arn} ${e.instancePath} ${e.message ?? ''}`);
}

function take(org: DemoOrganisation, limit = Infinity): AnyResource[] {
  const out: AnyResource[] = [];
  for (const resource of org.resources()) {
    if (out.length >= limit) break;
    out.push(resource);
  }
  return out;
}

function ofType<T extends ResourceType>(resources: readonly AnyResource[], type: T): Resource<T>[] {
  return resources.filter((r) => r.type === type) as unknown as Resource<T>[];
}

function byName<T extends ResourceType>(resources: readonly AnyResource[], type: T, pattern: RegExp): Resource<T>[] {
  return ofType(resources, type).filter((r) => pattern.test(r.name));
}

const org = demoOrganisation();
const demo = take(org);
const accountIds = new Set(org.accounts.map((a) => a.id));
const collectedAt = new Date(org.collectedAt);
const tenantAccount = (name: string) => org.accounts.find((a) => a.tenant === name)?.id ?? '';

describe('demo organisation: shape', () => {
  it('has the demo size', () => {
    expect(demo.length).toBeGreaterThanOrEqual(150);
    expect(demo.length).toBeLessThanOrEqual(300);
  });

  it('every resource validates against its schema', () => {
    expect(demo.flatMap(validate)).toEqual([]);
  });

  it('has unique ARNs, built the way AWS writes them', () => {
    expect(new Set(demo.map((r) => r.arn)).size).toBe(demo.length);
    for (const r of demo) expect(r.arn).toBe(arnFor(r.type, r.accountId, r.region, r.id));
  });

  it('has five accounts with distinct 12-digit ids, two of them single-tenant banks', () => {
    expect(org.accounts).toHaveLength(5);
    expect(accountIds.size).toBe(5);
    for (const id of accountIds) expect(id).toMatch(/^[0-9]{12}$/);
    expect(org.accounts.map((a) => a.tenant).filter(Boolean)).toEqual(['Harbor Bank', 'Northwind Savings']);
    expect(org.accounts.map((a) => a.environment).sort()).toEqual(['development', 'production', 'production', 'production', 'security']);
    for (const bank of org.bankAccountIds) expect(accountIds.has(bank)).toBe(false);
    expect(new Set([...accountIds, ...org.bankAccountIds]).size).toBe(7);
  });

  it('every resource belongs to a configured account', () => {
    for (const r of demo) expect(accountIds.has(r.accountId)).toBe(true);
  });

  it('every account has its account resource and one region resource per allowed region', () => {
    for (const account of org.accounts) {
      const own = demo.filter((r) => r.accountId === account.id);
      const settings = ofType(own, 'AWS::Account');
      expect(settings).toHaveLength(1);
      expect(settings[0]?.region).toBe(GLOBAL_REGION);
      expect(settings[0]?.id).toBe(account.id);
      expect(
        ofType(own, 'AWS::Account::Region')
          .map((r) => r.region)
          .sort(),
      ).toEqual([...org.allowedRegions].sort());
      // The account resource counts the users that the inventory holds.
      const users = ofType(own, 'AWS::IAM::User').length;
      expect(settings[0]?.config.iamUserCount).toBe(users);
    }
  });

  it('names resources by the naming rules', () => {
    for (const r of demo) {
      switch (r.type) {
        case 'AWS::S3::Bucket':
        case 'AWS::RDS::DBInstance':
        case 'AWS::IAM::User':
        case 'AWS::IAM::Group':
        case 'AWS::IAM::Role':
        case 'AWS::IAM::Policy':
          expect(r.name).toBe(r.id);
          break;
        case 'AWS::EC2::SecurityGroup':
          expect(r.name).toBe(r.config.groupName);
          break;
        case 'AWS::Logs::LogGroup':
        case 'AWS::CloudWatch::Alarm':
        case 'AWS::SNS::Topic':
        case 'AWS::IAM::ServerCertificate':
          expect(r.name).toBe(r.id);
          break;
        case 'AWS::EC2::Instance':
        case 'AWS::EC2::Volume':
        case 'AWS::EFS::FileSystem':
          expect(r.name).toBe(!isUnknown(r.tags) && r.tags['Name'] !== undefined ? r.tags['Name'] : r.id);
          break;
        case 'AWS::KMS::Key':
          expect(r.name).toBe(!isUnknown(r.config.aliases) ? (r.config.aliases[0] ?? r.id) : r.id);
          break;
        default:
          break;
      }
    }
  });

  it('uses valid bucket names and RDS identifiers', () => {
    for (const b of ofType(demo, 'AWS::S3::Bucket')) expect(b.name).toMatch(/^[a-z0-9][a-z0-9.-]{1,61}[a-z0-9]$/);
    for (const db of ofType(demo, 'AWS::RDS::DBInstance')) expect(db.name).toMatch(/^[a-z](?!.*--)[a-z0-9-]{0,61}[a-z0-9]$/);
  });

  it('dates everything relative to the collection time', () => {
    for (const r of demo) {
      expect(r.observedAt).toBe(org.collectedAt);
      if (r.createdAt !== undefined) expect(Date.parse(r.createdAt)).toBeLessThanOrEqual(collectedAt.getTime());
    }
  });

  it('shares no object between resources, so that a consumer may change one safely', () => {
    const seen = new Set<object>();
    const shared: string[] = [];
    const walk = (value: unknown, path: string): void => {
      if (typeof value !== 'object' || value === null) return;
      if (seen.has(value)) shared.push(path);
      seen.add(value);
      for (const [key, child] of Object.entries(value)) walk(child, `${path}.${key}`);
    };
    for (const r of demo) walk(r, r.arn);
    expect(shared).toEqual([]);
  });

  it('references trails that exist in its region settings', () => {
    const trails = new Set(ofType(demo, 'AWS::CloudTrail::Trail').map((t) => t.arn));
    for (const region of ofType(demo, 'AWS::Account::Region')) {
      const arns = region.config.trailArns;
      if (isUnknown(arns)) continue;
      for (const arn of arns) expect(trails.has(arn)).toBe(true);
    }
  });

  it('has a believable mix of compliant and failing resources', () => {
    const failing = demo.filter((r) => flaws(r, org.requiredTags, collectedAt).length > 0).length;
    expect(failing / demo.length).toBeGreaterThan(0.15);
    expect(failing / demo.length).toBeLessThan(0.5);
  });
});

describe('demo organisation: determinism', () => {
  it('gives byte-identical resources for the same seed', () => {
    expect(JSON.stringify(take(demoOrganisation()))).toBe(JSON.stringify(demo));
    expect(JSON.stringify(take(demoOrganisation({ seed: 7, targetResources: 5_000 })))).toBe(
      JSON.stringify(take(demoOrganisation({ seed: 7, targetResources: 5_000 }))),
    );
  });

  it('keeps the account ids and bank keys of the default seed, which configuration files may name', () => {
    expect(org.accounts.map((a) => `${a.name} ${a.id}`)).toEqual([
      'harbor-bank-prod 569425006216',
      'northwind-savings-prod 573896332056',
      'ledgerline-shared-services 423518761483',
      'ledgerline-dev 710322686118',
      'ledgerline-security 697622083586',
    ]);
    expect(org.bankKeyArns).toEqual([
      'arn:aws:kms:us-east-1:137435393707:key/46b2fcd9-0cb2-49c6-917e-4c478685547b',
      'arn:aws:kms:eu-west-1:605178863043:key/e270ac5f-03c0-40e3-a9e6-37e9bde9d300',
    ]);
    expect(org.bankAccountIds).toEqual(['137435393707', '605178863043']);
  });

  it('gives the same stream on every call to resources()', () => {
    expect(JSON.stringify(take(org))).toBe(JSON.stringify(demo));
  });

  it('differs for another seed, with the same story', () => {
    const other = demoOrganisation({ seed: 99 });
    const resources = take(other);
    expect(JSON.stringify(resources)).not.toBe(JSON.stringify(demo));
    expect(other.accounts.map((a) => a.id)).not.toEqual(org.accounts.map((a) => a.id));
    expect(resources.map((r) => r.type)).toEqual(demo.map((r) => r.type));
  });
});

describe('demo organisation: the scenario', () => {
  const buckets = ofType(demo, 'AWS::S3::Bucket');
  const databases = ofType(demo, 'AWS::RDS::DBInstance');
  const keys = ofType(demo, 'AWS::KMS::Key');
  const users = ofType(demo, 'AWS::IAM::User');

  it('has the allowed regions, required tags and a stray resource in a third region', () => {
    expect(org.allowedRegions).toEqual(['us-east-1', 'eu-west-1']);
    expect(org.requiredTags['*']).toEqual(['owner', 'cost-center']);
    expect(org.requiredTags['AWS::SageMaker::NotebookInstance']).toEqual(['owner', 'project']);
    const stray = demo.filter((r) => r.region !== GLOBAL_REGION && !org.allowedRegions.includes(r.region));
    expect(stray.length).toBeGreaterThan(0);
    expect(new Set(stray.map((r) => r.region))).toEqual(new Set(['ap-southeast-2']));
    expect(stray.some((r) => r.type === 'AWS::S3::Bucket')).toBe(true);
  });

  it('tags resources with owner, cost-center, environment, tenant and data-class', () => {
    const sftp = byName(demo, 'AWS::S3::Bucket', /^harbor-bank-sftp-ingest-/)[0];
    expect(sftp?.tags).toMatchObject({
      owner: expect.any(String),
      'cost-center': 'CC-2101',
      environment: 'production',
      tenant: 'harbor-bank',
      'data-class': 'restricted',
    });
  });

  it('has SFTP ingestion buckets with six-year COMPLIANCE Object Lock and a 92-day Glacier rule, and one without the transition', () => {
    const sftp = byName(demo, 'AWS::S3::Bucket', /-sftp-ingest-/);
    expect(sftp).toHaveLength(2);
    for (const b of sftp) expect(b.config.objectLock).toEqual({ enabled: true, defaultRetention: { mode: 'COMPLIANCE', years: 6, days: null } });
    const transitions = sftp.map((b) => (isUnknown(b.config.lifecycleRules) ? [] : (b.config.lifecycleRules ?? []).flatMap((r) => r.transitions)));
    expect(transitions.filter((t) => t.some((x) => x.days === 92 && x.storageClass === 'GLACIER'))).toHaveLength(1);
    expect(transitions.filter((t) => t.length === 0)).toHaveLength(1);
  });

  it('has trade-record buckets with Object Lock', () => {
    const trade = byName(demo, 'AWS::S3::Bucket', /-trade-records-/);
    expect(trade).toHaveLength(2);
    for (const b of trade) expect(!isUnknown(b.config.objectLock) && b.config.objectLock?.enabled).toBe(true);
  });

  it('encrypts tenant buckets and databases with the bank-owned key of another account, which is not in the inventory', () => {
    expect(org.bankKeyArns).toHaveLength(2);
    for (const arn of org.bankKeyArns) {
      const owner = accountOfArn(arn);
      expect(owner !== undefined && org.bankAccountIds.includes(owner)).toBe(true);
      expect(accountIds.has(owner ?? '')).toBe(false);
      expect(keys.some((k) => k.arn === arn)).toBe(false);
    }
    const harborKey = org.bankKeyArns[0];
    const harbor = tenantAccount('Harbor Bank');
    const encryptedBuckets = buckets.filter(
      (b) => b.accountId === harbor && !isUnknown(b.config.encryption) && b.config.encryption?.rules.some((r) => r.kmsMasterKeyId === harborKey),
    );
    expect(encryptedBuckets.length).toBeGreaterThanOrEqual(2);
    expect(databases.filter((d) => d.accountId === harbor && d.config.kmsKeyId === harborKey).length).toBeGreaterThanOrEqual(2);
    // The key is regional: it encrypts only resources in its own region.
    for (const r of [...buckets, ...databases]) {
      const ref =
        r.type === 'AWS::S3::Bucket'
          ? isUnknown(r.config.encryption)
            ? []
            : (r.config.encryption?.rules ?? []).map((x) => x.kmsMasterKeyId)
          : [r.config.kmsKeyId];
      for (const arn of ref) if (typeof arn === 'string' && org.bankKeyArns.includes(arn)) expect(arn.split(':')[3]).toBe(r.region);
    }
  });

  it('has BYOK keys with imported material, one expiring within 30 days', () => {
    const byok = keys.filter((k) => k.config.origin === 'EXTERNAL');
    expect(byok.length).toBeGreaterThanOrEqual(2);
    for (const k of byok) {
      expect(k.config.validTo).not.toBeNull();
      expect(typeof k.config.keyMaterialImportedAt).toBe('string');
      expect(k.config.rotation).toBeNull();
    }
    const soon = byok.filter((k) => Date.parse(k.config.validTo ?? '') - collectedAt.getTime() < 30 * 86_400_000);
    expect(soon).toHaveLength(1);
  });

  it('has an Oracle RDS with its audit log exported, and one without', () => {
    const oracle = databases.filter((d) => d.config.engine === 'oracle-ee');
    const audited = (d: Resource<'AWS::RDS::DBInstance'>) => !isUnknown(d.config.cloudwatchLogsExports) && d.config.cloudwatchLogsExports.includes('audit');
    expect(oracle.filter(audited)).toHaveLength(1);
    expect(oracle.filter((d) => !audited(d))).toHaveLength(1);
  });

  it('has a Multi-AZ Postgres, a single-AZ one and a publicly accessible database', () => {
    const postgres = databases.filter((d) => d.config.engine === 'postgres' && d.config.readReplicaSourceIdentifier === null);
    expect(postgres.some((d) => d.config.multiAz === true)).toBe(true);
    expect(postgres.some((d) => d.config.multiAz === false)).toBe(true);
    expect(databases.filter((d) => d.config.publiclyAccessible === true).length).toBeGreaterThanOrEqual(1);
  });

  it('has Aurora clusters whose members name them: a Multi-AZ one, lone writers and an unencrypted one', () => {
    const clusters = ofType(demo, 'AWS::RDS::DBCluster');
    expect(clusters.some((c) => c.config.multiAz === true)).toBe(true);
    expect(clusters.some((c) => c.config.multiAz === false)).toBe(true);
    expect(clusters.some((c) => c.config.storageEncrypted === false)).toBe(true);
    for (const cluster of clusters) {
      const members = isUnknown(cluster.config.members) ? [] : cluster.config.members.map((m) => m.instanceIdentifier);
      const named = databases.filter((d) => d.accountId === cluster.accountId && d.config.clusterIdentifier === cluster.id).map((d) => d.id);
      expect(named.sort()).toEqual([...members].sort());
    }
  });

  it("has each bank's key as its tenant account sees it, one with material expiring within 30 days", () => {
    const shared = ofType(demo, 'AWS::KMS::SharedKey');
    expect(shared.map((k) => [k.accountId, k.id]).sort()).toEqual(Object.entries(org.tenantKeys).sort());
    for (const key of shared) expect(key.config.ownerAccountId).toBe(accountOfArn(key.id));
    const soon = shared.filter((k) => typeof k.config.validTo === 'string' && Date.parse(k.config.validTo) - collectedAt.getTime() < 30 * 86_400_000);
    expect(soon).toHaveLength(1);
  });

  it("puts a web ACL before each bank's portal: Harbor's blocks all but the bank's networks, Northwind's also allows a support office", () => {
    const acls = ofType(demo, 'AWS::WAFv2::WebACL');
    expect(acls.map((a) => [a.accountId, a.name]).sort()).toEqual([
      [tenantAccount('Harbor Bank'), 'harbor-bank-portal'],
      [tenantAccount('Northwind Savings'), 'northwind-savings-portal'],
    ]);
    const addresses = (statement: unknown): string[] =>
      JSON.stringify(statement)
        .match(/"addresses":\[[^\]]*\]/g)
        ?.flatMap((m) => JSON.parse(m.slice('"addresses":'.length)) as string[]) ?? [];
    const rulesOf = (acl: (typeof acls)[number]) => (isUnknown(acl.config.rules) ? [] : acl.config.rules);
    const harbor = acls.find((a) => a.name === 'harbor-bank-portal')!;
    expect(harbor.config.defaultAction).toBe('Allow');
    expect(rulesOf(harbor)[0]).toMatchObject({ action: 'Block', statement: { type: 'not' } });
    expect(addresses(rulesOf(harbor)[0]).sort()).toEqual([...org.tenantCidrs[harbor.accountId]!].sort());
    const northwind = acls.find((a) => a.name === 'northwind-savings-portal')!;
    expect(northwind.config.defaultAction).toBe('Block');
    expect(
      rulesOf(northwind)
        .filter((r) => r.action === 'Allow')
        .flatMap((r) => addresses(r.statement))
        .sort(),
    ).toEqual(['192.0.2.0/24', ...org.tenantCidrs[northwind.accountId]!].sort());
    for (const acl of acls) expect(acl.config.logging).not.toBeNull();
  });

  it('has public buckets, by ACL and by policy, with Block Public Access off', () => {
    const shared = ofType(demo, 'AWS::Account').find((a) => a.name.endsWith('shared-services'));
    expect(shared?.config.s3PublicAccessBlock).toBeNull();
    const publicBuckets = buckets.filter((b) => b.accountId === shared?.accountId && b.config.publicAccessBlock === null);
    expect(publicBuckets.some((b) => !isUnknown(b.config.acl) && b.config.acl.grants.some((g) => g.grantee.uri?.endsWith('AllUsers')))).toBe(true);
    expect(publicBuckets.some((b) => JSON.stringify(b.config.policy).includes('"Principal":"*","Action":"s3:GetObject"'))).toBe(true);
  });

  it('has fields the collector could not read', () => {
    const unreadablePolicy = buckets.find((b) => isUnknown(b.config.policy));
    expect(unreadablePolicy?.config.policy).toEqual({ $unknown: 'AccessDenied: s3:GetBucketPolicy' });
    expect(keys.some((k) => isUnknown(k.config.policy))).toBe(true);
    expect(demo.some((r) => isUnknown(r.tags))).toBe(true);
  });

  it('has customer keys without rotation', () => {
    expect(
      keys.filter(
        (k) => k.config.manager === 'CUSTOMER' && k.config.origin === 'AWS_KMS' && !isUnknown(k.config.rotation) && k.config.rotation?.enabled === false,
      ).length,
    ).toBeGreaterThanOrEqual(2);
    expect(keys.some((k) => k.config.manager === 'AWS')).toBe(true);
  });

  it('has console-less deployers with old access keys, and humans with and without MFA', () => {
    const old = (u: Resource<'AWS::IAM::User'>) =>
      !isUnknown(u.config.accessKeys) &&
      u.config.accessKeys.some((k) => k.status === 'Active' && collectedAt.getTime() - Date.parse(k.createDate) > 365 * 86_400_000);
    const deployers = users.filter((u) => u.name.includes('deployer') && u.config.passwordEnabled === false);
    expect(deployers.filter(old).length).toBeGreaterThanOrEqual(2);
    expect(deployers.filter((u) => !old(u)).length).toBeGreaterThanOrEqual(1);
    const humans = users.filter((u) => u.config.passwordEnabled === true);
    expect(humans.some((u) => u.config.mfaActive === true)).toBe(true);
    expect(humans.some((u) => u.config.mfaActive === false)).toBe(true);
  });

  it('has an empty group, and groups whose members are users of the account', () => {
    const groups = ofType(demo, 'AWS::IAM::Group');
    expect(groups.some((g) => !isUnknown(g.config.members) && g.config.members.length === 0)).toBe(true);
    for (const g of groups) {
      if (isUnknown(g.config.members)) continue;
      for (const member of g.config.members) {
        const user = users.find((u) => u.accountId === g.accountId && u.name === member);
        expect(!isUnknown(user?.config.groups) && user?.config.groups?.includes(g.name)).toBe(true);
      }
    }
  });

  it('has SageMaker notebooks without the required tags', () => {
    const notebooks = ofType(demo, 'AWS::SageMaker::NotebookInstance');
    const untagged = notebooks.filter((n) => !isUnknown(n.tags) && (n.tags['project'] === undefined || n.tags['owner'] === undefined));
    expect(untagged.length).toBeGreaterThanOrEqual(2);
    expect(notebooks.some((n) => !isUnknown(n.tags) && n.tags['project'] !== undefined)).toBe(true);
  });

  it('has failed CloudFormation stacks and a state machine with failed executions', () => {
    const statuses = ofType(demo, 'AWS::CloudFormation::Stack').map((s) => s.config.status);
    expect(statuses).toContain('ROLLBACK_COMPLETE');
    expect(statuses).toContain('UPDATE_ROLLBACK_FAILED');
    const failing = ofType(demo, 'AWS::StepFunctions::StateMachine').filter(
      (m) => !isUnknown(m.config.recentFailedExecutions) && m.config.recentFailedExecutions.length > 0,
    );
    expect(failing.length).toBeGreaterThanOrEqual(1);
    for (const machine of failing) {
      if (isUnknown(machine.config.recentFailedExecutions)) continue;
      for (const execution of machine.config.recentFailedExecutions) {
        expect(execution.executionArn).toContain(`:execution:${machine.name}:`);
        expect(collectedAt.getTime() - Date.parse(execution.stopDate)).toBeLessThan(86_400_000);
      }
    }
  });

  it('has SSH open to the world, IMDSv1 instances and unencrypted volumes', () => {
    const sshOpen = ofType(demo, 'AWS::EC2::SecurityGroup').filter(
      (g) => !isUnknown(g.config.ingress) && g.config.ingress.some((r) => r.fromPort === 22 && r.ipv4Ranges.includes('0.0.0.0/0')),
    );
    expect(sshOpen.length).toBeGreaterThanOrEqual(2);
    const imdsV1 = ofType(demo, 'AWS::EC2::Instance').filter((i) => !isUnknown(i.config.metadataOptions) && i.config.metadataOptions.httpTokens === 'optional');
    expect(imdsV1.length).toBeGreaterThanOrEqual(2);
    expect(ofType(demo, 'AWS::EC2::Volume').filter((v) => v.config.encrypted === false).length).toBeGreaterThanOrEqual(2);
  });

  it('attaches volumes to instances of the same account and region', () => {
    const instances = new Map(ofType(demo, 'AWS::EC2::Instance').map((i) => [i.id, i]));
    for (const v of ofType(demo, 'AWS::EC2::Volume')) {
      for (const a of v.config.attachments) {
        const instance = instances.get(a.instanceId);
        expect(instance?.accountId).toBe(v.accountId);
        expect(instance?.region).toBe(v.region);
      }
    }
  });

  it('has an organization trail, a poor local trail and a region without a Config recorder', () => {
    const trails = ofType(demo, 'AWS::CloudTrail::Trail');
    expect(trails.some((t) => t.config.isOrganizationTrail === true && t.config.isMultiRegionTrail === true)).toBe(true);
    expect(trails.some((t) => t.config.logFileValidationEnabled === false)).toBe(true);
    const regions = ofType(demo, 'AWS::Account::Region');
    expect(regions.filter((r) => !isUnknown(r.config.configRecorders) && r.config.configRecorders.length === 0)).toHaveLength(1);
  });
});

describe('demo organisation: network, monitoring and guardrails', () => {
  const accountOf = (environment: string) => org.accounts.filter((a) => a.environment === environment).map((a) => a.id);
  const dev = accountOf('development')[0] ?? '';
  const securityAccount = accountOf('security')[0] ?? '';
  const vpcs = ofType(demo, 'AWS::EC2::VPC');
  const acls = ofType(demo, 'AWS::EC2::NetworkAcl');
  const logGroups = ofType(demo, 'AWS::Logs::LogGroup');
  const alarms = ofType(demo, 'AWS::CloudWatch::Alarm');
  const topics = ofType(demo, 'AWS::SNS::Topic');
  const databases = ofType(demo, 'AWS::RDS::DBInstance');
  const keys = ofType(demo, 'AWS::KMS::Key');
  const inbound = (acl: Resource<'AWS::EC2::NetworkAcl'>) => (isUnknown(acl.config.entries) ? [] : acl.config.entries.filter((e) => !e.egress));

  it('has a default VPC per account and allowed region, and the VPCs its workloads use, each with one default NACL', () => {
    for (const account of org.accounts) {
      for (const region of org.allowedRegions) {
        const defaults = vpcs.filter((v) => v.accountId === account.id && v.region === region && v.config.isDefault);
        expect(defaults.map((v) => v.config.cidrBlock)).toEqual(['172.31.0.0/16']);
      }
    }
    for (const v of vpcs) {
      expect(v.config.ownerId).toBe(v.accountId);
      const own = acls.filter((a) => a.accountId === v.accountId && a.region === v.region && a.config.vpcId === v.id);
      expect(own.filter((a) => a.config.isDefault)).toHaveLength(1);
      // A subnet is associated with exactly one NACL.
      const subnets = own.flatMap((a) => a.config.subnetIds);
      expect(new Set(subnets).size).toBe(subnets.length);
    }
    const known = new Set(vpcs.map((v) => `${v.accountId} ${v.region} ${v.id}`));
    for (const a of acls) expect(known.has(`${a.accountId} ${a.region} ${a.config.vpcId}`)).toBe(true);
    for (const r of [...ofType(demo, 'AWS::EC2::SecurityGroup'), ...ofType(demo, 'AWS::EC2::Instance')]) {
      expect(known.has(`${r.accountId} ${r.region} ${String(r.config.vpcId)}`)).toBe(true);
    }
  });

  it('logs the rejected traffic of every production and security VPC, and of no development VPC', () => {
    for (const v of vpcs) {
      const flowLogs = isUnknown(v.config.flowLogs) ? [] : v.config.flowLogs;
      if (v.accountId === dev) expect(flowLogs).toEqual([]);
      else expect(flowLogs.some((f) => f.flowLogStatus === 'ACTIVE' && (f.trafficType === 'REJECT' || f.trafficType === 'ALL'))).toBe(true);
    }
  });

  it('has a development NACL that lets SSH in from anywhere, and production NACLs that deny RDP ahead of the ephemeral range', () => {
    const sshAllowed = acls.filter(
      (a) =>
        a.accountId === dev &&
        a.config.subnetIds.length > 0 &&
        inbound(a).some((e) => e.ruleAction === 'allow' && e.cidrBlock === '0.0.0.0/0' && e.protocol === '6' && e.fromPort === 22),
    );
    expect(sshAllowed).toHaveLength(1);
    const hardened = acls.filter((a) => !a.config.isDefault && a.accountId !== dev);
    expect(hardened.length).toBeGreaterThanOrEqual(4);
    for (const a of hardened) {
      const rdp = inbound(a).find((e) => e.ruleAction === 'deny' && e.fromPort === 3389);
      const ephemeral = inbound(a).find((e) => e.ruleAction === 'allow' && e.fromPort === 1024 && e.toPort === 65535);
      expect(rdp !== undefined && ephemeral !== undefined && rdp.ruleNumber < ephemeral.ruleNumber).toBe(true);
    }
  });

  it('has EFS file systems, one of them unencrypted in development, and SMB open to the world there', () => {
    const fileSystems = ofType(demo, 'AWS::EFS::FileSystem');
    expect(fileSystems.length).toBeGreaterThanOrEqual(2);
    expect(fileSystems.filter((f) => f.config.encrypted === false).map((f) => f.accountId)).toEqual([dev]);
    for (const f of fileSystems) if (f.config.encrypted === true) expect(keys.some((k) => k.arn === f.config.kmsKeyId)).toBe(true);
    const smb = ofType(demo, 'AWS::EC2::SecurityGroup').filter(
      (g) => !isUnknown(g.config.ingress) && g.config.ingress.some((r) => r.fromPort === 445 && r.ipv4Ranges.includes('0.0.0.0/0')),
    );
    expect(smb.map((g) => g.accountId)).toEqual([dev]);
  });

  it('sends the organization trail to a log group whose filters, alarms and topic cover CIS 5.x but for a few controls', () => {
    const orgTrail = ofType(demo, 'AWS::CloudTrail::Trail').find((t) => t.config.isOrganizationTrail === true);
    const location = parseLogGroupArn(orgTrail?.config.cloudWatchLogsLogGroupArn ?? '');
    expect(location?.accountId).toBe(securityAccount);
    const group = logGroups.find((g) => g.accountId === location?.accountId && g.region === location.region && g.id === location.name);
    const filters = group === undefined || isUnknown(group.config.metricFilters) ? [] : group.config.metricFilters;
    const topicOf = (arn: string) => topics.find((t) => t.arn === arn);
    const confirmed = (arn: string) => {
      const subscriptions = topicOf(arn)?.config.subscriptions;
      return subscriptions !== undefined && !isUnknown(subscriptions) && subscriptions.some((s) => s.confirmed);
    };
    const chained = (key: CisPatternKey) =>
      filters.some(
        (f) =>
          matchFilterPattern(f.filterPattern, cisFilterPatterns[key]).matches &&
          f.metricTransformations.some((m) =>
            alarms.some(
              (a) =>
                a.accountId === group?.accountId &&
                a.region === group.region &&
                a.config.actionsEnabled &&
                a.config.metrics.some((x) => x.namespace === m.metricNamespace && x.metricName === m.metricName) &&
                a.config.alarmActions.some(confirmed),
            ),
          ),
      );
    const keysOfCis = Object.keys(cisFilterPatterns) as CisPatternKey[];
    expect(keysOfCis.filter((key) => !chained(key))).toEqual(['config-changes', 'network-gateway-changes', 'route-table-changes', 'organizations-changes']);
    // Every alarm notifies a topic of its own account and region that is in the inventory.
    for (const a of alarms) {
      for (const arn of a.config.alarmActions) expect(topicOf(arn)?.accountId === a.accountId && topicOf(arn)?.region === a.region).toBe(true);
    }
  });

  it('watches the audit logs of production databases; Northwind never confirmed its alert topic', () => {
    const audit = (d: Resource<'AWS::RDS::DBInstance'>) => (d.config.engine === 'postgres' ? 'postgresql' : 'audit');
    const production = databases.filter(
      (d) => d.accountId !== dev && !isUnknown(d.config.cloudwatchLogsExports) && d.config.cloudwatchLogsExports.includes(audit(d)),
    );
    expect(production.length).toBeGreaterThanOrEqual(4);
    for (const d of production) {
      const group = logGroups.find((g) => g.accountId === d.accountId && g.region === d.region && g.id === `/aws/rds/instance/${d.id}/${audit(d)}`);
      const filters = group === undefined || isUnknown(group.config.metricFilters) ? [] : group.config.metricFilters;
      expect(filters).toHaveLength(1);
      const metric = filters[0]?.metricTransformations[0];
      expect(alarms.some((a) => a.config.metrics.some((m) => m.metricName === metric?.metricName && m.namespace === metric.metricNamespace))).toBe(true);
    }
    const pending = topics.filter((t) => !isUnknown(t.config.subscriptions) && !t.config.subscriptions.some((s) => s.confirmed));
    expect(new Set(pending.map((t) => t.accountId))).toEqual(new Set([tenantAccount('Northwind Savings')]));
    const sandbox = logGroups.filter((g) => g.accountId === dev);
    expect(sandbox.length).toBeGreaterThan(0);
    for (const g of sandbox) expect(g.config.metricFilters).toEqual([]);
  });

  it("records object writes of every bucket and object reads of the banks' buckets only", () => {
    const orgTrail = ofType(demo, 'AWS::CloudTrail::Trail').find((t) => t.config.isOrganizationTrail === true);
    expect(orgTrail?.config.s3DataEvents).toEqual({
      write: { buckets: 'all', exceptArnPrefixes: [] },
      read: { buckets: 'prefixes', arnPrefixes: ['arn:aws:s3:::harbor-bank-', 'arn:aws:s3:::northwind-savings-'] },
    });
  });

  it('has a support role in the security account only, an expired server certificate and an Oracle pinned to its engine version', () => {
    const support = ofType(demo, 'AWS::IAM::Role').filter(
      (r) => !isUnknown(r.config.attachedPolicies) && r.config.attachedPolicies.some((p) => p.name === 'AWSSupportAccess'),
    );
    expect(support.map((r) => r.accountId)).toEqual([securityAccount]);
    const certificates = ofType(demo, 'AWS::IAM::ServerCertificate');
    const expired = certificates.filter((c) => !isUnknown(c.config.expiration) && Date.parse(c.config.expiration) < collectedAt.getTime());
    expect(expired).toHaveLength(1);
    expect(certificates.length).toBeGreaterThan(expired.length);
    const pinned = databases.filter((d) => d.config.autoMinorVersionUpgrade === false);
    expect(pinned.map((d) => d.config.engine)).toEqual(['oracle-ee']);
  });

  it("has Access Analyzer and Security Hub in every region but the development account's", () => {
    for (const region of ofType(demo, 'AWS::Account::Region')) {
      const analyzers = isUnknown(region.config.accessAnalyzers) ? [] : region.config.accessAnalyzers;
      const external = analyzers.some((a) => (a.type === 'ACCOUNT' || a.type === 'ORGANIZATION') && a.status === 'ACTIVE');
      expect(external).toBe(region.accountId !== dev);
      expect(region.config.securityHub === null).toBe(region.accountId === dev);
    }
  });
});

describe('demo organisation: scaled for benchmarks', () => {
  it('generates exactly the target count, across accounts of 2,000 to 5,000 resources', () => {
    for (const target of [10_000, 47_321]) {
      const scaled = demoOrganisation({ targetResources: target });
      const perAccount = new Map<string, number>();
      let count = 0;
      for (const r of scaled.resources()) {
        count++;
        perAccount.set(r.accountId, (perAccount.get(r.accountId) ?? 0) + 1);
      }
      expect(count).toBe(target);
      expect(perAccount.size).toBe(scaled.accounts.length);
      const generated = scaled.accounts.slice(5).map((a) => perAccount.get(a.id) ?? 0);
      for (const size of generated) {
        expect(size).toBeGreaterThanOrEqual(2_000);
        expect(size).toBeLessThanOrEqual(5_000);
      }
      expect(scaled.bankKeyArns).toHaveLength(scaled.accounts.filter((a) => a.tenant !== undefined).length);
    }
  });

  it('cuts the demo short for a target below its size', () => {
    expect(take(demoOrganisation({ targetResources: 40 }))).toHaveLength(40);
    expect(take(demoOrganisation({ targetResources: 0 }))).toHaveLength(0);
  });

  it('rejects a target that is not a count', () => {
    expect(() => demoOrganisation({ targetResources: -1 })).toThrow(/non-negative integer/);
    expect(() => demoOrganisation({ targetResources: 1.5 })).toThrow(/non-negative integer/);
  });

  describe('20,000 resources', () => {
    const scaled = demoOrganisation({ targetResources: 20_000, seed: 3 });
    const resources = take(scaled);
    const ids = new Set(scaled.accounts.map((a) => a.id));

    it('are valid, with unique ARNs, in distinct accounts', () => {
      expect(resources).toHaveLength(20_000);
      expect(resources.flatMap(validate)).toEqual([]);
      expect(new Set(resources.map((r) => r.arn)).size).toBe(20_000);
      expect(ids.size).toBe(scaled.accounts.length);
      expect(new Set([...ids, ...scaled.bankAccountIds]).size).toBe(ids.size + scaled.bankAccountIds.length);
      for (const r of resources) expect(ids.has(r.accountId)).toBe(true);
    });

    it('start every account with its account and region resources', () => {
      let previous = '';
      for (const [i, r] of resources.entries()) {
        if (r.accountId === previous) continue;
        previous = r.accountId;
        expect(r.type).toBe('AWS::Account');
        expect(resources[i + 1]?.type).toBe('AWS::Account::Region');
        expect(resources[i + 2]?.type).toBe('AWS::Account::Region');
      }
    });

    it('are mostly compliant, with 10 to 30 % failing', () => {
      const failing = resources.filter((r) => flaws(r, scaled.requiredTags, collectedAt).length > 0).length;
      const share = failing / resources.length;
      expect(share).toBeGreaterThanOrEqual(0.1);
      expect(share).toBeLessThanOrEqual(0.3);
    });

    it('use valid bucket names', () => {
      for (const b of ofType(resources, 'AWS::S3::Bucket')) expect(b.name).toMatch(/^[a-z0-9][a-z0-9-]{1,61}[a-z0-9]$/);
    });
  });

  it('streams account by account: the first resources of a million come from the first accounts', () => {
    const huge = demoOrganisation({ targetResources: 1_000_000 });
    expect(huge.accounts.length).toBeGreaterThan(300);
    const seen = new Set<string>();
    let count = 0;
    for (const resource of huge.resources()) {
      seen.add(resource.accountId);
      if (++count === 10_000) break;
    }
    // Speed lives in `npm run bench`; here, the order that lets a consumer start at once.
    const order = huge.accounts.map((account) => account.id);
    expect(Math.max(...[...seen].map((id) => order.indexOf(id)))).toBeLessThan(20);
    expect(seen.size).toBeLessThan(huge.accounts.length / 10);
  });
});

describe('tenant keys', () => {
  it('name the bank key of each tenant account, which its regulated data uses', () => {
    const org = demoOrganisation();
    const tenants = org.accounts.filter((account) => account.tenant !== undefined);
    expect(Object.keys(org.tenantKeys).sort()).toEqual(tenants.map((account) => account.id).sort());
    for (const key of Object.values(org.tenantKeys)) expect(org.bankKeyArns).toContain(key);
  });
});
