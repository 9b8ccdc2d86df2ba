/**
 * The demo's two bank tenants, each one cell with hand-picked flaws, so that the report tells a
 * story: Harbor Bank is in good shape but its BYOK key material expires in 19 days, a bastion has
 * SSH open to the world and its SFTP workflow is failing; Northwind Savings has drifted (SFTP
 * archive rule that never archives, a single-AZ database, an unaudited Oracle pinned to its engine
 * version, a public replica, a stack stuck in UPDATE_ROLLBACK_FAILED, a year-old deployer key with
 * an admin policy, database alarms whose alert topic nobody ever confirmed, and a web ACL that
 * also lets in Ledgerline's own support office besides the bank).
 */
import type { AnyResource } from '../../model/resource.js';
import { unknown } from '../../model/unknown.js';
import type { AccountScope, Tenant } from '../scope.js';
import { webAcl } from '../workloads/firewall.js';
import { requireTenant, tenantBaseline, tenantCell, type CellPosture, type TenantAccountPosture } from './tenant.js';

const HARBOR_ACCOUNT: TenantAccountPosture = {
  passwordPolicy: 'strong',
  deployerKey: { ageDays: 61, lastUsedDaysAgo: 0 },
  deployerAdmin: false,
  byok: { importedDaysAgo: 346, validForDays: 19 },
  bankKey: { validForDays: 240, grantsListable: true },
  ebsDefaultEncryption: true,
  alertSubscription: 'confirmed',
};

const HARBOR_CELL: CellPosture = {
  keyRotation: true,
  sftpGlacierTransition: true,
  tradeRecordsLock: 'compliance-6y',
  reportsVersioning: true,
  servers: 3,
  imdsV1Servers: 0,
  unencryptedVolumes: 0,
  bastion: true,
  scratchServer: false,
  postgresMultiAz: true,
  postgresPublic: false,
  oracle: 'audited',
  ledgerAutoMinorUpgrade: true,
  auditAlarms: true,
  reportingReplica: 'none',
  paymentsCluster: { readers: 1 },
  snapshot: true,
  stack: 'updated',
  failedExecutions: 3,
  notebook: 'tagged',
  tagSlipRate: 0,
};

const NORTHWIND_ACCOUNT: TenantAccountPosture = {
  passwordPolicy: 'none',
  deployerKey: { ageDays: 412, lastUsedDaysAgo: 1 },
  deployerAdmin: true,
  byok: { importedDaysAgo: 48, validForDays: 317 },
  // The bank's imported material runs out in three weeks (BANK-KMS-04), and its key policy does not let the account list grants.
  bankKey: { validForDays: 21, grantsListable: false },
  ebsDefaultEncryption: unknown('UnauthorizedOperation: ec2:GetEbsEncryptionByDefault'),
  alertSubscription: 'pending',
};

const NORTHWIND_CELL: CellPosture = {
  keyRotation: false,
  sftpGlacierTransition: false,
  tradeRecordsLock: 'governance-6y',
  reportsVersioning: true,
  servers: 2,
  imdsV1Servers: 1,
  unencryptedVolumes: 1,
  bastion: false,
  // Reconciliation batches spill to the local NVMe disks of an m6id (BANK-DATA-01).
  scratchServer: true,
  postgresMultiAz: false,
  postgresPublic: false,
  oracle: 'unaudited',
  ledgerAutoMinorUpgrade: false,
  auditAlarms: true,
  reportingReplica: 'public',
  // A lone writer: RDS reports the cluster single-AZ (CIS 3.2.4, BANK-RDS-01).
  paymentsCluster: { readers: 0 },
  snapshot: false,
  stack: 'update-rollback-failed',
  failedExecutions: 0,
  notebook: 'none',
  tagSlipRate: 0,
};

/** The bank's networks as IP sets, one per address family. */
function bankIpSets(tenant: Tenant): { name: string; addresses: string[] }[] {
  const v4 = tenant.bankCidrs.filter((cidr) => !cidr.includes(':'));
  const v6 = tenant.bankCidrs.filter((cidr) => cidr.includes(':'));
  return [
    ...(v4.length > 0 ? [{ name: `${tenant.slug}-ipv4`, addresses: v4 }] : []),
    ...(v6.length > 0 ? [{ name: `${tenant.slug}-ipv6`, addresses: v6 }] : []),
  ];
}

export function* harborBank(scope: AccountScope): Generator<AnyResource> {
  yield* tenantBaseline(scope, HARBOR_ACCOUNT);
  yield* tenantCell(scope, { index: null, region: scope.plan.homeRegion, posture: HARBOR_CELL });
  const tenant = requireTenant(scope);
  // Everything outside the bank's networks blocked first; AWS's common rule set then sees only the bank.
  yield webAcl(scope, {
    region: scope.plan.homeRegion,
    name: `${tenant.slug}-portal`,
    tags: scope.tags('security'),
    design: 'block-outside',
    allowed: bankIpSets(tenant),
    protects: ['load-balancer', 'api-stage'],
    logging: 'cloudwatch-logs',
  });
}

export function* northwindSavings(scope: AccountScope): Generator<AnyResource> {
  yield* tenantBaseline(scope, NORTHWIND_ACCOUNT);
  yield* tenantCell(scope, { index: null, region: scope.plan.homeRegion, posture: NORTHWIND_CELL });
  const tenant = requireTenant(scope);
  // The bank's range, and Ledgerline's support office added during an incident and never removed.
  yield webAcl(scope, {
    region: scope.plan.homeRegion,
    name: `${tenant.slug}-portal`,
    tags: scope.tags('security'),
    design: 'allow-list',
    allowed: bankIpSets(tenant),
    alsoAllowed: [{ rule: 'allow-ledgerline-support', ipSet: { name: 'ledgerline-support-office', addresses: ['192.0.2.0/24'] } }],
    protects: ['load-balancer'],
    logging: 'firehose',
  });
}
