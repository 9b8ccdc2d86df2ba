/** CloudTrail insights, sorted by id. */
import type { Insight } from '../../src/engine/define-insight.js';
import cloudtrailBucketAccessLogging from './cloudtrail-bucket-access-logging.js';
import cloudtrailKmsEncryption from './cloudtrail-kms-encryption.js';
import cloudtrailLogFileValidation from './cloudtrail-log-file-validation.js';

export const cloudtrailInsights: readonly Insight[] = [cloudtrailBucketAccessLogging, cloudtrailKmsEncryption, cloudtrailLogFileValidation];
