/** `AWS::Account::Region`: region-wide settings of one account, one per enabled region. */
import { Type, type Static } from '@sinclair/typebox';
import { IsoDate } from '../../common.js';
import { MaybeSchema } from '../../unknown.js';
import { defineResourceType } from '../../resource-type.js';
import { DEFAULT_REGION } from '../../example-defaults.js';

export const ConfigRecorder = Type.Object(
  {
    name: Type.String(),
    recording: Type.Boolean(),
    allSupported: Type.Boolean(),
    includeGlobalResourceTypes: Type.Boolean(),
    lastStatus: Type.Union([Type.Literal('SUCCESS'), Type.Literal('FAILURE'), Type.Literal('PENDING'), Type.Null()]),
  },
  { additionalProperties: false },
);
export type ConfigRecorder = Static<typeof ConfigRecorder>;

/** An IAM Access Analyzer analyzer of the region (ListAnalyzers). */
export const AccessAnalyzer = Type.Object(
  {
    name: Type.String(),
    /** ACCOUNT, ORGANIZATION (external access), ACCOUNT_UNUSED_ACCESS, ORGANIZATION_UNUSED_ACCESS, ..._INTERNAL_ACCESS ... */
    type: Type.String(),
    status: Type.Union([Type.Literal('ACTIVE'), Type.Literal('CREATING'), Type.Literal('DISABLED'), Type.Literal('FAILED')]),
  },
  { additionalProperties: false },
);
export type AccessAnalyzer = Static<typeof AccessAnalyzer>;

/** The region's Security Hub subscription (DescribeHub). */
export const SecurityHubSubscription = Type.Object(
  { hubArn: Type.String(), subscribedAt: IsoDate, autoEnableControls: Type.Boolean() },
  { additionalProperties: false },
);
export type SecurityHubSubscription = Static<typeof SecurityHubSubscription>;

export const AccountRegionConfig = Type.Object(
  {
    ebsEncryptionByDefault: MaybeSchema(
      Type.Object({ enabled: Type.Boolean(), kmsKeyId: Type.Union([Type.String(), Type.Null()]) }, { additionalProperties: false }),
    ),
    /** Empty when no recorder exists in the region. */
    configRecorders: MaybeSchema(Type.Array(ConfigRecorder)),
    /**
     * ARNs of the CloudTrail trails that log this region: the region's own trails plus the
     * multi-region and organization trails whose home is elsewhere (DescribeTrails with shadow
     * trails). The trails themselves are `AWS::CloudTrail::Trail` resources.
     */
    trailArns: MaybeSchema(Type.Array(Type.String())),
    /** Every analyzer of the region, of any type and status; empty when there is none. */
    accessAnalyzers: MaybeSchema(Type.Array(AccessAnalyzer)),
    /** null: the account is not subscribed to Security Hub in the region. */
    securityHub: MaybeSchema(Type.Union([SecurityHubSubscription, Type.Null()])),
  },
  { additionalProperties: false },
);
export type AccountRegionConfig = Static<typeof AccountRegionConfig>;

export default defineResourceType({
  type: 'AWS::Account::Region',
  config: AccountRegionConfig,
  arn: ({ partition, accountId, region }) => `arn:${partition}::${region}:${accountId}`,
  example: {
    id: ({ region }) => region,
    config: ({ accountId, region }) => ({
      ebsEncryptionByDefault: { enabled: true, kmsKeyId: null },
      configRecorders: [{ name: 'default', recording: true, allSupported: true, includeGlobalResourceTypes: true, lastStatus: 'SUCCESS' }],
      // The multi-region trail of the trail example.
      trailArns: [`arn:aws:cloudtrail:${DEFAULT_REGION}:${accountId}:trail/organization-trail`],
      accessAnalyzers: [{ name: 'ConsoleAnalyzer', type: 'ACCOUNT', status: 'ACTIVE' }],
      securityHub: { hubArn: `arn:aws:securityhub:${region}:${accountId}:hub/default`, subscribedAt: '2025-01-15T09:30:00.000Z', autoEnableControls: true },
    }),
  },
});
