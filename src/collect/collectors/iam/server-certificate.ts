/**
 * `AWS::IAM::ServerCertificate`: every page of ListServerCertificates (Marker / IsTruncated), whose
 * metadata carries the ARN, path, upload date and expiration. Tags take ListServerCertificateTags
 * per certificate, sent only when the selection reads tags.
 */
import { ListServerCertificatesCommand, ListServerCertificateTagsCommand, type ServerCertificateMetadata } from '@aws-sdk/client-iam';
import { arnFor } from '../../../model/arn.js';
import { GLOBAL_REGION, type Tags } from '../../../model/resource.js';
import type { Maybe } from '../../../model/unknown.js';
import type { CallRef, CollectContext, ResourceRef } from '../../contract/collect-context.js';
import { defineCollector } from '../../contract/collector.js';
import { isoDate, uniqueBy } from '../../contract/normalise.js';
import { readAllPages } from '../../contract/paginate.js';
import { absentFrom, leftOut, missing, reported } from '../../contract/reported.js';
import { iamTags } from './entity.js';

type Ctx = CollectContext<'AWS::IAM::ServerCertificate'>;

/** ListServerCertificates' and ListServerCertificateTags' MaxItems is 1 to 1000. */
const PAGE_SIZE = 1000;

/** An ISO date of the response, or unknown (recorded) when it is absent or invalid. */
function date(ctx: Ctx, call: CallRef, value: Date | undefined, field: string, ref: ResourceRef): Maybe<string> {
  return isoDate(value) ?? missing(ctx, call, field, ref);
}

async function tags(ctx: Ctx, name: string, ref: ResourceRef): Promise<Maybe<Tags>> {
  if (!ctx.runs('ListServerCertificateTags')) return ctx.notCollected('ListServerCertificateTags');
  const pages = await readAllPages(ctx, {
    command: (marker) =>
      new ListServerCertificateTagsCommand({ ServerCertificateName: name, MaxItems: PAGE_SIZE, ...(marker !== undefined ? { Marker: marker } : {}) }),
    items: (page) => page.Tags,
    next: (page) => ({ token: page.IsTruncated === true ? page.Marker : undefined, truncated: page.IsTruncated === true }),
    resource: ref,
  });
  return pages.unknown ?? iamTags(pages.items);
}

async function emitCertificate(ctx: Ctx, certificate: ServerCertificateMetadata, call: CallRef): Promise<void> {
  const name = certificate.ServerCertificateName;
  if (name === undefined) {
    // The name is the certificate's identity in the account: without it there is no resource to keep a finding on.
    const problem = absentFrom(call, 'ServerCertificateName', certificate.ServerCertificateId ?? '(unnamed)');
    leftOut(ctx, call, problem, certificate.Arn !== undefined ? { arn: certificate.Arn } : {});
    return;
  }
  // An IAM ARN holds the path: server-certificate/cloudfront/web.
  const arn =
    certificate.Arn ?? arnFor('AWS::IAM::ServerCertificate', ctx.accountId, GLOBAL_REGION, `${(certificate.Path ?? '/').slice(1)}${name}`, ctx.partition);
  const ref: ResourceRef = { arn };
  const uploadDate = date(ctx, call, certificate.UploadDate, 'UploadDate', ref);
  const resource = ctx.resource({
    arn,
    region: GLOBAL_REGION,
    id: name,
    tags: await tags(ctx, name, ref),
    config: {
      serverCertificateName: name,
      serverCertificateId: reported(ctx, call, certificate.ServerCertificateId, 'ServerCertificateId', ref),
      path: reported(ctx, call, certificate.Path, 'Path', ref),
      expiration: date(ctx, call, certificate.Expiration, 'Expiration', ref),
      uploadDate,
    },
  });
  if (typeof uploadDate === 'string') resource.createdAt = uploadDate;
  ctx.emit(resource);
}

export default defineCollector({
  resourceType: 'AWS::IAM::ServerCertificate',
  service: 'iam',
  scope: 'account',
  operations: [
    {
      operation: 'ListServerCertificates',
      iamAction: 'iam:ListServerCertificates',
      fills: ['serverCertificateName', 'serverCertificateId', 'path', 'expiration', 'uploadDate', 'name', 'createdAt'],
      required: true,
      lists: true,
    },
    { operation: 'ListServerCertificateTags', iamAction: 'iam:ListServerCertificateTags', fills: ['tags'] },
  ],
  async collect(ctx) {
    const listed = await readAllPages(ctx, {
      command: (marker) => new ListServerCertificatesCommand({ MaxItems: PAGE_SIZE, ...(marker !== undefined ? { Marker: marker } : {}) }),
      items: (page) => page.ServerCertificateMetadataList,
      next: (page) => ({ token: page.IsTruncated === true ? page.Marker : undefined, truncated: page.IsTruncated === true }),
    });
    const call: CallRef = { service: 'iam', operation: 'ListServerCertificates', region: ctx.region };
    // A name is unique in the account; an entry without one is kept, to be left out with a coverage entry.
    const certificates = uniqueBy(listed.items, (certificate) => certificate.ServerCertificateName ?? certificate.Arn ?? certificate.ServerCertificateId ?? '');
    await Promise.all(certificates.map((certificate) => emitCertificate(ctx, certificate, call)));
  },
});
