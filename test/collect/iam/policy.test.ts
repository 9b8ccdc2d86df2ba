import { beforeEach, describe, expect, it } from 'vitest';
import { mockClient } from 'aws-sdk-client-mock';
import { IAMClient, ListPolicyTagsCommand, GetAccountAuthorizationDetailsCommand } from '@aws-sdk/client-iam';
import { unknown } from '../../../src/model/unknown.js';
import { ACCOUNT, byId, OBSERVED_AT, runCollector, sentOperations } from '../support/harness.js';
import {
  $metadata,
  accessDenied,
  customerPolicyArn,
  DEPLOY_POLICY,
  DOCS,
  mockAuthorizationDetails,
  mockReport,
  PAGES,
  READ_ONLY,
  testCollectors,
  UNUSED_AWS,
} from './fixtures.js';

const iam = mockClient(IAMClient);
let collectors: ReturnType<typeof testCollectors>;

const TAG_PAGES = [[{ Key: 'owner', Value: 'platform' }], [{ Key: 'change', Value: 'CHG-1042' }], [{ Key: 'reviewed', Value: '' }]];

beforeEach(() => {
  iam.reset();
  mockAuthorizationDetails(iam);
  mockReport(iam);
  iam.on(ListPolicyTagsCommand).callsFake((input: { PolicyArn: string; Marker?: string }) => {
    if (input.PolicyArn !== customerPolicyArn('deploy')) return { Tags: [], IsTruncated: false, $metadata };
    const index = input.Marker === undefined ? 0 : Number(input.Marker.replace('tags-', ''));
    const last = index === TAG_PAGES.length - 1;
    return { Tags: TAG_PAGES[index], IsTruncated: !last, ...(last ? {} : { Marker: `tags-${index + 1}` }), $metadata };
  });
  collectors = testCollectors();
});

describe('IAM policy collector', () => {
  it('normalises a customer-managed policy exactly: default version decoded, attachments from users, groups and roles', async () => {
    const { resources, coverage } = await runCollector(collectors.policy);
    expect(byId(resources, 'deploy')).toEqual({
      arn: customerPolicyArn('deploy'),
      type: 'AWS::IAM::Policy',
      accountId: ACCOUNT,
      region: 'global',
      id: 'deploy',
      name: 'deploy',
      tags: { owner: 'platform', change: 'CHG-1042', reviewed: '' },
      createdAt: '2022-09-13T13:40:00.000Z',
      source: 'api',
      observedAt: OBSERVED_AT,
      config: {
        policyId: 'ANPAJ2UCCR6DPCEXAMPLE',
        path: '/',
        awsManaged: false,
        defaultVersionId: 'v2',
        document: DOCS.deployV2,
        attachedTo: { users: ['carol'], groups: [], roles: ['deployer'] },
      },
    });
    expect(iam.commandCalls(ListPolicyTagsCommand, { PolicyArn: customerPolicyArn('deploy') })).toHaveLength(3);
    expect(coverage).toEqual([]);
  });

  it('keeps AWS-managed policies only when attached; they carry no tags and are never asked for them', async () => {
    const { resources } = await runCollector(collectors.policy);
    expect(resources.map((r) => r.arn)).toEqual([
      customerPolicyArn('deploy'),
      'arn:aws:iam::aws:policy/AdministratorAccess',
      'arn:aws:iam::aws:policy/ReadOnlyAccess',
      'arn:aws:iam::aws:policy/aws-service-role/AWSSupportServiceRolePolicy',
    ]);
    const readOnly = byId(resources, 'ReadOnlyAccess');
    expect(readOnly.tags).toEqual({});
    expect(readOnly.config).toEqual({
      policyId: readOnly.config.policyId,
      path: '/',
      awsManaged: true,
      defaultVersionId: 'v7',
      document: DOCS.readOnly,
      attachedTo: { users: ['alice'], groups: ['engineers'], roles: [] },
    });
    expect(byId(resources, 'AWSSupportServiceRolePolicy').config.attachedTo).toEqual({ users: [], groups: [], roles: ['AWSServiceRoleForSupport'] });
    expect(iam.commandCalls(ListPolicyTagsCommand).map((call) => call.args[0].input.PolicyArn)).toEqual([
      customerPolicyArn('deploy'),
      customerPolicyArn('deploy'),
      customerPolicyArn('deploy'),
    ]);
  });

  it('attachments are unknown when a page could not be read; the policies read are kept, AWS-managed ones by their attachment count', async () => {
    // IAM may return policies on any page: here the first, and the third page fails.
    mockAuthorizationDetails(iam, { ...PAGES, '': { ...PAGES['']!, Policies: [DEPLOY_POLICY, READ_ONLY, UNUSED_AWS] } });
    iam.on(GetAccountAuthorizationDetailsCommand, { Marker: 'AAEAAXBhZ2UtMw==' }).rejects(accessDenied('iam:GetAccountAuthorizationDetails'));
    const { resources, coverage } = await runCollector(collectors.policy);
    expect(resources.map((r) => r.id)).toEqual(['deploy', 'ReadOnlyAccess']);
    for (const policy of resources) expect(policy.config.attachedTo).toEqual(unknown('AccessDenied: iam:GetAccountAuthorizationDetails'));
    expect(byId(resources, 'deploy').config.document).toEqual(DOCS.deployV2);
    expect(coverage).toEqual([expect.objectContaining({ operation: 'GetAccountAuthorizationDetails', resourceType: 'AWS::IAM::Policy', count: 1 })]);
  });

  it('an unparsable default version is unknown; the default version is the one marked so', async () => {
    const broken = {
      ...DEPLOY_POLICY,
      PolicyVersionList: [
        { Document: '%7B%22Version%22%3A', VersionId: 'v2', IsDefaultVersion: true, CreateDate: new Date('2025-01-08T11:00:00Z') },
        ...(DEPLOY_POLICY.PolicyVersionList ?? []).slice(1),
      ],
    };
    mockAuthorizationDetails(iam, { ...PAGES, 'AAEAAXBhZ2UtMw==': { ...PAGES['AAEAAXBhZ2UtMw==']!, Policies: [broken] } });
    const { resources, coverage } = await runCollector(collectors.policy);
    expect(byId(resources, 'deploy').config.document).toEqual(unknown('UnparsablePolicy: iam:GetAccountAuthorizationDetails'));
    expect(coverage).toEqual([
      expect.objectContaining({
        resourceArn: customerPolicyArn('deploy'),
        error: { code: 'UnparsablePolicy', message: expect.stringMatching(/^policy version v2: /) },
      }),
    ]);
  });

  it('AccessDenied on one policy’s tags: its tags are unknown, the rest is collected', async () => {
    iam.on(ListPolicyTagsCommand, { PolicyArn: customerPolicyArn('deploy') }).rejects(accessDenied('iam:ListPolicyTags'));
    const { resources, coverage } = await runCollector(collectors.policy);
    expect(byId(resources, 'deploy').tags).toEqual(unknown('AccessDenied: iam:ListPolicyTags'));
    expect(byId(resources, 'deploy').config.document).toEqual(DOCS.deployV2);
    expect(coverage).toEqual([expect.objectContaining({ operation: 'ListPolicyTags', resourceArn: customerPolicyArn('deploy') })]);
  });

  it('does not ask for tags when no selected insight reads them', async () => {
    const { resources } = await runCollector(collectors.policy, { fields: ['document', 'awsManaged'] });
    expect(new Set(sentOperations(iam.send.getCalls()))).toEqual(new Set(['GetAccountAuthorizationDetails']));
    expect(byId(resources, 'deploy').tags).toEqual(unknown('NotCollected: iam:ListPolicyTags'));
    expect(byId(resources, 'ReadOnlyAccess').tags).toEqual({});
  });

  it('sends exactly the operations it declares', async () => {
    await runCollector(collectors.policy);
    expect([...new Set(sentOperations(iam.send.getCalls()))].sort()).toEqual(collectors.policy.operations.map((op) => op.operation).sort());
  });
});
