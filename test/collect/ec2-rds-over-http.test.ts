/**
 * The compute collectors through real SDK clients, answered at the HTTP layer in the wire formats
 * the API references document: EC2's query protocol (lower-camel XML, `item` lists, errors in
 * `Response/Errors/Error`, throttling as RequestLimitExceeded) and RDS's (`<Op>Result` XML, errors
 * in `ErrorResponse/Error`). This is where the SDK's own reading of error codes is checked:
 * access denied is `UnauthorizedOperation` in EC2 and `AccessDenied` in RDS, and a deleted snapshot
 * comes back as the modelled DBSnapshotNotFoundFault carrying the wire code DBSnapshotNotFound.
 */
import { describe, expect, it } from 'vitest';
import ec2SecurityGroup from '../../src/collect/collectors/ec2/security-group.js';
import ec2Volume from '../../src/collect/collectors/ec2/volume.js';
import rdsDbSnapshot from '../../src/collect/collectors/rds/db-snapshot.js';
import { CallStats } from '../../src/collect/aws/call-stats.js';
import { unknown } from '../../src/model/unknown.js';
import { fakeHttp, xml, type Reply, type SeenRequest } from './support/fake-http.js';
import { ACCOUNT, byId, runCollector } from './support/harness.js';

const EC2NS = 'xmlns="http://ec2.amazonaws.com/doc/2016-11-15/"';
const RDSNS = 'xmlns="http://rds.amazonaws.com/doc/2014-10-31/"';

function form(request: SeenRequest): URLSearchParams {
  return new URLSearchParams(request.body);
}

function ec2Error(code: string, message: string, status: number): Reply {
  return xml(
    `<Response><Errors><Error><Code>${code}</Code><Message>${message}</Message></Error></Errors><RequestID>5c4e4b3a-3c7e-4f1b-9d2a-0b1c2d3e4f50</RequestID></Response>`,
    status,
  );
}

function rdsError(code: string, message: string, status: number): Reply {
  return xml(
    `<ErrorResponse ${RDSNS}><Error><Type>Sender</Type><Code>${code}</Code><Message>${message}</Message></Error><RequestId>7a62c49f-347e-4fc4-9331-6e8eEXAMPLE</RequestId></ErrorResponse>`,
    status,
  );
}

describe('EC2 over HTTP', () => {
  const pages: Record<string, { body: string; next?: string }> = {
    '': {
      body: `<item>
          <ownerId>${ACCOUNT}</ownerId>
          <groupId>sg-0a1b2c3d4e5f60001</groupId>
          <groupName>web-public</groupName>
          <groupDescription>Public HTTPS and the app port range</groupDescription>
          <vpcId>vpc-0a1b2c3d</vpcId>
          <securityGroupArn>arn:aws:ec2:eu-west-1:${ACCOUNT}:security-group/sg-0a1b2c3d4e5f60001</securityGroupArn>
          <ipPermissions>
            <item>
              <ipProtocol>tcp</ipProtocol><fromPort>8000</fromPort><toPort>8100</toPort>
              <groups/>
              <ipRanges><item><cidrIp>0.0.0.0/0</cidrIp><description>app</description></item></ipRanges>
              <ipv6Ranges><item><cidrIpv6>2001:db8:1234::/48</cidrIpv6></item></ipv6Ranges>
              <prefixListIds><item><prefixListId>pl-0123456789abcdef0</prefixListId></item></prefixListIds>
            </item>
          </ipPermissions>
          <ipPermissionsEgress>
            <item><ipProtocol>-1</ipProtocol><groups/><ipRanges><item><cidrIp>0.0.0.0/0</cidrIp></item></ipRanges><ipv6Ranges/><prefixListIds/></item>
          </ipPermissionsEgress>
          <tagSet><item><key>owner</key><value>platform</value></item></tagSet>
        </item>`,
      next: 'eyJ2IjoiMiJ9',
    },
    eyJ2IjoiMiJ9: {
      body: `<item>
          <ownerId>${ACCOUNT}</ownerId>
          <groupId>sg-0a1b2c3d4e5f60002</groupId>
          <groupName>ledger-db</groupName>
          <groupDescription>Postgres from the web tier</groupDescription>
          <vpcId>vpc-0a1b2c3d</vpcId>
          <ipPermissions>
            <item>
              <ipProtocol>tcp</ipProtocol><fromPort>5432</fromPort><toPort>5432</toPort>
              <groups><item><userId>${ACCOUNT}</userId><groupId>sg-0a1b2c3d4e5f60001</groupId></item></groups>
              <ipRanges/><ipv6Ranges/><prefixListIds/>
            </item>
          </ipPermissions>
          <ipPermissionsEgress/>
        </item>`,
      next: 'eyJ2IjoiMyJ9',
    },
    eyJ2IjoiMyJ9: { body: '' },
  };
  let limited = false;

  function ec2(request: SeenRequest): Reply {
    const params = form(request);
    switch (params.get('Action')) {
      case 'DescribeSecurityGroups': {
        expect(params.get('MaxResults')).toBe('1000');
        const token = params.get('NextToken') ?? '';
        if (token === 'eyJ2IjoiMiJ9' && !limited) {
          limited = true;
          return ec2Error('RequestLimitExceeded', 'Request limit exceeded.', 503);
        }
        const page = pages[token]!;
        return xml(
          `<DescribeSecurityGroupsResponse ${EC2NS}><requestId>59dbff89-35bd-4eac-99ed-be587EXAMPLE</requestId><securityGroupInfo>${page.body}</securityGroupInfo>${page.next !== undefined ? `<nextToken>${page.next}</nextToken>` : ''}</DescribeSecurityGroupsResponse>`,
        );
      }
      case 'DescribeVolumes':
        return ec2Error(
          'UnauthorizedOperation',
          `You are not authorized to perform this operation. User: arn:aws:iam::${ACCOUNT}:role/vigil is not authorized to perform: ec2:DescribeVolumes because no identity-based policy allows the ec2:DescribeVolumes action`,
          403,
        );
      default:
        return ec2Error('InvalidAction', `The action ${String(params.get('Action'))} is not valid for this web service.`, 400);
    }
  }

  it('reads security group pages and rules off the wire; a throttle is retried by the SDK', async () => {
    const http = fakeHttp(ec2);
    const stats = new CallStats();
    const { resources, coverage } = await runCollector(ec2SecurityGroup, { clients: { stats, clientConfig: () => ({ requestHandler: http.handler }) } });
    expect(coverage).toEqual([]);
    expect(resources.map((r) => r.id)).toEqual(['sg-0a1b2c3d4e5f60001', 'sg-0a1b2c3d4e5f60002']);
    expect(byId(resources, 'sg-0a1b2c3d4e5f60001').config).toEqual({
      groupId: 'sg-0a1b2c3d4e5f60001',
      ownerId: ACCOUNT,
      groupName: 'web-public',
      description: 'Public HTTPS and the app port range',
      vpcId: 'vpc-0a1b2c3d',
      ingress: [
        {
          protocol: 'tcp',
          fromPort: 8000,
          toPort: 8100,
          ipv4Ranges: ['0.0.0.0/0'],
          ipv6Ranges: ['2001:db8:1234::/48'],
          prefixListIds: ['pl-0123456789abcdef0'],
          referencedGroupIds: [],
        },
      ],
      egress: [{ protocol: '-1', fromPort: null, toPort: null, ipv4Ranges: ['0.0.0.0/0'], ipv6Ranges: [], prefixListIds: [], referencedGroupIds: [] }],
    });
    expect(byId(resources, 'sg-0a1b2c3d4e5f60001').tags).toEqual({ owner: 'platform' });
    expect(byId(resources, 'sg-0a1b2c3d4e5f60002').config).toMatchObject({
      ingress: [
        { protocol: 'tcp', fromPort: 5432, toPort: 5432, ipv4Ranges: [], ipv6Ranges: [], prefixListIds: [], referencedGroupIds: ['sg-0a1b2c3d4e5f60001'] },
      ],
      egress: [],
    });
    // No ARN in the second group's answer: built from its owner.
    expect(byId(resources, 'sg-0a1b2c3d4e5f60002').arn).toBe(`arn:aws:ec2:eu-west-1:${ACCOUNT}:security-group/sg-0a1b2c3d4e5f60002`);
    expect(stats.byOperation()['ec2:DescribeSecurityGroups']).toEqual({ calls: 3, attempts: 4, throttles: 1, failures: 0, retries: 1 });
  });

  it('reads EC2’s access denied as UnauthorizedOperation', async () => {
    const http = fakeHttp(ec2);
    const { resources, coverage } = await runCollector(ec2Volume, { clients: { clientConfig: () => ({ requestHandler: http.handler }) } });
    expect(resources).toEqual([]);
    expect(coverage).toEqual([
      expect.objectContaining({
        service: 'ec2',
        operation: 'DescribeVolumes',
        error: { code: 'UnauthorizedOperation', message: expect.stringContaining('is not authorized to perform: ec2:DescribeVolumes') },
      }),
    ]);
    // An authorisation failure is final: not retried.
    expect(http.requests).toHaveLength(1);
  });
});

describe('RDS over HTTP', () => {
  const snapshotXml = (id: string, type: string, extra = '') => `<DBSnapshot>
      <DBSnapshotIdentifier>${id}</DBSnapshotIdentifier>
      <DBInstanceIdentifier>ledger-prod</DBInstanceIdentifier>
      <SnapshotCreateTime>2026-02-20T03:10:00.123Z</SnapshotCreateTime>
      <Engine>postgres</Engine>
      <EngineVersion>16.4</EngineVersion>
      <AllocatedStorage>100</AllocatedStorage>
      <Status>available</Status>
      <Port>5432</Port>
      <SnapshotType>${type}</SnapshotType>
      <DBSnapshotArn>arn:aws:rds:eu-west-1:${ACCOUNT}:snapshot:${id}</DBSnapshotArn>
      ${extra}
    </DBSnapshot>`;
  const pages: Record<string, { body: string; next?: string }> = {
    '': {
      body: snapshotXml(
        'ledger-shared',
        'manual',
        `<Encrypted>true</Encrypted><KmsKeyId>arn:aws:kms:eu-west-1:${ACCOUNT}:key/1234abcd-12ab-34cd-56ef-1234567890ab</KmsKeyId><TagList><Tag><Key>owner</Key><Value>payments</Value></Tag></TagList>`,
      ),
      next: 'bWFya2VyLTI=',
    },
    'bWFya2VyLTI=': { body: snapshotXml('demo-public', 'manual', '<Encrypted>false</Encrypted><TagList/>'), next: 'bWFya2VyLTM=' },
    'bWFya2VyLTM=': {
      body: [
        snapshotXml('rds:ledger-prod-2026-02-28-03-10', 'automated', '<Encrypted>false</Encrypted>'),
        snapshotXml('denied-snap', 'manual', '<Encrypted>false</Encrypted>'),
        snapshotXml('deleted-meanwhile', 'manual', '<Encrypted>false</Encrypted>'),
      ].join(''),
    },
  };
  const restore: Record<string, string[]> = { 'ledger-shared': ['444455556666'], 'demo-public': ['all'] };
  let throttled = false;

  function rds(request: SeenRequest): Reply {
    const params = form(request);
    switch (params.get('Action')) {
      case 'DescribeDBSnapshots': {
        expect(params.get('IncludeShared')).toBe('false');
        expect(params.get('IncludePublic')).toBe('false');
        const page = pages[params.get('Marker') ?? '']!;
        return xml(
          `<DescribeDBSnapshotsResponse ${RDSNS}><DescribeDBSnapshotsResult>${page.next !== undefined ? `<Marker>${page.next}</Marker>` : ''}<DBSnapshots>${page.body}</DBSnapshots></DescribeDBSnapshotsResult><ResponseMetadata><RequestId>req</RequestId></ResponseMetadata></DescribeDBSnapshotsResponse>`,
        );
      }
      case 'DescribeDBSnapshotAttributes': {
        const id = params.get('DBSnapshotIdentifier')!;
        if (id === 'demo-public' && !throttled) {
          throttled = true;
          return rdsError('Throttling', 'Rate exceeded', 400);
        }
        if (id === 'denied-snap') {
          return rdsError(
            'AccessDenied',
            `User: arn:aws:iam::${ACCOUNT}:role/vigil is not authorized to perform: rds:DescribeDBSnapshotAttributes on resource: arn:aws:rds:eu-west-1:${ACCOUNT}:snapshot:denied-snap`,
            403,
          );
        }
        const values = restore[id];
        if (values === undefined) return rdsError('DBSnapshotNotFound', `DBSnapshot ${id} not found.`, 404);
        return xml(
          `<DescribeDBSnapshotAttributesResponse ${RDSNS}><DescribeDBSnapshotAttributesResult><DBSnapshotAttributesResult><DBSnapshotAttributes><DBSnapshotAttribute><AttributeName>restore</AttributeName><AttributeValues>${values.map((v) => `<AttributeValue>${v}</AttributeValue>`).join('')}</AttributeValues></DBSnapshotAttribute></DBSnapshotAttributes><DBSnapshotIdentifier>${id}</DBSnapshotIdentifier></DBSnapshotAttributesResult></DescribeDBSnapshotAttributesResult><ResponseMetadata><RequestId>req</RequestId></ResponseMetadata></DescribeDBSnapshotAttributesResponse>`,
        );
      }
      default:
        return rdsError('InvalidAction', 'not valid', 400);
    }
  }

  it('reads snapshots and restore lists off the wire: a throttle retried, an AccessDenied, a snapshot deleted meanwhile', async () => {
    const http = fakeHttp(rds);
    const stats = new CallStats();
    const { resources, coverage } = await runCollector(rdsDbSnapshot, { clients: { stats, clientConfig: () => ({ requestHandler: http.handler }) } });
    expect(resources.map((r) => r.id)).toEqual(['demo-public', 'denied-snap', 'ledger-shared', 'rds:ledger-prod-2026-02-28-03-10']);
    expect(byId(resources, 'ledger-shared')).toMatchObject({
      tags: { owner: 'payments' },
      createdAt: '2026-02-20T03:10:00.123Z',
      config: { encrypted: true, restoreAccounts: ['444455556666'], snapshotCreateTime: '2026-02-20T03:10:00.123Z', snapshotType: 'manual' },
    });
    expect(byId(resources, 'demo-public').config).toMatchObject({ restoreAccounts: ['all'], kmsKeyId: null });
    expect(byId(resources, 'denied-snap').config.restoreAccounts).toEqual(unknown('AccessDenied: rds:DescribeDBSnapshotAttributes'));
    expect(byId(resources, 'rds:ledger-prod-2026-02-28-03-10').config.restoreAccounts).toEqual([]);
    expect(coverage).toEqual([
      expect.objectContaining({
        operation: 'DescribeDBSnapshotAttributes',
        resourceArn: `arn:aws:rds:eu-west-1:${ACCOUNT}:snapshot:denied-snap`,
        error: expect.objectContaining({ code: 'AccessDenied' }),
      }),
      expect.objectContaining({
        operation: 'DescribeDBSnapshotAttributes',
        resourceArn: `arn:aws:rds:eu-west-1:${ACCOUNT}:snapshot:deleted-meanwhile`,
        error: { code: 'DBSnapshotNotFound', message: expect.stringContaining('left out') },
      }),
    ]);
    expect(stats.byOperation()).toEqual({
      'rds:DescribeDBSnapshots': { calls: 3, attempts: 3, throttles: 0, failures: 0, retries: 0 },
      'rds:DescribeDBSnapshotAttributes': { calls: 4, attempts: 5, throttles: 1, failures: 2, retries: 1 },
    });
  });
});
