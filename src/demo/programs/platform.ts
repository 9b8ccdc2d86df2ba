/**
 * Ledgerline's own accounts in the demo: shared services (CI, the control plane, the people), the
 * development sandbox (where most of the mess is, including a stray region) and the security
 * account (organization trail and its CIS alarms, log archive, the scanner, the support role).
 */
import type { AnyResource } from '../../model/resource.js';
import { unknown } from '../../model/unknown.js';
import { ORG_TRAIL } from '../accounts.js';
import type { AccountScope } from '../scope.js';
import { accountSettings, regionSettings } from '../workloads/account-settings.js';
import { serverCertificate } from '../workloads/certificates.js';
import { group, server, tcpFromCidr, tcpFromGroup, volume } from '../workloads/compute.js';
import { auroraCluster, database, dbSnapshot } from '../workloads/databases.js';
import { fileSystem } from '../workloads/file-systems.js';
import {
  awsPolicy,
  customerPolicy,
  customerPolicyRef,
  fullAdminDocument,
  human,
  machineUser,
  role,
  userGroup,
  type HumanSpec,
  type MachineUserSpec,
} from '../workloads/identity.js';
import { awsManagedKey, customerKey } from '../workloads/keys.js';
import { cisMonitoring, databaseLogs, topic, topicArn } from '../workloads/monitoring.js';
import { applicationVpc, defaultVpc } from '../workloads/network.js';
import { researchNotebook, stack, trail, trailArn, workflow } from '../workloads/operations.js';
import { accessLogsBucket, bucket, glacierArchiveRule, objectLock } from '../workloads/storage.js';

const ORG_TRAIL_LOG_GROUP = 'aws-cloudtrail-logs-org';

function scannerRole(scope: AccountScope): AnyResource {
  return role(scope, {
    name: 'vigil-scanner',
    tags: scope.tags('security'),
    trust: { account: scope.org.securityAccountId },
    policies: [awsPolicy('SecurityAudit'), awsPolicy('ReadOnlyAccess')],
    createdDaysAgo: 320,
    lastUsedDaysAgo: 0,
  });
}

export function* sharedServices(scope: AccountScope): Generator<AnyResource> {
  const { org, slug, clock } = scope;
  const [east, west] = org.regions;
  const platform = (extra: Record<string, string> = {}) => scope.tags('platform', { 'data-class': 'internal', ...extra });

  const people: HumanSpec[] = [
    { name: 'alice.martin', tags: scope.tags('platform'), createdDaysAgo: 1_210, mfa: true, lastSignInDaysAgo: 0, groups: ['platform-admins'] },
    { name: 'bob.chen', tags: scope.tags('platform'), createdDaysAgo: 640, mfa: false, lastSignInDaysAgo: 2, groups: ['developers'] },
    { name: 'carol.diaz', tags: scope.tags('data-platform'), createdDaysAgo: 530, mfa: true, lastSignInDaysAgo: 1, groups: ['developers'] },
    { name: 'dan.okafor', tags: scope.tags('platform'), createdDaysAgo: 980, mfa: true, lastSignInDaysAgo: 5, groups: ['platform-admins'] },
    { name: 'erin.walsh', tags: scope.tags('integrations'), createdDaysAgo: 720, mfa: true, lastSignInDaysAgo: 203, groups: ['developers'] },
    { name: 'farid.haddad', tags: scope.tags('integrations'), createdDaysAgo: 3, mfa: false, lastSignInDaysAgo: null, groups: ['developers'] },
  ];
  const machines: MachineUserSpec[] = [
    {
      name: 'deployer-github-actions',
      tags: scope.tags('platform', { purpose: 'ci-deploy' }),
      createdDaysAgo: 700,
      keys: [{ ageDays: 412, lastUsedDaysAgo: 0, active: true }],
      groups: ['deployers'],
      policies: [],
    },
    {
      name: 'deployer-terraform',
      tags: scope.tags('platform', { purpose: 'ci-deploy' }),
      createdDaysAgo: 560,
      keys: [{ ageDays: 34, lastUsedDaysAgo: 0, active: true }],
      groups: ['deployers'],
      policies: [],
    },
    {
      name: 'metrics-exporter',
      tags: scope.tags('platform', { purpose: 'monitoring' }),
      createdDaysAgo: 300,
      keys: [
        { ageDays: 290, lastUsedDaysAgo: null, active: false },
        { ageDays: 131, lastUsedDaysAgo: 0, active: true },
      ],
      groups: [],
      policies: [awsPolicy('CloudWatchReadOnlyAccess')],
    },
  ];

  yield accountSettings(scope, { passwordPolicy: 'strong', root: 'mfa', s3PublicAccessBlock: false, iamUserCount: people.length + machines.length });
  const guardrails = { trailArns: [org.orgTrailArn], accessAnalyzer: 'account', securityHub: true } as const;
  yield regionSettings(scope, east, { ebsEncryptionByDefault: true, recorder: 'global', ...guardrails });
  yield regionSettings(scope, west, { ebsEncryptionByDefault: true, recorder: 'regional', ...guardrails });

  // Keys.
  yield awsManagedKey(scope, east, 'ebs', 1_100);
  yield awsManagedKey(scope, east, 'rds', 1_000);
  yield awsManagedKey(scope, east, 's3', 1_150);
  const artifactsKey = customerKey(scope, { region: east, alias: `alias/${slug}-artifacts`, tags: platform(), rotation: true, createdDaysAgo: 1_050 });
  const ciKey = customerKey(scope, { region: east, alias: `alias/${slug}-ci`, tags: platform(), rotation: false, createdDaysAgo: 610 });
  const controlPlaneKey = customerKey(scope, {
    region: east,
    alias: `alias/${slug}-control-plane`,
    tags: scope.tags('platform', { 'data-class': 'confidential' }),
    rotation: true,
    createdDaysAgo: 900,
  });
  const partnerKey = customerKey(scope, {
    region: east,
    alias: `alias/${slug}-partner-exchange`,
    tags: scope.tags('integrations', { 'data-class': 'confidential' }),
    rotation: true,
    createdDaysAgo: 450,
    // The partner team's key policy does not grant the scanner role kms:GetKeyPolicy.
    policy: unknown('AccessDeniedException: kms:GetKeyPolicy'),
  });
  const euKey = customerKey(scope, { region: west, alias: `alias/${slug}-eu-artifacts`, tags: platform(), rotation: true, createdDaysAgo: 380 });
  yield artifactsKey;
  yield ciKey;
  yield controlPlaneKey;
  yield partnerKey;
  yield euKey;

  // Buckets.
  const logsEast = accessLogsBucket(scope, east, 'platform');
  yield logsEast;
  yield accessLogsBucket(scope, west, 'platform');
  yield bucket(scope, {
    name: scope.bucketName('artifacts'),
    region: east,
    tags: platform(),
    createdDaysAgo: 1_050,
    kmsKeyArn: artifactsKey.arn,
    lifecycleRules: [glacierArchiveRule(180)],
    loggingTarget: logsEast.name,
  });
  yield bucket(scope, {
    name: scope.bucketName('terraform-state'),
    region: east,
    tags: scope.tags('platform', { 'data-class': 'confidential' }),
    createdDaysAgo: 1_200,
    kmsKeyArn: artifactsKey.arn,
    loggingTarget: logsEast.name,
  });
  yield bucket(scope, {
    name: scope.bucketName('public-docs'),
    region: east,
    tags: scope.tags('developer-relations', { 'data-class': 'public' }),
    createdDaysAgo: 820,
    publicRead: 'policy',
  });
  yield bucket(scope, {
    name: scope.bucketName('marketing-assets'),
    region: east,
    tags: { owner: 'marketing', environment: 'production', 'data-class': 'public' },
    createdDaysAgo: 1_400,
    versioning: false,
    publicRead: 'acl',
  });
  yield bucket(scope, {
    name: scope.bucketName('partner-exchange'),
    region: east,
    tags: scope.tags('integrations', { 'data-class': 'confidential' }),
    createdDaysAgo: 450,
    kmsKeyArn: partnerKey.arn,
    policy: unknown('AccessDenied: s3:GetBucketPolicy'),
    loggingTarget: logsEast.name,
  });
  yield bucket(scope, {
    name: scope.bucketName('eu-artifacts'),
    region: west,
    tags: platform(),
    createdDaysAgo: 380,
    kmsKeyArn: euKey.arn,
    versioning: false,
  });

  // People and machines.
  for (const person of people) yield human(scope, person);
  for (const machine of machines) yield machineUser(scope, machine);
  const members = (name: string) => [...people, ...machines].filter((user) => user.groups.includes(name)).map((user) => user.name);
  yield userGroup(scope, { name: 'platform-admins', members: members('platform-admins'), policies: [awsPolicy('AdministratorAccess')], createdDaysAgo: 1_210 });
  yield userGroup(scope, {
    name: 'developers',
    members: members('developers'),
    policies: [awsPolicy('ReadOnlyAccess'), customerPolicyRef(scope, `${slug}-developer`)],
    createdDaysAgo: 1_150,
  });
  yield userGroup(scope, { name: 'deployers', members: members('deployers'), policies: [customerPolicyRef(scope, `${slug}-deployer`)], createdDaysAgo: 700 });
  yield userGroup(scope, { name: 'auditors', members: [], policies: [awsPolicy('SecurityAudit')], createdDaysAgo: 400 });
  yield customerPolicy(scope, {
    name: `${slug}-developer`,
    tags: scope.tags('platform'),
    document: {
      Version: '2012-10-17',
      Statement: [
        { Sid: 'Logs', Effect: 'Allow', Action: ['logs:GetLogEvents', 'logs:FilterLogEvents', 'logs:StartQuery'], Resource: '*' },
        { Sid: 'Artifacts', Effect: 'Allow', Action: ['s3:GetObject'], Resource: `arn:aws:s3:::${scope.bucketName('artifacts')}/*` },
      ],
    },
    attachedTo: { groups: ['developers'] },
    createdDaysAgo: 1_100,
    versions: 3,
  });
  yield customerPolicy(scope, {
    name: `${slug}-deployer`,
    tags: scope.tags('platform'),
    document: fullAdminDocument(),
    attachedTo: { groups: ['deployers'] },
    createdDaysAgo: 700,
    versions: 7,
  });
  yield scannerRole(scope);
  yield role(scope, {
    name: 'ci-runner',
    tags: scope.tags('platform'),
    trust: { service: 'ec2.amazonaws.com' },
    policies: [awsPolicy('AmazonSSMManagedInstanceCore'), awsPolicy('AmazonEC2ContainerRegistryPowerUser')],
    createdDaysAgo: 610,
    lastUsedDaysAgo: 0,
  });
  yield role(scope, {
    name: 'jenkins-legacy',
    tags: scope.tags('platform'),
    trust: { service: 'ec2.amazonaws.com' },
    policies: [awsPolicy('PowerUserAccess')],
    createdDaysAgo: 1_500,
    lastUsedDaysAgo: 0,
  });
  yield role(scope, {
    name: `${slug}-tenant-onboarding`,
    tags: scope.tags('platform'),
    trust: { service: 'states.amazonaws.com' },
    policies: [],
    createdDaysAgo: 540,
    lastUsedDaysAgo: 6,
  });

  // Network and compute.
  const ciSg = group(scope, { region: east, name: 'ci-runners', description: 'CI runners, egress only', tags: platform(), ingress: [], createdDaysAgo: 610 });
  const jenkinsSg = group(scope, {
    region: east,
    name: 'jenkins-legacy',
    description: 'launch-wizard-3',
    tags: platform(),
    ingress: [tcpFromCidr(22, '0.0.0.0/0'), tcpFromCidr(8080, '0.0.0.0/0')],
    createdDaysAgo: 1_500,
  });
  const controlPlaneSg = group(scope, {
    region: east,
    name: 'control-plane-db',
    description: 'Control plane database',
    tags: scope.tags('platform', { 'data-class': 'confidential' }),
    ingress: [tcpFromGroup(5432, ciSg.id)],
    createdDaysAgo: 900,
  });
  yield ciSg;
  yield jenkinsSg;
  yield controlPlaneSg;
  for (let n = 1; n <= 3; n++) {
    yield* server(scope, {
      region: east,
      name: `ci-runner-${n}`,
      instanceType: 'c7g.2xlarge',
      tags: platform(),
      securityGroupIds: [ciSg.id],
      launchedDaysAgo: n,
      imdsV2: n !== 3,
      roleName: 'ci-runner',
      rootVolumeGiB: 100,
      volumeKeyArn: ciKey.arn,
    });
  }
  yield* server(scope, {
    region: east,
    name: 'jenkins-legacy',
    instanceType: 'm5.xlarge',
    tags: platform(),
    securityGroupIds: [jenkinsSg.id],
    launchedDaysAgo: 1_480,
    imdsV2: false,
    publicIp: '54.210.37.118',
    roleName: 'jenkins-legacy',
    rootVolumeGiB: 50,
    volumeKeyArn: null,
    dataVolumeGiB: 500,
  });
  yield volume(scope, {
    region: east,
    name: 'jenkins-legacy-backup',
    tags: platform(),
    sizeGiB: 500,
    kmsKeyArn: null,
    createdAt: clock.daysAgo(800),
  });

  const controlPlane = database(scope, {
    identifier: `${slug}-control-plane`,
    region: east,
    engine: 'postgres',
    tags: scope.tags('platform', { 'data-class': 'confidential' }),
    createdDaysAgo: 900,
    instanceClass: 'db.r7g.xlarge',
    kmsKeyArn: controlPlaneKey.arn,
    multiAz: true,
    publiclyAccessible: false,
    auditLogExport: false,
    backupRetentionDays: 14,
    deletionProtection: true,
    securityGroupIds: [controlPlaneSg.id],
  });
  yield controlPlane;
  yield dbSnapshot(scope, { of: controlPlane, kind: 'automated', takenDaysAgo: 0.2, tags: scope.tags('platform', { 'data-class': 'confidential' }) });
  const platformAlerts = `${slug}-platform-alerts`;
  yield topic(scope, {
    region: east,
    name: platformAlerts,
    tags: platform(),
    subscriptions: [
      { protocol: 'email', endpoint: 'platform@ledgerline.example', confirmed: true },
      // AWS Chatbot posts the alarms to #platform.
      { protocol: 'https', endpoint: 'https://global.sns-api.chatbot.amazonaws.com', confirmed: true },
    ],
  });
  yield* databaseLogs(scope, controlPlane, { tags: platform(), retentionDays: 365, alarmTopicArn: topicArn(scope.accountId, east, platformAlerts) });
  yield fileSystem(scope, { region: east, name: 'ci-build-cache', tags: platform(), createdDaysAgo: 580, kmsKeyArn: ciKey.arn, throughputMode: 'elastic' });
  // The 2025 certificate was renewed by uploading a new one; nobody deleted the old one.
  yield serverCertificate(scope, { name: 'api-ledgerline-example-2025', tags: platform(), uploadedDaysAgo: 402, expiresInDays: -37 });
  yield serverCertificate(scope, { name: 'api-ledgerline-example-2026', tags: platform(), uploadedDaysAgo: 35, expiresInDays: 362 });

  // Operations.
  yield stack(scope, { region: east, name: `${slug}-network`, tags: platform(), outcome: 'created', createdDaysAgo: 1_200, terminationProtection: true });
  yield stack(scope, {
    region: east,
    name: `${slug}-ci-runners`,
    tags: platform(),
    outcome: 'rollback-complete',
    createdDaysAgo: 2,
    failedResource: 'RunnerAutoScalingGroup',
    terminationProtection: false,
  });
  yield stack(scope, { region: east, name: `${slug}-control-plane`, tags: platform(), outcome: 'updated', createdDaysAgo: 900, terminationProtection: true });
  yield workflow(scope, { region: east, name: `${slug}-tenant-onboarding`, tags: platform(), machineType: 'STANDARD', failures: 0, createdDaysAgo: 540 });
  yield workflow(scope, { region: east, name: `${slug}-nightly-billing`, tags: platform(), machineType: 'EXPRESS', failures: 1, createdDaysAgo: 400 });
  yield researchNotebook(scope, {
    region: east,
    name: `${slug}-usage-forecast`,
    tags: scope.tags('data-platform', { project: 'capacity-planning', 'data-class': 'internal' }),
    instanceType: 'ml.t3.large',
    status: 'InService',
    directInternetAccess: false,
    rootAccess: false,
    kmsKeyArn: artifactsKey.arn,
    createdDaysAgo: 120,
  });

  // The account predates the baseline: its default VPCs were never quarantined, though the
  // organisation's flow-log rule covers them.
  for (const region of [east, west]) {
    yield* defaultVpc(scope, { region, tags: platform(), createdDaysAgo: 1_500, flowLog: { trafficType: 'REJECT', destination: 's3' }, nacl: 'open' });
  }
  yield* applicationVpc(scope, {
    region: east,
    name: `${slug}-platform`,
    tags: platform(),
    createdDaysAgo: 1_200,
    flowLog: { trafficType: 'ALL', destination: 'cloud-watch-logs' },
    subnetAcl: 'private',
  });
}

export function* development(scope: AccountScope): Generator<AnyResource> {
  const { org, slug } = scope;
  const [east, west] = org.regions;
  const stray = org.strayRegion;
  const dev = (extra: Record<string, string> = {}) => scope.tags('engineering', { 'data-class': 'internal', ...extra });
  const debugTrail = `${slug}-debug-trail`;

  yield accountSettings(scope, { passwordPolicy: 'weak', root: 'key', s3PublicAccessBlock: true, iamUserCount: 2 });
  // Someone tried the unused-access analyzer once; Security Hub was never enabled here.
  yield regionSettings(scope, east, {
    ebsEncryptionByDefault: false,
    recorder: 'global',
    trailArns: [org.orgTrailArn, trailArn(scope.accountId, east, debugTrail)],
    accessAnalyzer: 'unused-only',
    securityHub: false,
  });
  yield regionSettings(scope, west, {
    ebsEncryptionByDefault: false,
    recorder: 'none',
    trailArns: [org.orgTrailArn],
    accessAnalyzer: 'none',
    securityHub: false,
  });

  yield awsManagedKey(scope, east, 'ebs', 700);
  const devKey = customerKey(scope, { region: east, alias: `alias/${slug}`, tags: dev(), rotation: true, createdDaysAgo: 700 });
  yield devKey;

  yield bucket(scope, {
    name: scope.bucketName('scratch'),
    region: east,
    tags: { owner: 'engineering', environment: 'development' },
    createdDaysAgo: 500,
    versioning: false,
  });
  yield bucket(scope, { name: scope.bucketName('fixtures'), region: east, tags: dev(), createdDaysAgo: 640, kmsKeyArn: devKey.arn });
  // Someone tested latency from Sydney and never cleaned up: outside the allowed regions.
  yield bucket(scope, {
    name: scope.bucketName('latency-test'),
    region: stray,
    tags: { owner: 'bob.chen', environment: 'development' },
    createdDaysAgo: 41,
    versioning: false,
  });

  const sshSg = group(scope, {
    region: east,
    name: 'dev-ssh',
    description: 'SSH from anywhere (dev only!)',
    tags: dev(),
    ingress: [tcpFromCidr(22, '0.0.0.0/0'), { ...tcpFromCidr(22, '0.0.0.0/0'), ipv4Ranges: [], ipv6Ranges: ['::/0'] }],
    createdDaysAgo: 690,
  });
  const sandboxDbSg = group(scope, {
    region: east,
    name: 'dev-sandbox-db',
    description: 'MySQL sandbox',
    tags: dev(),
    ingress: [tcpFromCidr(3306, '0.0.0.0/0')],
    createdDaysAgo: 300,
  });
  const probeSg = group(scope, {
    region: stray,
    name: 'latency-probe',
    description: 'launch-wizard-1',
    tags: { owner: 'bob.chen', environment: 'development' },
    ingress: [tcpFromCidr(22, '0.0.0.0/0')],
    createdDaysAgo: 41,
  });
  yield sshSg;
  yield sandboxDbSg;
  yield probeSg;
  yield group(scope, {
    region: east,
    name: 'dev-windows-share',
    description: 'SMB share for the Windows build test (temporary)',
    tags: dev(),
    ingress: [tcpFromCidr(445, '0.0.0.0/0')],
    createdDaysAgo: 75,
  });
  yield* server(scope, {
    region: east,
    name: 'dev-box-1',
    instanceType: 't3.large',
    tags: dev(),
    securityGroupIds: [sshSg.id],
    launchedDaysAgo: 210,
    imdsV2: false,
    rootVolumeGiB: 80,
    volumeKeyArn: null,
  });
  yield* server(scope, {
    region: east,
    name: 'dev-box-2',
    instanceType: 't3.large',
    tags: dev(),
    securityGroupIds: [sshSg.id],
    launchedDaysAgo: 30,
    imdsV2: true,
    rootVolumeGiB: 80,
    volumeKeyArn: devKey.arn,
    state: 'stopped',
  });
  yield* server(scope, {
    region: stray,
    name: 'latency-probe',
    instanceType: 't3.micro',
    tags: { owner: 'bob.chen', environment: 'development' },
    securityGroupIds: [probeSg.id],
    launchedDaysAgo: 41,
    imdsV2: false,
    publicIp: '13.236.118.24',
    rootVolumeGiB: 8,
    volumeKeyArn: null,
  });

  const sandbox = database(scope, {
    identifier: `${slug}-sandbox`,
    region: east,
    engine: 'mysql',
    tags: dev(),
    createdDaysAgo: 300,
    instanceClass: 'db.t3.medium',
    kmsKeyArn: null,
    multiAz: false,
    publiclyAccessible: true,
    auditLogExport: false,
    backupRetentionDays: 1,
    deletionProtection: false,
    securityGroupIds: [sandboxDbSg.id],
  });
  yield sandbox;
  yield dbSnapshot(scope, { of: sandbox, kind: 'manual', takenDaysAgo: 50, tags: dev(), restoreAccounts: ['all'] });
  yield* databaseLogs(scope, sandbox, { tags: dev(), retentionDays: null });
  // A prototype Aurora cluster: unencrypted storage and a lone writer (CIS 3.2.1 and 3.2.4).
  yield* auroraCluster(scope, {
    identifier: `${slug}-prototype`,
    region: east,
    tags: dev(),
    createdDaysAgo: 75,
    instanceClass: 'db.t4g.medium',
    kmsKeyArn: null,
    readers: 0,
    securityGroupIds: [sandboxDbSg.id],
  });
  yield fileSystem(scope, { region: east, name: 'dev-home-dirs', tags: dev(), createdDaysAgo: 410, kmsKeyArn: null, throughputMode: 'bursting' });

  yield machineUser(scope, {
    name: 'deployer-legacy-jenkins',
    tags: dev({ purpose: 'ci-deploy' }),
    createdDaysAgo: 900,
    keys: [
      { ageDays: 610, lastUsedDaysAgo: 540, active: false },
      { ageDays: 540, lastUsedDaysAgo: 190, active: true },
    ],
    groups: [],
    policies: [awsPolicy('AdministratorAccess')],
  });
  yield human(scope, { name: 'intern-sandbox', tags: dev(), createdDaysAgo: 120, mfa: false, lastSignInDaysAgo: null, groups: [] });
  yield scannerRole(scope);
  yield role(scope, {
    name: 'dev-box',
    tags: dev(),
    trust: { service: 'ec2.amazonaws.com' },
    policies: [awsPolicy('AmazonSSMManagedInstanceCore')],
    createdDaysAgo: 690,
    lastUsedDaysAgo: 3,
  });

  yield trail(scope, {
    region: east,
    name: debugTrail,
    tags: dev(),
    organization: false,
    multiRegion: false,
    logFileValidation: false,
    kmsKeyArn: null,
    bucketName: scope.bucketName('scratch'),
    logging: false,
    createdDaysAgo: 260,
  });
  yield stack(scope, { region: east, name: `${slug}-feature-flags`, tags: dev(), outcome: 'created', createdDaysAgo: 90, terminationProtection: false });

  // Data-science experiments: the required `project` tag is usually forgotten.
  yield researchNotebook(scope, {
    region: east,
    name: 'churn-experiment',
    tags: {},
    instanceType: 'ml.g5.xlarge',
    status: 'InService',
    directInternetAccess: true,
    rootAccess: true,
    kmsKeyArn: null,
    createdDaysAgo: 64,
  });
  yield researchNotebook(scope, {
    region: east,
    name: 'scratch-gpu',
    tags: { owner: 'carol.diaz' },
    instanceType: 'ml.g5.2xlarge',
    status: 'Stopped',
    directInternetAccess: true,
    rootAccess: true,
    kmsKeyArn: null,
    createdDaysAgo: 150,
  });
  yield researchNotebook(scope, {
    region: east,
    name: 'feature-store-test',
    tags: unknown('AccessDeniedException: sagemaker:ListTags'),
    instanceType: 'ml.t3.medium',
    status: 'InService',
    directInternetAccess: false,
    rootAccess: false,
    kmsKeyArn: devKey.arn,
    createdDaysAgo: 20,
  });

  // No flow logs anywhere, the default VPCs as AWS created them, and SSH open at the subnet level too.
  for (const region of [east, west]) yield* defaultVpc(scope, { region, tags: {}, createdDaysAgo: 900, flowLog: null, nacl: 'open' });
  yield* applicationVpc(scope, { region: east, name: slug, tags: dev(), createdDaysAgo: 690, flowLog: null, subnetAcl: 'open-dev' });
  yield* applicationVpc(scope, {
    region: stray,
    name: 'latency-probe',
    tags: { owner: 'bob.chen', environment: 'development' },
    createdDaysAgo: 41,
    flowLog: null,
    subnetAcl: 'default',
  });
}

export function* security(scope: AccountScope): Generator<AnyResource> {
  const { org, slug } = scope;
  const [east, west] = org.regions;
  const sec = (extra: Record<string, string> = {}) => scope.tags('security', { 'data-class': 'restricted', ...extra });
  const archiveArn = `arn:aws:s3:::${org.logArchiveBucket}`;

  yield accountSettings(scope, { passwordPolicy: 'strong', root: 'mfa', s3PublicAccessBlock: true, iamUserCount: 1 });
  // The delegated administrator of Access Analyzer and Security Hub for the organisation.
  const guardrails = { trailArns: [org.orgTrailArn], accessAnalyzer: 'organization', securityHub: true } as const;
  yield regionSettings(scope, east, { ebsEncryptionByDefault: true, recorder: 'global', ...guardrails });
  yield regionSettings(scope, west, { ebsEncryptionByDefault: true, recorder: 'regional', ...guardrails });

  yield awsManagedKey(scope, east, 'ebs', 800);
  const trailKey = customerKey(scope, {
    region: east,
    alias: `alias/${slug}-cloudtrail`,
    tags: sec(),
    rotation: true,
    createdDaysAgo: 1_000,
    users: [`arn:aws:iam::${scope.accountId}:role/vigil-daemon`],
  });
  yield trailKey;

  const logsEast = accessLogsBucket(scope, east, 'security');
  yield logsEast;
  yield accessLogsBucket(scope, west, 'security');
  yield bucket(scope, {
    name: org.logArchiveBucket,
    region: east,
    tags: sec(),
    createdDaysAgo: 1_000,
    kmsKeyArn: trailKey.arn,
    objectLock: objectLock('COMPLIANCE', { years: 7 }),
    lifecycleRules: [glacierArchiveRule(92)],
    statements: [
      {
        Sid: 'AWSCloudTrailAclCheck',
        Effect: 'Allow',
        Principal: { Service: 'cloudtrail.amazonaws.com' },
        Action: 's3:GetBucketAcl',
        Resource: archiveArn,
      },
      {
        Sid: 'AWSCloudTrailWrite',
        Effect: 'Allow',
        Principal: { Service: 'cloudtrail.amazonaws.com' },
        Action: 's3:PutObject',
        Resource: `${archiveArn}/AWSLogs/*`,
        Condition: { StringEquals: { 's3:x-amz-acl': 'bucket-owner-full-control', 'aws:SourceArn': org.orgTrailArn } },
      },
    ],
    loggingTarget: logsEast.name,
  });
  yield bucket(scope, {
    name: scope.bucketName('config-history'),
    region: east,
    tags: sec(),
    createdDaysAgo: 1_000,
    kmsKeyArn: trailKey.arn,
    lifecycleRules: [glacierArchiveRule(92)],
    loggingTarget: logsEast.name,
  });

  yield trail(scope, {
    region: east,
    name: ORG_TRAIL,
    tags: sec(),
    organization: true,
    multiRegion: true,
    logFileValidation: true,
    kmsKeyArn: trailKey.arn,
    bucketName: org.logArchiveBucket,
    logGroup: ORG_TRAIL_LOG_GROUP,
    logging: true,
    createdDaysAgo: 1_000,
    // Every write to any bucket; reads of the banks' data only (reads of everything cost too much).
    s3DataEvents: { write: { buckets: 'all', exceptArnPrefixes: [] }, read: { buckets: 'prefixes', arnPrefixes: [...org.bankBucketArnPrefixes] } },
  });

  // CIS section 5: the trail's log group, a metric filter and alarm per control, one alert topic.
  // The network-gateway, route-table and Organizations filters were never added; the Config alarm
  // was muted during a recorder migration and never switched back on.
  const securityAlerts = `${slug}-alerts`;
  yield topic(scope, {
    region: east,
    name: securityAlerts,
    tags: sec(),
    subscriptions: [
      { protocol: 'email', endpoint: 'security@ledgerline.example', confirmed: true },
      { protocol: 'https', endpoint: `https://events.pagerduty.com/integration/${scope.rng.hex(32)}/enqueue`, confirmed: true },
      { protocol: 'email', endpoint: 'maria.lopez@ledgerline.example', confirmed: false },
    ],
  });
  yield* cisMonitoring(scope, {
    region: east,
    logGroup: ORG_TRAIL_LOG_GROUP,
    tags: sec(),
    kmsKeyArn: trailKey.arn,
    retentionDays: 400,
    createdDaysAgo: 1_000,
    topicArn: topicArn(scope.accountId, east, securityAlerts),
    missing: ['network-gateway-changes', 'route-table-changes', 'organizations-changes'],
    muted: ['config-changes'],
    firing: ['unauthorized-api-calls'],
    // Created from the CIS 1.4 text, which counted successful IAM-user sign-ins only.
    patterns: {
      'console-signin-without-mfa':
        '{ ($.eventName = "ConsoleLogin") && ($.additionalEventData.MFAUsed != "Yes") && ($.userIdentity.type = "IAMUser") && ($.responseElements.ConsoleLogin = "Success") }',
    },
  });

  yield human(scope, { name: 'breakglass', tags: sec(), createdDaysAgo: 1_000, mfa: true, lastSignInDaysAgo: null, groups: [] });
  yield role(scope, {
    name: 'vigil-daemon',
    tags: sec(),
    trust: { service: 'ec2.amazonaws.com' },
    policies: [awsPolicy('SecurityAudit')],
    createdDaysAgo: 330,
    lastUsedDaysAgo: 0,
  });
  yield scannerRole(scope);
  yield role(scope, {
    name: 'incident-responder',
    tags: sec(),
    trust: { account: scope.accountId },
    policies: [awsPolicy('SecurityAudit'), awsPolicy('AWSCloudTrail_ReadOnlyAccess')],
    createdDaysAgo: 800,
    lastUsedDaysAgo: 47,
  });
  // Only the security account has one; the others open support cases through it.
  yield role(scope, {
    name: 'aws-support',
    tags: sec(),
    trust: { account: scope.accountId },
    policies: [awsPolicy('AWSSupportAccess')],
    createdDaysAgo: 800,
    lastUsedDaysAgo: 63,
  });

  const daemonSg = group(scope, {
    region: east,
    name: 'vigil-daemon',
    description: 'Vigil daemon, egress only',
    tags: sec(),
    ingress: [],
    createdDaysAgo: 330,
  });
  yield daemonSg;
  yield* server(scope, {
    region: east,
    name: 'vigil-daemon',
    instanceType: 'm7g.large',
    tags: sec(),
    securityGroupIds: [daemonSg.id],
    launchedDaysAgo: 12,
    imdsV2: true,
    roleName: 'vigil-daemon',
    rootVolumeGiB: 40,
    volumeKeyArn: trailKey.arn,
  });
  yield stack(scope, { region: east, name: `${slug}-baseline`, tags: sec(), outcome: 'updated', createdDaysAgo: 1_000, terminationProtection: true });

  for (const region of [east, west]) {
    yield* defaultVpc(scope, { region, tags: sec(), createdDaysAgo: 1_050, flowLog: { trafficType: 'REJECT', destination: 's3' }, nacl: 'quarantined' });
  }
  yield* applicationVpc(scope, {
    region: east,
    name: `${slug}-tooling`,
    tags: sec(),
    createdDaysAgo: 1_000,
    flowLog: { trafficType: 'ALL', destination: 'cloud-watch-logs' },
    subnetAcl: 'private',
  });
}
