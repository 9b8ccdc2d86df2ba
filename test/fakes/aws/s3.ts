/**
 * S3 (REST-XML): ListBuckets (pages, `BucketRegion` on every entry, as AWS lists today) at the
 * home-region endpoint; each bucket's sub-documents at `<bucket>.s3.<region>.amazonaws.com`, or
 * path-style (`/<bucket>?policy`) at an AWS-compatible endpoint, the region then taken from the
 * request's signature. A
 * sub-document asked of the wrong region gets S3's 301 PermanentRedirect; a sub-document the bucket
 * does not have gets its documented 404 ("not configured") code. PutPublicAccessBlock,
 * PutBucketPolicy, DeleteBucketPolicy, PutBucketAcl and PutBucketTagging change the bucket.
 */
import type { AclGrantRecord, Bucket, SyntheticAccount } from './account.js';
import { change } from './state.js';
import { esc, page, pageSize, restXmlError, val, xmlReply, type Reply, type ServiceHandler, type WireRequest } from './wire.js';

const NS = 'xmlns="http://s3.amazonaws.com/doc/2006-03-01/"';
const XSI = 'xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance"';
export const OWNER_ID = '79a59df900b949e55d96a1e698fbacedfd6e09d98eacf8f8d5218e7cd47ef2be';

const notFound = (code: string, message: string) => restXmlError(code, message, 404);

function listBuckets(account: SyntheticAccount, query: Record<string, string | string[] | null>): Reply {
  const token = query['continuation-token'];
  const { items, next } = page(
    account.buckets,
    typeof token === 'string' ? token : undefined,
    pageSize(query['max-buckets'] as string | undefined, 10_000, 10_000),
  );
  const entries = items.map((b) => `<Bucket>${val('Name', b.name)}${val('CreationDate', b.createdAt)}${val('BucketRegion', b.region)}</Bucket>`).join('');
  return xmlReply(
    `<ListAllMyBucketsResult ${NS}><Buckets>${entries}</Buckets><Owner><DisplayName>platform</DisplayName><ID>${OWNER_ID}</ID></Owner>` +
      `${val('ContinuationToken', next)}</ListAllMyBucketsResult>`,
  );
}

/** The bucket's policy document (AWS Config records the same text). */
export function bucketPolicyText(b: Bucket, accountId: string): string {
  if (b.policyDocument !== undefined) return b.policyDocument;
  return JSON.stringify({
    Version: '2012-10-17',
    Statement: [
      {
        Sid: 'TlsOnly',
        Effect: 'Deny',
        Principal: '*',
        Action: 's3:*',
        Resource: [`arn:aws:s3:::${b.name}`, `arn:aws:s3:::${b.name}/*`],
        Condition: { Bool: { 'aws:SecureTransport': 'false' } },
      },
      {
        Sid: 'Readers',
        Effect: 'Allow',
        Principal: { AWS: `arn:aws:iam::${accountId}:role/app-role-1` },
        Action: 's3:GetObject',
        Resource: `arn:aws:s3:::${b.name}/*`,
      },
    ],
  });
}

function policy(b: Bucket, accountId: string): Reply {
  if (!b.policy) return notFound('NoSuchBucketPolicy', 'The bucket policy does not exist');
  return { status: 200, headers: { 'content-type': 'application/json' }, body: bucketPolicyText(b, accountId) };
}

function subDocument(b: Bucket, accountId: string, query: Record<string, unknown>): Reply {
  if ('policy' in query) return policy(b, accountId);
  if ('acl' in query) {
    const grants = aclGrantsOf(b)
      .map((g) => `<Grant><Grantee ${XSI} xsi:type="${g.type}">${val('ID', g.id)}${val('URI', g.uri)}</Grantee>${val('Permission', g.permission)}</Grant>`)
      .join('');
    return xmlReply(`<AccessControlPolicy ${NS}><Owner><ID>${OWNER_ID}</ID></Owner><AccessControlList>${grants}</AccessControlList></AccessControlPolicy>`);
  }
  if ('publicAccessBlock' in query) {
    if (!b.publicAccessBlock) return notFound('NoSuchPublicAccessBlockConfiguration', 'The public access block configuration was not found');
    return xmlReply(
      `<PublicAccessBlockConfiguration ${NS}><BlockPublicAcls>true</BlockPublicAcls><IgnorePublicAcls>true</IgnorePublicAcls>` +
        `<BlockPublicPolicy>true</BlockPublicPolicy><RestrictPublicBuckets>true</RestrictPublicBuckets></PublicAccessBlockConfiguration>`,
    );
  }
  if ('ownershipControls' in query) {
    if (!b.ownershipControls) return notFound('OwnershipControlsNotFoundError', 'The bucket ownership controls were not found');
    return xmlReply(`<OwnershipControls ${NS}><Rule><ObjectOwnership>BucketOwnerEnforced</ObjectOwnership></Rule></OwnershipControls>`);
  }
  if ('encryption' in query) {
    // Since January 2023 every bucket has default encryption: SSE-S3 unless a key is named.
    const byDefault =
      b.kmsKey === undefined ? '<SSEAlgorithm>AES256</SSEAlgorithm>' : `<SSEAlgorithm>aws:kms</SSEAlgorithm><KMSMasterKeyID>${esc(b.kmsKey)}</KMSMasterKeyID>`;
    return xmlReply(
      `<ServerSideEncryptionConfiguration ${NS}><Rule><ApplyServerSideEncryptionByDefault>${byDefault}</ApplyServerSideEncryptionByDefault>` +
        `<BucketKeyEnabled>${b.kmsKey !== undefined}</BucketKeyEnabled></Rule></ServerSideEncryptionConfiguration>`,
    );
  }
  if ('versioning' in query) return xmlReply(`<VersioningConfiguration ${NS}>${val('Status', b.versioning)}</VersioningConfiguration>`);
  if ('object-lock' in query) {
    if (!b.objectLock) return notFound('ObjectLockConfigurationNotFoundError', 'Object Lock configuration does not exist for this bucket');
    return xmlReply(
      `<ObjectLockConfiguration ${NS}><ObjectLockEnabled>Enabled</ObjectLockEnabled><Rule><DefaultRetention><Mode>GOVERNANCE</Mode><Days>30</Days></DefaultRetention></Rule></ObjectLockConfiguration>`,
    );
  }
  if ('lifecycle' in query) {
    if (!b.lifecycle) return notFound('NoSuchLifecycleConfiguration', 'The lifecycle configuration does not exist');
    return xmlReply(
      `<LifecycleConfiguration ${NS}><Rule><ID>archive</ID><Filter><Prefix></Prefix></Filter><Status>Enabled</Status>` +
        `<Transition><Days>90</Days><StorageClass>GLACIER</StorageClass></Transition></Rule></LifecycleConfiguration>`,
    );
  }
  if ('logging' in query) {
    return xmlReply(
      b.logging
        ? `<BucketLoggingStatus ${NS}><LoggingEnabled><TargetBucket>access-logs-${accountId}</TargetBucket><TargetPrefix>${esc(b.name)}/</TargetPrefix></LoggingEnabled></BucketLoggingStatus>`
        : `<BucketLoggingStatus ${NS}/>`,
    );
  }
  if ('tagging' in query) {
    const tags = Object.entries(b.tags);
    if (tags.length === 0) return notFound('NoSuchTagSet', 'The TagSet does not exist');
    return xmlReply(`<Tagging ${NS}><TagSet>${tags.map(([k, v]) => `<Tag>${val('Key', k)}${val('Value', v)}</Tag>`).join('')}</TagSet></Tagging>`);
  }
  return restXmlError('NotImplemented', `the fake S3 does not answer ${Object.keys(query).join(',')}`, 501);
}

/** The bucket's ACL: the grants set on it, else the owner's full control and, for a logging target without enforced ownership, the log delivery group's WRITE. */
function aclGrantsOf(b: Bucket): readonly AclGrantRecord[] {
  if (b.aclGrants !== undefined) return b.aclGrants;
  const owner: AclGrantRecord = { type: 'CanonicalUser', id: OWNER_ID, permission: 'FULL_CONTROL' };
  // With BucketOwnerEnforced (ownershipControls here) ACLs are disabled: the owner's grant only.
  return b.logging && !b.ownershipControls ? [owner, { type: 'Group', uri: 'http://acs.amazonaws.com/groups/s3/LogDelivery', permission: 'WRITE' }] : [owner];
}

/** The text of each `<tag>` element of an XML body. */
function elements(xml: string, tag: string): string[] {
  return [...xml.matchAll(new RegExp(`<${tag}(?:\\s[^>]*)?>([\\s\\S]*?)</${tag}>`, 'g'))].map((m) => m[1]!);
}

const text = (xml: string, tag: string): string | undefined => elements(xml, tag)[0]?.trim();

const PERMISSIONS: ReadonlySet<string> = new Set(['FULL_CONTROL', 'READ', 'WRITE', 'READ_ACP', 'WRITE_ACP']);

/** The four Block Public Access settings of a PutPublicAccessBlock body (missing ones are false, as S3 takes them). */
export function blockSettingsOf(body: string): boolean[] {
  return ['BlockPublicAcls', 'IgnorePublicAcls', 'BlockPublicPolicy', 'RestrictPublicBuckets'].map((name) => text(body, name) === 'true');
}

/** The write calls on a bucket (`PUT /<bucket>?<sub>`, `DELETE /<bucket>?policy`). */
function write(b: Bucket, request: WireRequest): Reply {
  const { query, body } = request;
  if (request.method === 'DELETE' && 'policy' in query) {
    change(b, { policy: false, policyDocument: undefined });
    return { status: 204, headers: {}, body: '' };
  }
  if (request.method !== 'PUT') return restXmlError('NotImplemented', `the fake S3 does not answer ${request.method} ${Object.keys(query).join(',')}`, 501);
  const done: Reply = { status: 200, headers: {}, body: '' };
  if ('publicAccessBlock' in query) {
    const settings = blockSettingsOf(body);
    // The fake keeps the four settings together: all on, or no configuration.
    if (settings.every(Boolean)) change(b, { publicAccessBlock: true });
    else if (!settings.some(Boolean)) change(b, { publicAccessBlock: false });
    else return restXmlError('NotImplemented', 'the fake S3 keeps the four Block Public Access settings all on or all off', 501);
    return done;
  }
  if ('policy' in query) {
    try {
      const document = JSON.parse(body) as { Statement?: unknown };
      if (document.Statement === undefined) throw new Error('no Statement');
    } catch {
      return restXmlError('MalformedPolicy', "Policies must be valid JSON and the first byte must be '{'", 400);
    }
    change(b, { policy: true, policyDocument: body });
    return done;
  }
  if ('acl' in query) {
    const grants: AclGrantRecord[] = [];
    for (const grant of elements(body, 'Grant')) {
      const permission = text(grant, 'Permission') ?? '';
      const type = /xsi:type="(CanonicalUser|Group)"/.exec(grant)?.[1] as AclGrantRecord['type'] | undefined;
      if (type === undefined || !PERMISSIONS.has(permission))
        return restXmlError('MalformedACLError', 'The XML you provided was not well-formed or did not validate against our published schema', 400);
      const id = text(grant, 'ID');
      const uri = text(grant, 'URI');
      grants.push({ type, ...(id !== undefined && { id }), ...(uri !== undefined && { uri }), permission: permission as AclGrantRecord['permission'] });
    }
    change(b, { aclGrants: grants });
    return done;
  }
  if ('tagging' in query) {
    const tags = Object.fromEntries(elements(body, 'Tag').map((tag) => [text(tag, 'Key') ?? '', text(tag, 'Value') ?? '']));
    change(b, { tags });
    return done;
  }
  return restXmlError('NotImplemented', `the fake S3 does not answer PUT ${Object.keys(query).join(',')}`, 501);
}

export function s3(account: SyntheticAccount): ServiceHandler {
  const byName = new Map(account.buckets.map((b) => [b.name, b]));
  return (request, region) => {
    if (request.method !== 'GET' && request.method !== 'PUT' && request.method !== 'DELETE')
      return restXmlError('NotImplemented', `the fake S3 does not answer ${request.method}`, 501);
    const virtualHosted = /^(.+)\.s3\.([a-z0-9-]+)\.amazonaws\.com$/.exec(request.hostname);
    // A custom endpoint (AWS_ENDPOINT_URL) is addressed path-style; the region is the signature's.
    const pathStyle = !request.hostname.endsWith('.amazonaws.com') ? /^\/([^/]*)\/?$/.exec(request.path) : null;
    if (virtualHosted === null && pathStyle === null) {
      if (request.path === '/' && request.hostname === `s3.${account.homeRegion}.amazonaws.com`) return listBuckets(account, { ...request.query });
      return restXmlError('NotImplemented', `the fake S3 does not answer ${request.hostname}${request.path}`, 501);
    }
    if (pathStyle?.[1] === '') return listBuckets(account, { ...request.query });
    const [name, hostRegion] = virtualHosted !== null ? [virtualHosted[1], virtualHosted[2]] : [decodeURIComponent(pathStyle![1]!), region];
    const bucket = byName.get(name!);
    if (bucket === undefined) return notFound('NoSuchBucket', 'The specified bucket does not exist');
    // GetBucketLocation answers from any region; us-east-1 is the empty constraint.
    if ('location' in request.query) {
      return xmlReply(`<LocationConstraint ${NS}>${bucket.region === 'us-east-1' ? '' : esc(bucket.region)}</LocationConstraint>`);
    }
    if (bucket.region !== hostRegion) {
      return restXmlError('PermanentRedirect', 'The bucket you are attempting to access must be addressed using the specified endpoint.', 301);
    }
    if (request.method !== 'GET') return write(bucket, request);
    return subDocument(bucket, account.accountId, request.query);
  };
}
