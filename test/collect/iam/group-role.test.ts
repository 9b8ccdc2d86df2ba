import { beforeEach, describe, expect, it } from 'vitest';
import { mockClient } from 'aws-sdk-client-mock';
import { GetAccountAuthorizationDetailsCommand, IAMClient } from '@aws-sdk/client-iam';
import { unknown } from '../../../src/model/unknown.js';
import { ACCOUNT, byId, OBSERVED_AT, runCollector, sentOperations } from '../support/harness.js';
import { accessDenied, DEPLOYER, DOCS, groupArn, mockAuthorizationDetails, mockReport, PAGES, roleArn, testCollectors } from './fixtures.js';

const iam = mockClient(IAMClient);
let collectors: ReturnType<typeof testCollectors>;

beforeEach(() => {
  iam.reset();
  mockAuthorizationDetails(iam);
  mockReport(iam);
  collectors = testCollectors();
});

describe('IAM group collector', () => {
  it('normalises a group exactly; its members are the users that name it, across pages', async () => {
    const { resources, coverage } = await runCollector(collectors.group);
    expect(iam.commandCalls(GetAccountAuthorizationDetailsCommand)).toHaveLength(3);
    expect(resources.map((r) => r.id).sort()).toEqual(['admins', 'auditors', 'engineers']);
    expect(byId(resources, 'admins')).toEqual({
      arn: groupArn('admins'),
      type: 'AWS::IAM::Group',
      accountId: ACCOUNT,
      region: 'global',
      id: 'admins',
      name: 'admins',
      // IAM groups cannot be tagged.
      tags: {},
      createdAt: '2021-02-01T10:05:00.000Z',
      source: 'api',
      observedAt: OBSERVED_AT,
      config: {
        groupId: 'AGPAJ3HVGYUSCEXAMPLE2',
        path: '/',
        // bob is on page 1, carol on page 2.
        members: ['bob', 'carol'],
        attachedPolicies: [{ arn: 'arn:aws:iam::aws:policy/AdministratorAccess', name: 'AdministratorAccess' }],
        inlinePolicies: [{ name: 'deny-billing', document: DOCS.denyBilling }],
      },
    });
    expect(byId(resources, 'engineers').config.members).toEqual(['alice', 'bob']);
    expect(byId(resources, 'auditors').config).toMatchObject({ path: '/audit/', members: [] });
    expect(coverage).toEqual([]);
  });

  it('members are unknown when a page of users could not be read; the groups read are kept', async () => {
    iam.on(GetAccountAuthorizationDetailsCommand, { Marker: 'AAEAAXBhZ2UtMw==' }).rejects(accessDenied('iam:GetAccountAuthorizationDetails'));
    const { resources, coverage } = await runCollector(collectors.group);
    expect(resources.map((r) => r.id).sort()).toEqual(['admins', 'auditors', 'engineers']);
    for (const group of resources) expect(group.config.members).toEqual(unknown('AccessDenied: iam:GetAccountAuthorizationDetails'));
    expect(byId(resources, 'admins').config.attachedPolicies).toEqual([{ arn: 'arn:aws:iam::aws:policy/AdministratorAccess', name: 'AdministratorAccess' }]);
    expect(coverage).toEqual([expect.objectContaining({ operation: 'GetAccountAuthorizationDetails', resourceType: 'AWS::IAM::Group', count: 1 })]);
  });

  it('AccessDenied on the first page: no groups, and coverage says the type could not be listed', async () => {
    iam.on(GetAccountAuthorizationDetailsCommand).rejects(accessDenied('iam:GetAccountAuthorizationDetails'));
    const { resources, coverage } = await runCollector(collectors.group);
    expect(resources).toEqual([]);
    expect(coverage).toEqual([
      {
        accountId: ACCOUNT,
        region: 'us-east-1',
        service: 'iam',
        operation: 'GetAccountAuthorizationDetails',
        resourceType: 'AWS::IAM::Group',
        error: { code: 'AccessDenied', message: expect.stringContaining('iam:GetAccountAuthorizationDetails') },
        count: 1,
      },
    ]);
  });

  it('sends exactly the operations it declares', async () => {
    await runCollector(collectors.group);
    expect([...new Set(sentOperations(iam.send.getCalls()))]).toEqual(['GetAccountAuthorizationDetails']);
    expect(collectors.group.operations.map((op) => op.operation)).toEqual(['GetAccountAuthorizationDetails']);
  });
});

describe('IAM role collector', () => {
  it('normalises a role exactly: decoded trust policy, policies, tags, last use', async () => {
    const { resources, coverage } = await runCollector(collectors.role);
    expect(resources.map((r) => r.id).sort()).toEqual(['AWSServiceRoleForSupport', 'deployer']);
    expect(byId(resources, 'deployer')).toEqual({
      arn: roleArn('deployer'),
      type: 'AWS::IAM::Role',
      accountId: ACCOUNT,
      region: 'global',
      id: 'deployer',
      name: 'deployer',
      tags: { owner: 'platform' },
      createdAt: '2022-09-13T13:45:00.000Z',
      source: 'api',
      observedAt: OBSERVED_AT,
      config: {
        roleId: 'AROADBQP57FF2AEXAMPLE',
        path: '/',
        assumeRolePolicy: DOCS.trustCi,
        attachedPolicies: [{ arn: `arn:aws:iam::${ACCOUNT}:policy/deploy`, name: 'deploy' }],
        inlinePolicies: [],
        lastUsed: '2026-02-27T22:10:31.000Z',
      },
    });
    const support = byId(resources, 'AWSServiceRoleForSupport');
    expect(support.arn).toBe(roleArn('AWSServiceRoleForSupport', '/aws-service-role/support.amazonaws.com/'));
    // No date in RoleLastUsed: not used in the 400 days IAM tracks.
    expect(support.config).toMatchObject({ path: '/aws-service-role/support.amazonaws.com/', assumeRolePolicy: DOCS.trustSupport, lastUsed: null });
    expect(coverage).toEqual([]);
  });

  it('an unparsable trust policy is unknown, not absent', async () => {
    const broken = { ...DEPLOYER, AssumeRolePolicyDocument: '%7B%22Version%22%3A%222012-10-17%22%2C' };
    const page = PAGES['AAEAAXBhZ2UtMg==']!;
    mockAuthorizationDetails(iam, { ...PAGES, 'AAEAAXBhZ2UtMg==': { ...page, RoleDetailList: [broken, ...(page.RoleDetailList ?? []).slice(1)] } });
    const { resources, coverage } = await runCollector(collectors.role);
    expect(byId(resources, 'deployer').config.assumeRolePolicy).toEqual(unknown('UnparsablePolicy: iam:GetAccountAuthorizationDetails'));
    expect(byId(resources, 'deployer').config.attachedPolicies).toHaveLength(1);
    expect(coverage).toEqual([
      expect.objectContaining({
        resourceArn: roleArn('deployer'),
        error: { code: 'UnparsablePolicy', message: expect.stringMatching(/^trust policy: the policy is not valid JSON/) },
      }),
    ]);
  });

  it('an entry without its id is kept with the id unknown, and named in coverage', async () => {
    const page = PAGES['AAEAAXBhZ2UtMg==']!;
    const { RoleId: _dropped, ...withoutId } = DEPLOYER;
    mockAuthorizationDetails(iam, { ...PAGES, 'AAEAAXBhZ2UtMg==': { ...page, RoleDetailList: [withoutId, ...(page.RoleDetailList ?? []).slice(1)] } });
    const { resources, coverage } = await runCollector(collectors.role);
    expect(resources.map((r) => r.id).sort()).toEqual(['AWSServiceRoleForSupport', 'deployer']);
    expect(byId(resources, 'deployer').config.roleId).toEqual(unknown('UnexpectedResponse: iam:GetAccountAuthorizationDetails'));
    expect(coverage).toEqual([
      expect.objectContaining({ error: { code: 'UnexpectedResponse', message: 'GetAccountAuthorizationDetails returned no RoleId' } }),
    ]);
  });

  it('an entry without a name is left out and named in coverage: it cannot be told apart', async () => {
    const page = PAGES['AAEAAXBhZ2UtMg==']!;
    const { RoleName: _dropped, ...withoutName } = DEPLOYER;
    mockAuthorizationDetails(iam, { ...PAGES, 'AAEAAXBhZ2UtMg==': { ...page, RoleDetailList: [withoutName, ...(page.RoleDetailList ?? []).slice(1)] } });
    const { resources, coverage } = await runCollector(collectors.role);
    expect(resources.map((r) => r.id)).toEqual(['AWSServiceRoleForSupport']);
    expect(coverage).toEqual([
      expect.objectContaining({
        error: { code: 'UnexpectedResponse', message: `GetAccountAuthorizationDetails returned a role (${DEPLOYER.Arn}) without a name; it is left out` },
      }),
    ]);
  });

  it('sends exactly the operations it declares', async () => {
    await runCollector(collectors.role);
    expect([...new Set(sentOperations(iam.send.getCalls()))]).toEqual(collectors.role.operations.map((op) => op.operation));
  });
});
