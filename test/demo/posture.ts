/**
 * A rough, independent reading of the demo's flaws, for the tests only: the obvious failures a
 * compliance scan would report, so that the generator's mix of compliant and failing resources can
 * be checked without the insights (which are written elsewhere).
 */
import type { AnyResource } from '../../src/model/resource.js';
import { isUnknown } from '../../src/model/unknown.js';

const UNTAGGABLE = new Set(['AWS::Account::Region', 'AWS::IAM::Group']);
const FAILED_STACK = /(ROLLBACK_COMPLETE|_FAILED)$/;

function statements(document: unknown): Record<string, unknown>[] {
  if (typeof document !== 'object' || document === null) return [];
  const statement = (document as { Statement?: unknown }).Statement;
  const list = Array.isArray(statement) ? statement : [statement];
  return list.filter((s): s is Record<string, unknown> => typeof s === 'object' && s !== null);
}

function tagFlaws(resource: AnyResource, requiredTags: Record<string, string[]>): string[] {
  if (UNTAGGABLE.has(resource.type)) return [];
  if (resource.type === 'AWS::KMS::Key' && resource.config.manager === 'AWS') return [];
  if (isUnknown(resource.tags)) return [];
  const tags = resource.tags;
  const required = [...(requiredTags['*'] ?? []), ...(requiredTags[resource.type] ?? [])];
  return required.filter((key) => (tags[key] ?? '') === '').map((key) => `missing tag ${key}`);
}

/** Why the resource would fail a scan; empty when it looks compliant. */
export function flaws(resource: AnyResource, requiredTags: Record<string, string[]>, now: Date): string[] {
  const found = tagFlaws(resource, requiredTags);
  const days = (iso: string) => (now.getTime() - Date.parse(iso)) / 86_400_000;
  switch (resource.type) {
    case 'AWS::S3::Bucket': {
      const c = resource.config;
      if (!isUnknown(c.policy) && c.policy !== null) {
        if (statements(c.policy).some((s) => s['Effect'] === 'Allow' && s['Principal'] === '*' && s['Condition'] === undefined)) found.push('public policy');
      }
      if (!isUnknown(c.acl) && c.acl.grants.some((g) => g.grantee.uri?.endsWith('/AllUsers') === true)) found.push('public ACL');
      if (!isUnknown(c.versioning) && c.versioning.status !== 'Enabled') found.push('versioning off');
      const regulated = /sftp-ingest|trade-records/.test(resource.name);
      if (regulated && !isUnknown(c.objectLock)) {
        const retention = c.objectLock?.defaultRetention;
        const years = retention ? (retention.years ?? (retention.days ?? 0) / 365) : 0;
        if (retention?.mode !== 'COMPLIANCE' || years < 6) found.push('weak object lock');
      }
      if (/sftp-ingest/.test(resource.name) && !isUnknown(c.lifecycleRules)) {
        const archives = (c.lifecycleRules ?? []).some((rule) => rule.transitions.some((t) => t.storageClass === 'GLACIER' && t.days !== null && t.days <= 92));
        if (!archives) found.push('no Glacier transition');
      }
      break;
    }
    case 'AWS::KMS::Key': {
      const c = resource.config;
      if (c.manager === 'CUSTOMER' && c.origin === 'AWS_KMS' && !isUnknown(c.rotation) && c.rotation?.enabled !== true) found.push('rotation off');
      if (c.origin === 'EXTERNAL' && c.validTo !== null && -days(c.validTo) < 30) found.push('key material expires soon');
      break;
    }
    case 'AWS::RDS::DBInstance': {
      const c = resource.config;
      if (c.multiAz === false && c.readReplicaSourceIdentifier === null) found.push('single-AZ');
      if (c.publiclyAccessible === true) found.push('publicly accessible');
      if (c.storageEncrypted === false) found.push('unencrypted');
      if (c.engine.startsWith('oracle') && !isUnknown(c.cloudwatchLogsExports) && !c.cloudwatchLogsExports.includes('audit')) found.push('no audit export');
      if (c.autoMinorVersionUpgrade === false) found.push('minor upgrades off');
      break;
    }
    case 'AWS::RDS::DBSnapshot': {
      const c = resource.config;
      if (!isUnknown(c.restoreAccounts) && c.restoreAccounts.includes('all')) found.push('public snapshot');
      if (c.encrypted === false) found.push('unencrypted');
      break;
    }
    case 'AWS::EC2::SecurityGroup': {
      const c = resource.config;
      const open = (r: { fromPort: number | null; toPort: number | null; ipv4Ranges: string[]; ipv6Ranges: string[] }) =>
        (r.ipv4Ranges.includes('0.0.0.0/0') || r.ipv6Ranges.includes('::/0')) && (r.fromPort ?? 0) <= 22 && (r.toPort ?? 65535) >= 22;
      if (!isUnknown(c.ingress) && c.ingress.some(open)) found.push('SSH open to the world');
      break;
    }
    case 'AWS::EC2::Instance': {
      const c = resource.config;
      if (c.state === 'running' && !isUnknown(c.metadataOptions) && c.metadataOptions.httpTokens === 'optional') found.push('IMDSv1');
      break;
    }
    case 'AWS::EC2::Volume':
      if (resource.config.encrypted === false) found.push('unencrypted');
      break;
    case 'AWS::EC2::NetworkAcl': {
      const c = resource.config;
      if (c.subnetIds.length === 0 || isUnknown(c.entries)) break;
      // The first inbound entry that matches SSH from anywhere decides.
      const first = c.entries
        .filter((e) => !e.egress && e.cidrBlock === '0.0.0.0/0')
        .sort((a, b) => a.ruleNumber - b.ruleNumber)
        .find((e) => e.protocol === '-1' || (e.protocol === '6' && (e.fromPort ?? 0) <= 22 && (e.toPort ?? 65535) >= 22));
      if (first?.ruleAction === 'allow') found.push('SSH open at the subnet');
      break;
    }
    case 'AWS::EC2::VPC':
      if (!isUnknown(resource.config.flowLogs) && resource.config.flowLogs.length === 0) found.push('no flow logs');
      break;
    case 'AWS::EFS::FileSystem':
      if (resource.config.encrypted === false) found.push('unencrypted');
      break;
    case 'AWS::IAM::ServerCertificate': {
      const expiration = resource.config.expiration;
      if (!isUnknown(expiration) && days(expiration) > 0) found.push('expired certificate');
      break;
    }
    case 'AWS::CloudWatch::Alarm':
      if (!resource.config.actionsEnabled) found.push('muted alarm');
      break;
    case 'AWS::SNS::Topic': {
      const subscriptions = resource.config.subscriptions;
      if (!isUnknown(subscriptions) && !subscriptions.some((s) => s.confirmed)) found.push('nobody confirmed the topic');
      break;
    }
    case 'AWS::CloudFormation::Stack':
      if (FAILED_STACK.test(resource.config.status)) found.push('failed stack');
      break;
    case 'AWS::StepFunctions::StateMachine': {
      const failed = resource.config.recentFailedExecutions;
      if (!isUnknown(failed) && failed.length > 0) found.push('failed executions');
      break;
    }
    case 'AWS::SageMaker::NotebookInstance':
      if (resource.config.directInternetAccess === 'Enabled') found.push('direct internet access');
      if (resource.config.rootAccess === 'Enabled') found.push('root access');
      break;
    case 'AWS::IAM::User': {
      const c = resource.config;
      if (!isUnknown(c.accessKeys) && c.accessKeys.some((k) => k.status === 'Active' && days(k.createDate) > 90)) found.push('old access key');
      if (c.passwordEnabled === true && c.mfaActive === false) found.push('console without MFA');
      break;
    }
    case 'AWS::IAM::Policy':
      if (statements(resource.config.document).some((s) => s['Effect'] === 'Allow' && s['Action'] === '*' && s['Resource'] === '*')) found.push('full admin');
      break;
    case 'AWS::Account': {
      const c = resource.config;
      if (c.passwordPolicy === null || (!isUnknown(c.passwordPolicy) && c.passwordPolicy.minimumLength < 14)) found.push('weak password policy');
      if (!isUnknown(c.root) && c.root.accessKeys.some((k) => k.active)) found.push('root access key');
      break;
    }
    case 'AWS::Account::Region': {
      const c = resource.config;
      if (!isUnknown(c.ebsEncryptionByDefault) && !c.ebsEncryptionByDefault.enabled) found.push('EBS default encryption off');
      if (!isUnknown(c.configRecorders) && c.configRecorders.length === 0) found.push('no Config recorder');
      if (c.securityHub === null) found.push('Security Hub off');
      const external = (a: { type: string; status: string }) => (a.type === 'ACCOUNT' || a.type === 'ORGANIZATION') && a.status === 'ACTIVE';
      if (!isUnknown(c.accessAnalyzers) && !c.accessAnalyzers.some(external)) found.push('no Access Analyzer');
      break;
    }
    default:
      break;
  }
  return found;
}
