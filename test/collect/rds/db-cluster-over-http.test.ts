/**
 * The RDS DB cluster collector through a real SDK client, answered at the HTTP layer in RDS's
 * query-protocol XML as the API reference documents DescribeDBClusters: `<DBCluster>` list
 * members, `<AvailabilityZone>` and `<DBClusterMember>` items, `<Marker>` paging, and AccessDenied
 * in `ErrorResponse/Error`.
 */
import { describe, expect, it } from 'vitest';
import rdsDbCluster from '../../../src/collect/collectors/rds/db-cluster.js';
import { fakeHttp, xml, type Reply, type SeenRequest } from '../support/fake-http.js';
import { ACCOUNT, byId, runCollector } from '../support/harness.js';

const RDSNS = 'xmlns="http://rds.amazonaws.com/doc/2014-10-31/"';
const KEY_ARN = `arn:aws:kms:eu-west-1:${ACCOUNT}:key/1234abcd-12ab-34cd-56ef-1234567890ab`;

const member = (id: string, writer: boolean) =>
  `<DBClusterMember><DBInstanceIdentifier>${id}</DBInstanceIdentifier><IsClusterWriter>${writer}</IsClusterWriter><DBClusterParameterGroupStatus>in-sync</DBClusterParameterGroupStatus><PromotionTier>1</PromotionTier></DBClusterMember>`;

const clusterXml = (id: string, extra: string) => `<DBCluster>
    <AllocatedStorage>1</AllocatedStorage>
    <AvailabilityZones><AvailabilityZone>eu-west-1a</AvailabilityZone><AvailabilityZone>eu-west-1b</AvailabilityZone><AvailabilityZone>eu-west-1c</AvailabilityZone></AvailabilityZones>
    <BackupRetentionPeriod>7</BackupRetentionPeriod>
    <DBClusterIdentifier>${id}</DBClusterIdentifier>
    <DBClusterParameterGroup>default.aurora-postgresql16</DBClusterParameterGroup>
    <DBSubnetGroup>default</DBSubnetGroup>
    <Status>available</Status>
    <Endpoint>${id}.cluster-c9akciq32.eu-west-1.rds.amazonaws.com</Endpoint>
    <ReaderEndpoint>${id}.cluster-ro-c9akciq32.eu-west-1.rds.amazonaws.com</ReaderEndpoint>
    <Port>5432</Port>
    <MasterUsername>ledger_admin</MasterUsername>
    <ReadReplicaIdentifiers/>
    <VpcSecurityGroups><VpcSecurityGroupMembership><VpcSecurityGroupId>sg-0a1b2c3d4e5f60001</VpcSecurityGroupId><Status>active</Status></VpcSecurityGroupMembership></VpcSecurityGroups>
    <HostedZoneId>Z29XKXDKYMONMX</HostedZoneId>
    <DbClusterResourceId>cluster-${id.toUpperCase().replace(/-/g, '')}</DbClusterResourceId>
    <DBClusterArn>arn:aws:rds:eu-west-1:${ACCOUNT}:cluster:${id}</DBClusterArn>
    <AssociatedRoles/>
    <IAMDatabaseAuthenticationEnabled>false</IAMDatabaseAuthenticationEnabled>
    <ClusterCreateTime>2024-05-02T14:10:00.512Z</ClusterCreateTime>
    <DeletionProtection>true</DeletionProtection>
    <CopyTagsToSnapshot>true</CopyTagsToSnapshot>
    ${extra}
  </DBCluster>`;

const pages: Record<string, { body: string; next?: string }> = {
  '': {
    body: clusterXml(
      'ledger-aurora',
      `<MultiAZ>true</MultiAZ><Engine>aurora-postgresql</Engine><EngineVersion>16.4</EngineVersion><EngineMode>provisioned</EngineMode>
       <StorageEncrypted>true</StorageEncrypted><KmsKeyId>${KEY_ARN}</KmsKeyId>
       <DBClusterMembers>${member('ledger-aurora-1', true)}${member('ledger-aurora-2', false)}</DBClusterMembers>
       <EnabledCloudwatchLogsExports><member>postgresql</member></EnabledCloudwatchLogsExports>
       <AutoMinorVersionUpgrade>true</AutoMinorVersionUpgrade>
       <TagList><Tag><Key>owner</Key><Value>payments</Value></Tag></TagList>`,
    ),
    next: 'bWFya2VyLTI=',
  },
  'bWFya2VyLTI=': {
    body: clusterXml(
      'orders-maz',
      `<MultiAZ>true</MultiAZ><Engine>postgres</Engine><EngineVersion>16.4</EngineVersion><EngineMode>provisioned</EngineMode>
       <StorageEncrypted>false</StorageEncrypted><PubliclyAccessible>true</PubliclyAccessible><AutoMinorVersionUpgrade>false</AutoMinorVersionUpgrade>
       <DBClusterMembers>${member('orders-maz-1', true)}${member('orders-maz-2', false)}${member('orders-maz-3', false)}</DBClusterMembers>
       <TagList/>`,
    ),
    next: 'bWFya2VyLTM=',
  },
  'bWFya2VyLTM=': {
    body: clusterXml(
      'reports-serverless',
      `<MultiAZ>false</MultiAZ><Engine>aurora-mysql</Engine><EngineVersion>5.7.mysql_aurora.2.11.4</EngineVersion><EngineMode>serverless</EngineMode>
       <Capacity>2</Capacity><StorageEncrypted>true</StorageEncrypted><KmsKeyId>${KEY_ARN}</KmsKeyId><DBClusterMembers/>`,
    ),
  },
};

function rdsError(code: string, message: string, status: number): Reply {
  return xml(
    `<ErrorResponse ${RDSNS}><Error><Type>Sender</Type><Code>${code}</Code><Message>${message}</Message></Error><RequestId>7a62c49f-347e-4fc4-9331-6e8eEXAMPLE</RequestId></ErrorResponse>`,
    status,
  );
}

function describeClusters(request: SeenRequest): Reply {
  const params = new URLSearchParams(request.body);
  if (params.get('Action') !== 'DescribeDBClusters') return rdsError('InvalidAction', 'not valid', 400);
  expect(params.get('MaxRecords')).toBe('100');
  const page = pages[params.get('Marker') ?? '']!;
  return xml(
    `<DescribeDBClustersResponse ${RDSNS}><DescribeDBClustersResult>${page.next !== undefined ? `<Marker>${page.next}</Marker>` : ''}<DBClusters>${page.body}</DBClusters></DescribeDBClustersResult><ResponseMetadata><RequestId>req</RequestId></ResponseMetadata></DescribeDBClustersResponse>`,
  );
}

describe('RDS DB clusters over HTTP', () => {
  it('reads every page off the wire', async () => {
    const http = fakeHttp(describeClusters);
    const { resources, coverage } = await runCollector(rdsDbCluster, { clients: { clientConfig: () => ({ requestHandler: http.handler }) } });
    expect(coverage).toEqual([]);
    expect(resources.map((r) => r.id)).toEqual(['ledger-aurora', 'orders-maz', 'reports-serverless']);
    expect(byId(resources, 'ledger-aurora')).toMatchObject({
      tags: { owner: 'payments' },
      createdAt: '2024-05-02T14:10:00.512Z',
      config: {
        multiAz: true,
        storageEncrypted: true,
        kmsKeyId: KEY_ARN,
        availabilityZones: ['eu-west-1a', 'eu-west-1b', 'eu-west-1c'],
        members: [
          { instanceIdentifier: 'ledger-aurora-1', isWriter: true },
          { instanceIdentifier: 'ledger-aurora-2', isWriter: false },
        ],
        cloudwatchLogsExports: ['postgresql'],
        publiclyAccessible: null,
      },
    });
    expect(byId(resources, 'orders-maz').config).toMatchObject({
      engine: 'postgres',
      publiclyAccessible: true,
      autoMinorVersionUpgrade: false,
      kmsKeyId: null,
      cloudwatchLogsExports: [],
    });
    expect(byId(resources, 'reports-serverless').config).toMatchObject({ engineMode: 'serverless', members: [], autoMinorVersionUpgrade: null });
  });

  it('reads RDS’s access denied as AccessDenied in coverage, with no clusters', async () => {
    const http = fakeHttp(() =>
      rdsError(
        'AccessDenied',
        `User: arn:aws:iam::${ACCOUNT}:role/vigil is not authorized to perform: rds:DescribeDBClusters on resource: arn:aws:rds:eu-west-1:${ACCOUNT}:cluster:*`,
        403,
      ),
    );
    const { resources, coverage } = await runCollector(rdsDbCluster, { clients: { clientConfig: () => ({ requestHandler: http.handler }) } });
    expect(resources).toEqual([]);
    expect(coverage).toEqual([
      expect.objectContaining({
        operation: 'DescribeDBClusters',
        resourceType: 'AWS::RDS::DBCluster',
        error: expect.objectContaining({ code: 'AccessDenied' }),
      }),
    ]);
  });
});
