/** s3 insights, sorted by id. */
import type { Insight } from '../../src/engine/define-insight.js';
import s3AccountPublicAccessBlock from './s3-account-public-access-block.js';
import s3BucketBlockPublicAccess from './s3-bucket-block-public-access.js';
import s3BucketEncryptionCmk from './s3-bucket-encryption-cmk.js';
import s3BucketLifecycleArchive from './s3-bucket-lifecycle-archive.js';
import s3BucketMfaDelete from './s3-bucket-mfa-delete.js';
import s3BucketObjectLock from './s3-bucket-object-lock.js';
import s3BucketPublic from './s3-bucket-public.js';
import s3BucketTlsOnly from './s3-bucket-tls-only.js';
import s3BucketVersioning from './s3-bucket-versioning.js';

export const s3Insights: readonly Insight[] = [
  s3AccountPublicAccessBlock,
  s3BucketBlockPublicAccess,
  s3BucketEncryptionCmk,
  s3BucketLifecycleArchive,
  s3BucketMfaDelete,
  s3BucketObjectLock,
  s3BucketPublic,
  s3BucketTlsOnly,
  s3BucketVersioning,
];
