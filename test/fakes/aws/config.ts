/**
 * AWS Config (JSON 1.1, `StarlingDoveService.*`): the region's recorder, recording everything, and
 * its status; the advanced query — SelectResourceConfig (the region's own items) and, in the home
 * region, SelectAggregateResourceConfig for {@link AGGREGATOR_NAME} (every region's items) — over
 * configuration items of security groups, KMS keys, RDS DB instances and clusters and S3 buckets built from the
 * same synthetic account the API fakes answer from.
 *
 * Items are in Config's shape: the selected properties of one item as one JSON string, the API
 * description in camelCase under `configuration`, dates as ISO 8601 strings, tags as
 * `[{ key, value, tag }]`, S3's sub-documents (as the AWS SDK for Java models them) under
 * `supplementaryConfiguration`, the ACL as a JSON string inside it. Pages of `Limit` (≤ 100) by an
 * opaque NextToken. The query language is the subset Vigil sends: `SELECT p, … WHERE c AND …`
 * with `property = 'v'` and `property IN ('v', …)` conditions.
 */
import type { Bucket, DbCluster, DbInstance, Key, SecurityGroup, SyntheticAccount, Tags } from './account.js';
import { bucketPolicyText, OWNER_ID } from './s3.js';
import { epoch, jsonError, jsonInput, jsonOperation, jsonReply, page, pageSize, type Reply, type ServiceHandler } from './wire.js';

/** The one configuration aggregator the fake knows, in the account's home region. */
export const AGGREGATOR_NAME = 'organization-aggregator';

/** A configuration item before the query selects its properties. */
type Item = Readonly<Record<string, unknown>> & { readonly resourceType: string; readonly accountId: string; readonly awsRegion: string };

interface SelectInput {
  Expression?: string;
  Limit?: number;
  NextToken?: string;
  ConfigurationAggregatorName?: string;
}

const configTags = (tags: Tags) => Object.entries(tags).map(([key, value]) => ({ key, value, tag: `${key}=${value}` }));

function item(
  account: SyntheticAccount,
  fields: { resourceType: string; resourceId: string; resourceName: string; arn: string; region: string; createdAt?: string; tags: Tags },
  configuration: object,
  supplementaryConfiguration: object = {},
): Item {
  return {
    version: '1.3',
    accountId: account.accountId,
    // Config records a change some minutes after it happened.
    configurationItemCaptureTime: new Date(Date.parse(account.now) - 3_600_000).toISOString(),
    configurationItemStatus: 'OK',
    configurationStateId: '1740000000000',
    arn: fields.arn,
    resourceType: fields.resourceType,
    resourceId: fields.resourceId,
    resourceName: fields.resourceName,
    awsRegion: fields.region,
    availabilityZone: 'Regional',
    ...(fields.createdAt !== undefined ? { resourceCreationTime: fields.createdAt } : {}),
    tags: configTags(fields.tags),
    relatedEvents: [],
    relationships: [],
    configuration,
    supplementaryConfiguration,
  };
}

/** DescribeSecurityGroups' SecurityGroup in camelCase (the rules as test/fakes/aws/ec2.ts lists them). */
function securityGroupItem(account: SyntheticAccount, g: SecurityGroup): Item {
  const permission = (protocol: string, cidr: string, port?: number) => ({
    ...(port !== undefined ? { fromPort: port, toPort: port } : {}),
    ipProtocol: protocol,
    ipv6Ranges: [],
    prefixListIds: [],
    userIdGroupPairs: [],
    ipv4Ranges: [{ cidrIp: cidr }],
    ipRanges: [cidr],
  });
  const arn = `arn:aws:ec2:${g.region}:${account.accountId}:security-group/${g.id}`;
  return item(
    account,
    { resourceType: 'AWS::EC2::SecurityGroup', resourceId: g.id, resourceName: g.name, arn, region: g.region, tags: g.tags },
    {
      description: g.name === 'default' ? 'default VPC security group' : `${g.name} access`,
      groupName: g.name,
      ipPermissions: [...g.openPorts.map((port) => permission('tcp', '0.0.0.0/0', port)), permission('tcp', '10.0.0.0/8', 443)],
      ownerId: account.accountId,
      groupId: g.id,
      ipPermissionsEgress: [permission('-1', '0.0.0.0/0')],
      tags: Object.entries(g.tags).map(([key, value]) => ({ key, value })),
      vpcId: g.vpc,
    },
  );
}

/** DescribeKey's KeyMetadata in camelCase (as test/fakes/aws/kms.ts describes the key). */
function keyItem(account: SyntheticAccount, k: Key): Item {
  const arn = `arn:aws:kms:${k.region}:${account.accountId}:key/${k.id}`;
  return item(
    account,
    { resourceType: 'AWS::KMS::Key', resourceId: k.id, resourceName: k.id, arn, region: k.region, createdAt: k.createdAt, tags: k.tags },
    {
      aWSAccountId: account.accountId,
      keyId: k.id,
      arn,
      creationDate: k.createdAt,
      enabled: k.state === 'Enabled',
      description: k.manager === 'AWS' ? 'Default key that protects my data when no other key is defined' : '',
      keyUsage: 'ENCRYPT_DECRYPT',
      keyState: k.state,
      deletionDate: null,
      validTo: null,
      origin: k.origin,
      customKeyStoreId: null,
      cloudHsmClusterId: null,
      expirationModel: k.origin === 'EXTERNAL' ? 'KEY_MATERIAL_DOES_NOT_EXPIRE' : null,
      keyManager: k.manager,
      customerMasterKeySpec: k.spec,
      keySpec: k.spec,
      encryptionAlgorithms: k.spec === 'SYMMETRIC_DEFAULT' ? ['SYMMETRIC_DEFAULT'] : ['RSAES_OAEP_SHA_1', 'RSAES_OAEP_SHA_256'],
      signingAlgorithms: null,
      multiRegion: false,
      multiRegionConfiguration: null,
    },
  );
}

/** DescribeDBInstances' DBInstance in camelCase (the values test/fakes/aws/rds.ts answers). */
function dbInstanceItem(account: SyntheticAccount, db: DbInstance): Item {
  const arn = `arn:aws:rds:${db.region}:${account.accountId}:db:${db.id}`;
  const resourceId = `db-${db.id.toUpperCase().replace(/[^A-Z0-9]/g, '')}`;
  return item(
    account,
    { resourceType: 'AWS::RDS::DBInstance', resourceId, resourceName: db.id, arn, region: db.region, createdAt: db.createdAt, tags: db.tags },
    {
      dBInstanceIdentifier: db.id,
      dBInstanceClass: db.instanceClass,
      engine: db.engine,
      dBInstanceStatus: 'available',
      masterUsername: 'admin',
      endpoint: { address: `${db.id}.c9akciq32.${db.region}.rds.amazonaws.com`, port: db.engine === 'mysql' ? 3306 : 5432, hostedZoneId: 'Z2R2ITUGPM61AM' },
      allocatedStorage: 100,
      instanceCreateTime: db.createdAt,
      backupRetentionPeriod: db.backupDays,
      vpcSecurityGroups: [{ vpcSecurityGroupId: 'sg-0123456789abcdef0', status: 'active' }],
      availabilityZone: `${db.region}a`,
      multiAZ: db.multiAz,
      engineVersion: db.engineVersion,
      autoMinorVersionUpgrade: db.id.length % 3 !== 0,
      readReplicaDBInstanceIdentifiers: [],
      publiclyAccessible: db.public,
      storageEncrypted: db.encrypted,
      kmsKeyId: db.kmsKey ?? null,
      dbiResourceId: resourceId,
      dBInstanceArn: arn,
      dBClusterIdentifier: db.cluster ?? null,
      deletionProtection: db.multiAz,
      enabledCloudwatchLogsExports: db.id.length % 2 === 0 ? (db.engine === 'mysql' ? ['audit', 'error'] : ['postgresql']) : [],
    },
  );
}

/**
 * DescribeDBClusters' DBCluster as Config records it — the AWS SDK for Java's spelling, `DB` in
 * lower case (`dbclusterIdentifier`, `dbclusterMembers[].dbinstanceIdentifier`) — with the values
 * test/fakes/aws/rds.ts answers.
 */
function dbClusterItem(account: SyntheticAccount, c: DbCluster): Item {
  const arn = `arn:aws:rds:${c.region}:${account.accountId}:cluster:${c.id}`;
  const resourceId = `cluster-${c.id.toUpperCase().replace(/[^A-Z0-9]/g, '')}`;
  return item(
    account,
    { resourceType: 'AWS::RDS::DBCluster', resourceId, resourceName: c.id, arn, region: c.region, createdAt: c.createdAt, tags: c.tags },
    {
      allocatedStorage: 1,
      availabilityZones: [`${c.region}a`, `${c.region}b`, `${c.region}c`],
      backupRetentionPeriod: c.backupDays,
      dbclusterIdentifier: c.id,
      dbclusterParameterGroup: 'default.aurora-postgresql16',
      dbsubnetGroup: 'default',
      status: 'available',
      endpoint: `${c.id}.cluster-c9akciq32.${c.region}.rds.amazonaws.com`,
      readerEndpoint: `${c.id}.cluster-ro-c9akciq32.${c.region}.rds.amazonaws.com`,
      multiAZ: c.multiAz,
      engine: c.engine,
      engineVersion: c.engineVersion,
      port: 5432,
      masterUsername: 'admin',
      dbclusterMembers: c.members.map((id, i) => ({
        dbinstanceIdentifier: id,
        isClusterWriter: i === 0,
        dbclusterParameterGroupStatus: 'in-sync',
        promotionTier: 1,
      })),
      vpcSecurityGroups: [{ vpcSecurityGroupId: 'sg-0123456789abcdef0', status: 'active' }],
      hostedZoneId: 'Z29XKXDKYMONMX',
      storageEncrypted: c.encrypted,
      kmsKeyId: c.kmsKey ?? null,
      dbClusterResourceId: resourceId,
      dbclusterArn: arn,
      clusterCreateTime: c.createdAt,
      engineMode: 'provisioned',
      deletionProtection: c.multiAz,
      autoMinorVersionUpgrade: true,
      enabledCloudwatchLogsExports: c.members.length % 2 === 0 ? ['postgresql'] : null,
      publiclyAccessible: null,
    },
  );
}

/** A bucket's configuration and its sub-documents, as Config records what test/fakes/aws/s3.ts answers. */
function bucketItem(account: SyntheticAccount, b: Bucket): Item {
  const grantList: unknown[] = [{ grantee: { id: OWNER_ID, displayName: null }, permission: 'FullControl' }];
  if (b.logging && !b.ownershipControls) grantList.push({ grantee: 'LogDelivery', permission: 'Write' });
  const supplementary: Record<string, unknown> = {
    AccessControlList: JSON.stringify({ grantSet: null, grantList, owner: { displayName: null, id: OWNER_ID }, isRequesterCharged: false }),
    BucketAccelerateConfiguration: { status: null },
    BucketLoggingConfiguration: b.logging
      ? { destinationBucketName: `access-logs-${account.accountId}`, logFilePrefix: `${b.name}/` }
      : { destinationBucketName: null, logFilePrefix: null },
    BucketNotificationConfiguration: { configurations: {} },
    BucketPolicy: { policyText: b.policy ? bucketPolicyText(b, account.accountId) : null },
    // S3 reports no MFADelete for a bucket that never had it configured; nor does Config.
    BucketVersioningConfiguration: { status: b.versioning ?? 'Off', isMfaDeleteEnabled: null },
    IsRequesterPaysEnabled: false,
    // Since January 2023 every bucket has default encryption.
    ServerSideEncryptionConfiguration: {
      rules: [
        {
          applyServerSideEncryptionByDefault:
            b.kmsKey === undefined ? { sseAlgorithm: 'AES256', kmsMasterKeyID: null } : { sseAlgorithm: 'aws:kms', kmsMasterKeyID: b.kmsKey },
          bucketKeyEnabled: b.kmsKey !== undefined,
        },
      ],
    },
  };
  if (b.publicAccessBlock)
    supplementary['PublicAccessBlockConfiguration'] = { blockPublicAcls: true, ignorePublicAcls: true, blockPublicPolicy: true, restrictPublicBuckets: true };
  if (b.objectLock)
    supplementary['ObjectLockConfiguration'] = { objectLockEnabled: 'Enabled', rule: { defaultRetention: { mode: 'GOVERNANCE', days: 30, years: null } } };
  if (b.lifecycle) {
    supplementary['BucketLifecycleConfiguration'] = {
      rules: [
        {
          id: 'archive',
          prefix: null,
          status: 'Enabled',
          filter: { predicate: { type: 'LifecyclePrefixPredicate', prefix: '' } },
          expirationInDays: -1,
          expiredObjectDeleteMarker: false,
          noncurrentVersionExpirationInDays: -1,
          transitions: [{ days: 90, date: null, storageClass: 'GLACIER' }],
          noncurrentVersionTransitions: null,
          abortIncompleteMultipartUpload: null,
        },
      ],
    };
  }
  if (Object.keys(b.tags).length > 0) supplementary['BucketTaggingConfiguration'] = { tagSets: [{ tags: b.tags }] };
  return item(
    account,
    {
      resourceType: 'AWS::S3::Bucket',
      resourceId: b.name,
      resourceName: b.name,
      arn: `arn:aws:s3:::${b.name}`,
      region: b.region,
      createdAt: b.createdAt,
      tags: b.tags,
    },
    { name: b.name, owner: { displayName: null, id: OWNER_ID }, creationDate: b.createdAt },
    supplementary,
  );
}

/** Every configuration item of the account, in every region. */
function configurationItems(account: SyntheticAccount): Item[] {
  return [
    ...account.securityGroups.map((g) => securityGroupItem(account, g)),
    ...account.keys.map((k) => keyItem(account, k)),
    ...account.dbInstances.map((db) => dbInstanceItem(account, db)),
    ...account.dbClusters.map((c) => dbClusterItem(account, c)),
    ...account.buckets.map((b) => bucketItem(account, b)),
  ];
}

/** A parsed `SELECT … WHERE …`: the selected properties and, per property, the values it may take. */
interface Query {
  readonly select: readonly string[];
  readonly where: ReadonlyMap<string, ReadonlySet<string>>;
}

const PROPERTY = /^[A-Za-z][A-Za-z0-9.]*$/;
const CONDITION = /^([A-Za-z][A-Za-z0-9.]*)\s*(?:=\s*'([^']*)'|IN\s*\(([^)]*)\))$/i;

/** The query, or what is wrong with it (Config answers InvalidExpressionException). */
function parseQuery(expression: string): Query | string {
  const match = /^SELECT\s+(.+?)(?:\s+WHERE\s+(.+))?$/is.exec(expression.trim());
  if (match === null) return 'the expression is not a SELECT';
  const select = match[1]!.split(',').map((p) => p.trim());
  const bad = select.find((p) => !PROPERTY.test(p));
  if (bad !== undefined) return `cannot select '${bad}'`;
  const where = new Map<string, Set<string>>();
  for (const condition of match[2] === undefined ? [] : match[2].split(/\s+AND\s+/i)) {
    const c = CONDITION.exec(condition.trim());
    if (c === null) return `the fake Config does not evaluate '${condition}'`;
    const values = c[2] !== undefined ? [c[2]] : c[3]!.split(',').map((v) => v.trim().replace(/^'(.*)'$/, '$1'));
    where.set(c[1]!, new Set(values));
  }
  return { select, where };
}

/** The item reduced to the selected properties (top-level names; `configuration.x` keeps the nesting). */
function project(it: Item, select: readonly string[]): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const path of select) {
    const [head, ...rest] = path.split('.');
    let value: unknown = it[head!];
    for (const part of rest) value = typeof value === 'object' && value !== null ? (value as Record<string, unknown>)[part] : undefined;
    if (value === undefined) continue;
    if (rest.length === 0) out[head!] = value;
    else {
      const nested = (out[head!] ?? {}) as Record<string, unknown>;
      let cursor = nested;
      rest.slice(0, -1).forEach((part) => (cursor = (cursor[part] ??= {}) as Record<string, unknown>));
      cursor[rest.at(-1)!] = value;
      out[head!] = nested;
    }
  }
  return out;
}

function select(items: readonly Item[], input: SelectInput): Reply {
  if (input.Expression === undefined || input.Expression === '')
    return jsonError('ValidationException', "1 validation error detected: Value null at 'expression' failed to satisfy constraint: Member must not be null");
  if (input.Limit !== undefined && (input.Limit < 0 || input.Limit > 100))
    return jsonError('InvalidLimitException', `Limit ${input.Limit} is not between 0 and 100`);
  const query = parseQuery(input.Expression);
  if (typeof query === 'string') return jsonError('InvalidExpressionException', query);
  const matching = items.filter((it) => [...query.where].every(([property, values]) => values.has(String(it[property]))));
  const { items: found, next } = page(matching, input.NextToken, pageSize(input.Limit === 0 ? undefined : input.Limit, 100, 100));
  return jsonReply({
    Results: found.map((it) => JSON.stringify(project(it, query.select))),
    QueryInfo: { SelectFields: query.select.map((Name) => ({ Name })) },
    ...(next !== undefined ? { NextToken: next } : {}),
  });
}

export function config(account: SyntheticAccount): ServiceHandler {
  let items: Item[] | undefined;
  // Built on first query: runs that never ask Config do not pay for it.
  const allItems = () => (items ??= configurationItems(account));
  return (request, region) => {
    const operation = jsonOperation(request);
    const name = 'default';
    const recorderArn = `arn:aws:config:${region}:${account.accountId}:configuration-recorder/${name}/abcdefghijklmnop`;
    switch (operation) {
      case 'DescribeConfigurationRecorders':
        return jsonReply({
          ConfigurationRecorders: [
            {
              arn: recorderArn,
              name,
              roleARN: `arn:aws:iam::${account.accountId}:role/aws-service-role/config.amazonaws.com/AWSServiceRoleForConfig`,
              recordingGroup: {
                allSupported: true,
                includeGlobalResourceTypes: region === account.homeRegion,
                resourceTypes: [],
                exclusionByResourceTypes: { resourceTypes: [] },
                recordingStrategy: { useOnly: 'ALL_SUPPORTED_RESOURCE_TYPES' },
              },
              recordingMode: { recordingFrequency: 'CONTINUOUS', recordingModeOverrides: [] },
              recordingScope: 'PAID',
            },
          ],
        });
      case 'DescribeConfigurationRecorderStatus':
        return jsonReply({
          ConfigurationRecordersStatus: [
            {
              arn: recorderArn,
              name,
              lastStartTime: epoch('2024-01-01T00:00:00Z'),
              recording: true,
              lastStatus: 'Success',
              lastStatusChangeTime: epoch(account.now) - 600,
            },
          ],
        });
      case 'SelectResourceConfig':
        return select(
          allItems().filter((it) => it.awsRegion === region),
          jsonInput<SelectInput>(request),
        );
      case 'SelectAggregateResourceConfig': {
        const input = jsonInput<SelectInput>(request);
        if (input.ConfigurationAggregatorName !== AGGREGATOR_NAME || region !== account.homeRegion) {
          return jsonError(
            'NoSuchConfigurationAggregatorException',
            `The configuration aggregator ${String(input.ConfigurationAggregatorName)} does not exist in ${region}`,
          );
        }
        return select(allItems(), input);
      }
      default:
        return jsonError('UnknownOperationException', `the fake Config does not answer ${operation}`);
    }
  };
}
