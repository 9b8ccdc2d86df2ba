/** TLS certificates uploaded to IAM (region `global`), where load balancers predating ACM still use them. */
import { iamServerCertificate } from '../../model/builders.js';
import type { Resource, Tags } from '../../model/resource.js';
import type { AccountScope } from '../scope.js';

export interface ServerCertificateSpec {
  name: string;
  tags: Tags;
  uploadedDaysAgo: number;
  /** Days from the collection time to the certificate's notAfter; negative: it has expired. */
  expiresInDays: number;
}

export function serverCertificate(scope: AccountScope, spec: ServerCertificateSpec): Resource<'AWS::IAM::ServerCertificate'> {
  const { clock } = scope;
  const uploaded = clock.daysAgo(spec.uploadedDaysAgo);
  return iamServerCertificate(
    {
      serverCertificateName: spec.name,
      serverCertificateId: `ASCA${scope.rng.upperAlnum(17)}`,
      path: '/',
      expiration: spec.expiresInDays >= 0 ? clock.daysAhead(spec.expiresInDays) : clock.daysAgo(-spec.expiresInDays),
      uploadDate: uploaded,
    },
    scope.envelope('global', spec.name, spec.name, spec.tags, uploaded),
  );
}
