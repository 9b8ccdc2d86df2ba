/** CloudTrail insights, sorted by id. */
import type { Insight } from '../../src/engine/define-insight.js';
import cloudtrailBucketAccessLogging from './cloudtrail-bucket-access-logging.js';
import cloudtrailKmsEncryption from './cloudtrail-kms-encryption.js';
import cloudtrailLogFileValidation from './cloudtrail-log-file-validation.js';
import s3BucketObjectReadEvents from './s3-bucket-object-read-events.js';
import s3BucketObjectWriteEvents from './s3-bucket-object-write-events.js';

export const cloudtrailInsights: readonly Insight[] = [
  cloudtrailBucketAccessLogging,
  cloudtrailKmsEncryption,
  cloudtrailLogFileValidation,
  s3BucketObjectReadEvents,
  s3BucketObjectWriteEvents,
];
