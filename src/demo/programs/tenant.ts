/**
 * A bank client's single-tenant production account: an account baseline, then one or more
 * application cells (SFTP ingestion, trade records, databases, servers, workflows). The demo's two
 * banks are one cell each with hand-picked flaws; the benchmark replicates cells with random ones.
 */
import type { PolicyDocument } from '../../model/common.js';
import type { AnyResource } from '../../model/resource.js';
import type { Maybe } from '../../model/unknown.js';
import type { Random } from '../random.js';
import type { AccountScope, Tenant } from '../scope.js';
import { accountSettings, regionSettings, type AccountPosture } from '../workloads/account-settings.js';
import { group, server, tcpFromCidr, tcpFromGroup } from '../workloads/compute.js';
import { auroraCluster, database, dbSnapshot, enginePort } from '../workloads/databases.js';
import { awsPolicy, customerPolicy, customerPolicyRef, fullAdminDocument, machineUser, role, userGroup } from '../workloads/identity.js';
import { awsManagedKey, customerKey, importedKey, sharedBankKey } from '../workloads/keys.js';
import { databaseLogs, topic, topicArn } from '../workloads/monitoring.js';
import { applicationVpc, defaultVpc } from '../workloads/network.js';
import { researchNotebook, stack, workflow, type StackOutcome } from '../workloads/operations.js';
import { accessLogsBucket, bucket, glacierArchiveRule, noncurrentOnlyRule, objectLock } from '../workloads/storage.js';

export interface TenantAccountPosture {
  passwordPolicy: AccountPosture['passwordPolicy'];
  /** The deployer's access key. */
  deployerKey: { ageDays: number; lastUsedDaysAgo: number };
  /** The deployer policy grew into `Allow * on *`. */
  deployerAdmin: boolean;
  /** The BYOK key's imported material. */
  byok: { importedDaysAgo: number; validForDays: number };
  /** The bank's own key, seen from this account: when its imported material expires, and whether ListGrants is allowed. */
  bankKey: { validForDays: number; grantsListable: boolean };
  /** EBS encryption by default in the home region. */
  ebsDefaultEncryption: Maybe<boolean>;
  /** The e-mail subscription of the account's ops-alerts topics: confirmed, or never confirmed. */
  alertSubscription: 'confirmed' | 'pending';
}

export interface CellPosture {
  keyRotation: boolean;
  /** The SFTP bucket's lifecycle moves current objects to Glacier after 92 days (else only old versions). */
  sftpGlacierTransition: boolean;
  tradeRecordsLock: 'compliance-6y' | 'governance-6y' | 'compliance-5y';
  reportsVersioning: boolean;
  servers: number;
  /** How many of the servers still allow IMDSv1. */
  imdsV1Servers: number;
  /** How many of the servers have an unencrypted root volume. */
  unencryptedVolumes: number;
  /** A bastion host whose security group opens SSH to the world. */
  bastion: boolean;
  /** A reconciliation batch server on an instance type with local NVMe instance store (m6id). */
  scratchServer: boolean;
  postgresMultiAz: boolean;
  postgresPublic: boolean;
  oracle: 'none' | 'audited' | 'unaudited';
  /** The Oracle ledger takes minor engine upgrades automatically (else its version is pinned). */
  ledgerAutoMinorUpgrade: boolean;
  /** Metric filters and alarms on the databases' audit logs. */
  auditAlarms: boolean;
  reportingReplica: 'none' | 'private' | 'public';
  /** The Aurora payments cluster and its readers (0: a lone writer, not Multi-AZ). */
  paymentsCluster: 'none' | { readers: number };
  snapshot: boolean;
  stack: StackOutcome;
  failedExecutions: number;
  notebook: 'none' | 'tagged' | 'untagged';
  /** Probability that a resource of the cell lost its cost-center tag. */
  tagSlipRate: number;
}

export interface Cell {
  /** null: the account's only cell, named without a number (the demo). */
  index: number | null;
  region: string;
  posture: CellPosture;
}

export function requireTenant(scope: AccountScope): Tenant {
  if (scope.tenant === undefined) throw new Error(`account ${scope.plan.entry.name} has no tenant`);
  return scope.tenant;
}

function otherRegion(scope: AccountScope, region: string): string {
  const [first, second] = scope.org.regions;
  return region === first ? second : first;
}

function deployerDocument(): PolicyDocument {
  return {
    Version: '2012-10-17',
    Statement: [{ Sid: 'Deploy', Effect: 'Allow', Action: ['cloudformation:*', 's3:PutObject', 's3:GetObject', 'iam:PassRole'], Resource: '*' }],
  };
}

/** Account settings, identity, account-wide keys and logging targets. */
export function* tenantBaseline(scope: AccountScope, posture: TenantAccountPosture): Generator<AnyResource> {
  const tenant = requireTenant(scope);
  const { rng, org, slug } = scope;
  const home = tenant.homeRegion;
  const away = otherRegion(scope, home);

  yield accountSettings(scope, { passwordPolicy: posture.passwordPolicy, root: 'central', s3PublicAccessBlock: true, iamUserCount: 1 });
  const guardrails = { trailArns: [org.orgTrailArn], accessAnalyzer: 'account', securityHub: true } as const;
  yield regionSettings(scope, home, { ebsEncryptionByDefault: posture.ebsDefaultEncryption, recorder: 'global', ...guardrails });
  yield regionSettings(scope, away, { ebsEncryptionByDefault: true, recorder: 'regional', ...guardrails });

  yield awsManagedKey(scope, home, 'ebs', rng.int(600, 900));
  yield awsManagedKey(scope, home, 'rds', rng.int(600, 900));
  yield awsManagedKey(scope, away, 'ebs', rng.int(300, 600));
  yield accessLogsBucket(scope, home, 'platform');
  yield accessLogsBucket(scope, away, 'platform');

  const appRole = `${slug}-app`;
  yield role(scope, {
    name: 'vigil-scanner',
    tags: scope.tags('security'),
    trust: { account: org.securityAccountId },
    policies: [awsPolicy('SecurityAudit'), awsPolicy('ReadOnlyAccess')],
    createdDaysAgo: rng.int(200, 400),
    lastUsedDaysAgo: 0,
  });
  yield role(scope, {
    name: appRole,
    tags: scope.tags('tenant-ops'),
    trust: { service: 'ec2.amazonaws.com' },
    policies: [awsPolicy('AmazonSSMManagedInstanceCore')],
    createdDaysAgo: rng.int(400, 700),
    lastUsedDaysAgo: 0,
  });
  yield role(scope, {
    name: `${slug}-sftp-transfer`,
    tags: scope.tags('integrations'),
    trust: { service: 'transfer.amazonaws.com' },
    policies: [],
    createdDaysAgo: rng.int(400, 700),
    lastUsedDaysAgo: rng.int(0, 1),
  });
  yield role(scope, {
    name: `${slug}-workflows`,
    tags: scope.tags('integrations'),
    trust: { service: 'states.amazonaws.com' },
    policies: [],
    createdDaysAgo: rng.int(400, 700),
    lastUsedDaysAgo: 0,
  });

  const deployer = `${slug}-deployer`;
  const deployPolicy = `${slug}-deploy`;
  yield machineUser(scope, {
    name: deployer,
    tags: scope.tags('platform', { purpose: 'ci-deploy' }),
    createdDaysAgo: posture.deployerKey.ageDays + rng.int(0, 200),
    keys: [{ ageDays: posture.deployerKey.ageDays, lastUsedDaysAgo: posture.deployerKey.lastUsedDaysAgo, active: true }],
    groups: ['deployers'],
    policies: [],
  });
  yield userGroup(scope, { name: 'deployers', members: [deployer], policies: [customerPolicyRef(scope, deployPolicy)], createdDaysAgo: rng.int(400, 700) });
  yield customerPolicy(scope, {
    name: deployPolicy,
    tags: scope.tags('platform'),
    document: posture.deployerAdmin ? fullAdminDocument() : deployerDocument(),
    attachedTo: { groups: ['deployers'] },
    createdDaysAgo: rng.int(400, 700),
    versions: posture.deployerAdmin ? 4 : 2,
  });

  yield importedKey(scope, {
    region: home,
    alias: `alias/${slug}-byok`,
    tags: scope.tags('security', { 'data-class': 'restricted', 'key-custodian': tenant.slug }),
    importedDaysAgo: posture.byok.importedDaysAgo,
    validForDays: posture.byok.validForDays,
    users: [`arn:aws:iam::${scope.accountId}:role/${appRole}`],
  });
  yield sharedBankKey(scope, { keyArn: tenant.bankKeyArn, ...posture.bankKey });
  yield stack(scope, {
    region: home,
    name: `StackSet-${org.company}-baseline-${rng.uuid()}`,
    tags: scope.tags('platform'),
    outcome: 'updated',
    createdDaysAgo: rng.int(400, 700),
    terminationProtection: true,
  });

  // The baseline quarantines the default VPCs, logs their rejected traffic and sets up the alert topics.
  const accountAge = rng.int(700, 1_400);
  for (const region of [home, away]) {
    yield* defaultVpc(scope, {
      region,
      tags: scope.tags('platform'),
      createdDaysAgo: accountAge,
      flowLog: { trafficType: 'REJECT', destination: 's3' },
      nacl: 'quarantined',
    });
    yield topic(scope, {
      region,
      name: alertTopicName(scope),
      tags: scope.tags('tenant-ops'),
      subscriptions: [
        { protocol: 'email', endpoint: scope.plan.entry.owner?.email ?? `${slug}@ledgerline.example`, confirmed: posture.alertSubscription === 'confirmed' },
      ],
    });
  }
}

function alertTopicName(scope: AccountScope): string {
  return `${scope.slug}-ops-alerts`;
}

/** One application cell of the tenant: its data stores, servers, workflow and stack. */
export function* tenantCell(scope: AccountScope, cell: Cell): Generator<AnyResource> {
  const tenant = requireTenant(scope);
  const { rng, slug, accountId } = scope;
  const { posture, region } = cell;
  const sfx = cell.index === null ? '' : `-${String(cell.index).padStart(3, '0')}`;
  const slip = posture.tagSlipRate;
  const tags = (owner: string, dataClass: string, purpose?: string) =>
    scope.sloppyTags(owner, { 'data-class': dataClass, ...(purpose !== undefined && { purpose }) }, slip);
  const appRoleArn = `arn:aws:iam::${accountId}:role/${slug}-app`;
  const transferRoleArn = `arn:aws:iam::${accountId}:role/${slug}-sftp-transfer`;
  const age = () => rng.int(90, 900);
  // The audit logs of the cell's databases, with alarms to the account's alert topic when the cell has them.
  const alarmTopic = posture.auditAlarms ? topicArn(accountId, region, alertTopicName(scope)) : undefined;
  const dbLogs = { tags: tags('data-platform', 'restricted'), retentionDays: 365, ...(alarmTopic !== undefined && { alarmTopicArn: alarmTopic }) };

  const key = customerKey(scope, {
    region,
    alias: `alias/${slug}-data${sfx}`,
    tags: tags('security', 'restricted'),
    rotation: posture.keyRotation,
    createdDaysAgo: age(),
    users: [appRoleArn, transferRoleArn],
  });
  yield key;
  // The bank's key can only encrypt data in its own region.
  const dataKey = region === tenant.homeRegion ? tenant.bankKeyArn : key.arn;
  const logs = scope.bucketName('access-logs', `-${region}`);

  yield bucket(scope, {
    name: scope.bucketName('sftp-ingest', sfx),
    region,
    // `purpose` is what the bank-saas pack scopes its WORM and archiving rules by.
    tags: tags('integrations', 'restricted', 'sftp-ingestion'),
    createdDaysAgo: age(),
    kmsKeyArn: dataKey,
    objectLock: objectLock('COMPLIANCE', { years: 6 }),
    lifecycleRules: [posture.sftpGlacierTransition ? glacierArchiveRule(92) : noncurrentOnlyRule(92)],
    statements: [
      {
        Sid: 'TransferFamilyWrite',
        Effect: 'Allow',
        Principal: { AWS: transferRoleArn },
        Action: ['s3:PutObject', 's3:GetObject', 's3:ListBucket'],
        Resource: [`arn:aws:s3:::${scope.bucketName('sftp-ingest', sfx)}`, `arn:aws:s3:::${scope.bucketName('sftp-ingest', sfx)}/*`],
      },
    ],
    loggingTarget: logs,
  });
  yield bucket(scope, {
    name: scope.bucketName('trade-records', sfx),
    region,
    tags: tags('data-platform', 'restricted', 'trade-records'),
    createdDaysAgo: age(),
    kmsKeyArn: dataKey,
    objectLock:
      posture.tradeRecordsLock === 'compliance-6y'
        ? objectLock('COMPLIANCE', { years: 6 })
        : posture.tradeRecordsLock === 'governance-6y'
          ? objectLock('GOVERNANCE', { years: 6 })
          : objectLock('COMPLIANCE', { days: 1_825 }),
    lifecycleRules: [
      {
        id: 'deep-archive-after-one-year',
        status: 'Enabled',
        prefix: '',
        transitions: [
          { days: 92, date: null, storageClass: 'GLACIER' },
          { days: 365, date: null, storageClass: 'DEEP_ARCHIVE' },
        ],
        noncurrentVersionTransitions: [],
        expirationDays: null,
      },
    ],
    loggingTarget: logs,
  });
  yield bucket(scope, {
    name: scope.bucketName('reports', sfx),
    region,
    tags: tags('data-platform', 'confidential'),
    createdDaysAgo: age(),
    kmsKeyArn: key.arn,
    versioning: posture.reportsVersioning,
  });

  const vpc = scope.vpc(region);
  const appSg = group(scope, {
    region,
    name: `${slug}-app${sfx}`,
    description: `${tenant.name} application servers`,
    tags: tags('tenant-ops', 'internal'),
    ingress: [tcpFromCidr(8443, `10.${vpc.octet}.0.0/16`)],
    createdDaysAgo: age(),
  });
  const dbSg = group(scope, {
    region,
    name: `${slug}-db${sfx}`,
    description: `${tenant.name} databases`,
    tags: tags('data-platform', 'internal'),
    ingress: [tcpFromGroup(enginePort('postgres'), appSg.id), tcpFromGroup(enginePort('oracle-ee'), appSg.id)],
    createdDaysAgo: age(),
  });
  yield appSg;
  yield dbSg;

  for (let n = 1; n <= posture.servers; n++) {
    yield* server(scope, {
      region,
      name: `${slug}-app${sfx}-${n}`,
      instanceType: rng.pick(['m7g.large', 'm7g.xlarge', 'c7g.large', 'r7g.large']),
      tags: tags('tenant-ops', 'confidential'),
      securityGroupIds: [appSg.id],
      launchedDaysAgo: rng.int(3, 120),
      imdsV2: n > posture.imdsV1Servers,
      roleName: `${slug}-app`,
      rootVolumeGiB: 50,
      volumeKeyArn: n > posture.unencryptedVolumes ? key.arn : null,
    });
  }
  if (posture.scratchServer) {
    yield* server(scope, {
      region,
      name: `${slug}-recon-batch${sfx}`,
      instanceType: 'm6id.large',
      tags: tags('data-platform', 'restricted'),
      securityGroupIds: [appSg.id],
      launchedDaysAgo: rng.int(3, 60),
      imdsV2: true,
      roleName: `${slug}-app`,
      rootVolumeGiB: 30,
      volumeKeyArn: key.arn,
      instanceStorage: { totalSizeGiB: 118, disks: 1, nvme: 'required' },
    });
  }
  if (posture.bastion) {
    const bastionSg = group(scope, {
      region,
      name: `${slug}-bastion${sfx}`,
      description: 'SSH bastion (temporary, see ticket OPS-1432)',
      tags: tags('tenant-ops', 'internal'),
      ingress: [tcpFromCidr(22, '0.0.0.0/0')],
      createdDaysAgo: rng.int(20, 200),
    });
    yield bastionSg;
    yield* server(scope, {
      region,
      name: `${slug}-bastion${sfx}`,
      instanceType: 't4g.micro',
      tags: tags('tenant-ops', 'internal'),
      securityGroupIds: [bastionSg.id],
      launchedDaysAgo: rng.int(20, 200),
      imdsV2: true,
      publicIp: `${rng.pick(['3', '18', '34', '52', '54'])}.${rng.int(0, 255)}.${rng.int(0, 255)}.${rng.int(1, 254)}`,
      rootVolumeGiB: 8,
      volumeKeyArn: key.arn,
    });
  }

  const postgres = database(scope, {
    identifier: `${slug}-postgres${sfx}`,
    region,
    engine: 'postgres',
    tags: tags('data-platform', 'restricted'),
    createdDaysAgo: age(),
    instanceClass: 'db.r7g.large',
    kmsKeyArn: dataKey,
    multiAz: posture.postgresMultiAz,
    publiclyAccessible: posture.postgresPublic,
    auditLogExport: false,
    backupRetentionDays: 35,
    deletionProtection: true,
    securityGroupIds: [dbSg.id],
  });
  yield postgres;
  yield* databaseLogs(scope, postgres, dbLogs);
  if (posture.reportingReplica !== 'none') {
    const replica = database(scope, {
      identifier: `${slug}-reporting${sfx}`,
      region,
      engine: 'postgres',
      tags: tags('analytics', 'restricted'),
      createdDaysAgo: rng.int(20, 90),
      instanceClass: 'db.r7g.large',
      kmsKeyArn: dataKey,
      multiAz: false,
      publiclyAccessible: posture.reportingReplica === 'public',
      auditLogExport: false,
      backupRetentionDays: 0,
      deletionProtection: false,
      securityGroupIds: [dbSg.id],
      replicaOf: postgres.id,
    });
    yield replica;
    yield* databaseLogs(scope, replica, dbLogs);
  }
  if (posture.oracle !== 'none') {
    const ledger = database(scope, {
      identifier: `${slug}-ledger${sfx}`,
      region,
      engine: 'oracle-ee',
      tags: tags('data-platform', 'restricted'),
      createdDaysAgo: age(),
      instanceClass: 'db.r6i.2xlarge',
      kmsKeyArn: dataKey,
      multiAz: true,
      publiclyAccessible: false,
      auditLogExport: posture.oracle === 'audited',
      backupRetentionDays: 35,
      deletionProtection: true,
      securityGroupIds: [dbSg.id],
      autoMinorVersionUpgrade: posture.ledgerAutoMinorUpgrade,
    });
    yield ledger;
    yield* databaseLogs(scope, ledger, dbLogs);
  }
  if (posture.paymentsCluster !== 'none') {
    yield* auroraCluster(scope, {
      identifier: `${slug}-payments${sfx}`,
      region,
      tags: tags('data-platform', 'restricted'),
      createdDaysAgo: age(),
      instanceClass: 'db.r7g.large',
      kmsKeyArn: dataKey,
      readers: posture.paymentsCluster.readers,
      securityGroupIds: [dbSg.id],
    });
  }
  if (posture.snapshot) {
    yield dbSnapshot(scope, { of: postgres, kind: 'manual', takenDaysAgo: rng.int(1, 80), tags: tags('data-platform', 'restricted') });
  }

  yield customerPolicy(scope, {
    name: `${slug}-data-access${sfx}`,
    tags: tags('tenant-ops', 'internal'),
    document: {
      Version: '2012-10-17',
      Statement: [
        {
          Effect: 'Allow',
          Action: ['s3:GetObject', 's3:PutObject', 's3:ListBucket'],
          Resource: [`arn:aws:s3:::${scope.bucketName('reports', sfx)}`, `arn:aws:s3:::${scope.bucketName('reports', sfx)}/*`],
        },
        { Effect: 'Allow', Action: ['kms:Decrypt', 'kms:GenerateDataKey'], Resource: [key.arn, dataKey] },
      ],
    },
    attachedTo: { roles: [`${slug}-app`] },
    createdDaysAgo: age(),
  });
  yield stack(scope, {
    region,
    name: `${slug}-app${sfx}`,
    tags: tags('tenant-ops', 'internal'),
    outcome: posture.stack,
    createdDaysAgo: age(),
    failedResource: 'AppDatabase',
    terminationProtection: true,
  });
  yield workflow(scope, {
    region,
    name: `${slug}-sftp-ingest${sfx}`,
    tags: tags('integrations', 'internal'),
    machineType: 'STANDARD',
    failures: posture.failedExecutions,
    createdDaysAgo: age(),
  });
  if (posture.notebook !== 'none') {
    yield researchNotebook(scope, {
      region,
      name: `${slug}-risk-model${sfx}`,
      tags: posture.notebook === 'tagged' ? scope.tags('risk-analytics', { project: 'credit-risk', 'data-class': 'confidential' }) : {},
      instanceType: 'ml.t3.xlarge',
      status: rng.chance(0.6) ? 'InService' : 'Stopped',
      directInternetAccess: false,
      rootAccess: false,
      kmsKeyArn: key.arn,
      createdDaysAgo: rng.int(10, 300),
    });
  }
  if (scope.claim(`application-vpc ${region}`)) {
    yield* applicationVpc(scope, {
      region,
      name: `${slug}-app`,
      tags: scope.tags('platform', { 'data-class': 'internal' }),
      createdDaysAgo: rng.int(400, 900),
      flowLog: { trafficType: 'ALL', destination: 's3' },
      subnetAcl: 'private',
    });
  }
}

/** A mostly compliant tenant account, with the slips real accounts have at realistic rates. */
export function randomTenantPosture(rng: Random): TenantAccountPosture {
  const keyAge = rng.chance(0.3) ? rng.int(91, 500) : rng.int(5, 85);
  return {
    passwordPolicy: rng.chance(0.8) ? 'strong' : rng.pick(['weak', 'none'] as const),
    deployerKey: { ageDays: keyAge, lastUsedDaysAgo: rng.int(0, 3) },
    deployerAdmin: rng.chance(0.1),
    byok: rng.chance(0.1)
      ? { importedDaysAgo: rng.int(330, 360), validForDays: rng.int(3, 29) }
      : { importedDaysAgo: rng.int(10, 200), validForDays: rng.int(120, 700) },
    ebsDefaultEncryption: rng.chance(0.9),
    alertSubscription: rng.chance(0.95) ? 'confirmed' : 'pending',
    // Without new draws, so the rest of the random stream stays as it was.
    bankKey: { validForDays: 200 + (keyAge % 300), grantsListable: keyAge % 2 === 0 },
  };
}

export function randomCellPosture(rng: Random): CellPosture {
  const servers = rng.int(2, 3);
  return {
    keyRotation: !rng.chance(0.2),
    sftpGlacierTransition: !rng.chance(0.1),
    tradeRecordsLock: rng.chance(0.93) ? 'compliance-6y' : rng.pick(['governance-6y', 'compliance-5y'] as const),
    reportsVersioning: !rng.chance(0.12),
    servers,
    imdsV1Servers: rng.chance(0.2) ? rng.int(1, servers) : 0,
    unencryptedVolumes: rng.chance(0.1) ? 1 : 0,
    bastion: rng.chance(0.05),
    postgresMultiAz: !rng.chance(0.15),
    postgresPublic: rng.chance(0.01),
    oracle: rng.chance(0.25) ? (rng.chance(0.8) ? 'audited' : 'unaudited') : 'none',
    ledgerAutoMinorUpgrade: rng.chance(0.85),
    auditAlarms: rng.chance(0.85),
    reportingReplica: rng.chance(0.1) ? (rng.chance(0.1) ? 'public' : 'private') : 'none',
    // From the draws already made, so adding the cluster left the rest of the random stream as it was.
    paymentsCluster: servers > 2 ? { readers: 1 } : 'none',
    scratchServer: false,
    snapshot: rng.chance(0.3),
    stack: rng.chance(0.96) ? rng.pick(['created', 'updated'] as const) : rng.pick(['rollback-complete', 'update-rollback-failed'] as const),
    failedExecutions: rng.chance(0.1) ? rng.int(1, 4) : 0,
    notebook: rng.chance(0.15) ? (rng.chance(0.7) ? 'tagged' : 'untagged') : 'none',
    tagSlipRate: 0.06,
  };
}

/**
 * A generated tenant account for benchmarks: a random baseline, then cells without end; the caller
 * stops at the account's budget. One cell in five runs in the second region (no bank key there).
 */
export function* scaledTenant(scope: AccountScope): Generator<AnyResource> {
  const home = scope.plan.homeRegion;
  const away = otherRegion(scope, home);
  yield* tenantBaseline(scope, randomTenantPosture(scope.rng));
  for (let index = 0; ; index++) {
    yield* tenantCell(scope, { index, region: index % 5 === 4 ? away : home, posture: randomCellPosture(scope.rng) });
  }
}
