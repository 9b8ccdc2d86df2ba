/**
 * `AWS::IAM::ServerCertificate` (global, region `global`): an SSL/TLS certificate uploaded to IAM
 * (IAM ListServerCertificates), used by load balancers and CloudFront where ACM is not.
 */
import { Type, type Static } from '@sinclair/typebox';
import { MaybeSchema } from '../../unknown.js';
import { IsoDate } from '../../common.js';
import { defineResourceType } from '../../resource-type.js';
import { DEFAULT_TIME } from '../../example-defaults.js';

export const IamServerCertificateConfig = Type.Object(
  {
    serverCertificateName: Type.String(),
    serverCertificateId: Type.String(),
    path: Type.String(),
    /** When the certificate stops being valid (its notAfter). */
    expiration: MaybeSchema(IsoDate),
    uploadDate: MaybeSchema(IsoDate),
  },
  { additionalProperties: false },
);
export type IamServerCertificateConfig = Static<typeof IamServerCertificateConfig>;

export default defineResourceType({
  type: 'AWS::IAM::ServerCertificate',
  config: IamServerCertificateConfig,
  global: true,
  arn: ({ partition, accountId, id }) => `arn:${partition}:iam::${accountId}:server-certificate/${id}`,
  placeholders: { '<certificate-name>': 'id' },
  example: {
    id: (_at, overrides) => overrides.serverCertificateName ?? 'www-example-com',
    config: ({ id }) => ({
      serverCertificateName: id,
      serverCertificateId: 'ASCAEXAMPLECERTID0001',
      path: '/',
      // Valid until 2027, well after the test clock.
      expiration: '2027-01-15T12:00:00.000Z',
      uploadDate: DEFAULT_TIME,
    }),
  },
});
