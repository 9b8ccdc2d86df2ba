/**
 * `AWS::IAM::ServerCertificate` (global, region `global`): an SSL/TLS certificate uploaded to IAM
 * (IAM ListServerCertificates), used by load balancers and CloudFront where ACM is not.
 */
import { Type, type Static } from '@sinclair/typebox';
import { MaybeSchema } from '../unknown.js';
import { IsoDate } from '../common.js';

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
