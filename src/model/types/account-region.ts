/** `AWS::Account::Region`: region-wide settings of one account, one per enabled region. */
import { Type, type Static } from '@sinclair/typebox';
import { MaybeSchema } from '../unknown.js';

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

export const AccountRegionConfig = Type.Object(
  {
    ebsEncryptionByDefault: MaybeSchema(
      Type.Object(
        { enabled: Type.Boolean(), kmsKeyId: Type.Union([Type.String(), Type.Null()]) },
        { additionalProperties: false },
      ),
    ),
    /** Empty when no recorder exists in the region. */
    configRecorders: MaybeSchema(Type.Array(ConfigRecorder)),
    /**
     * ARNs of the CloudTrail trails that log this region: the region's own trails plus the
     * multi-region and organization trails whose home is elsewhere (DescribeTrails with shadow
     * trails). The trails themselves are `AWS::CloudTrail::Trail` resources.
     */
    trailArns: MaybeSchema(Type.Array(Type.String())),
  },
  { additionalProperties: false },
);
export type AccountRegionConfig = Static<typeof AccountRegionConfig>;
