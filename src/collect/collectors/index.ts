/**
 * The registry of collectors: what `vigil collect` runs and what `vigil iam-policy --scan`
 * computes its policy from. One flat list of each kind, kept sorted in the source by resource type
 * (then by service, for the settings of one type) and checked by a test; folders follow the
 * service axis of `insights/`.
 */
import type { ResourceType } from '../../model/resource-types.js';
import type { AnyResourceCollector, AnySettingsCollector, DeclaresOperations } from '../contract/collector.js';
import accountRegionAnalyzers from './accessanalyzer/account-region-analyzers.js';
import cloudFormationStack from './cloudformation/stack.js';
import accountRegionTrails from './cloudtrail/account-region-trails.js';
import cloudTrailTrail from './cloudtrail/trail.js';
import cloudWatchAlarm from './cloudwatch/alarm.js';
import accountRegionRecorders from './config/account-region-recorders.js';
import accountRegionEbsEncryption from './ec2/account-region-ebs-encryption.js';
import ec2Instance from './ec2/instance.js';
import ec2NetworkAcl from './ec2/network-acl.js';
import ec2SecurityGroup from './ec2/security-group.js';
import ec2Volume from './ec2/volume.js';
import ec2Vpc from './ec2/vpc.js';
import efsFileSystem from './efs/file-system.js';
import { iamCollectors } from './iam/index.js';
import iamServerCertificate from './iam/server-certificate.js';
import kmsKey from './kms/key.js';
import kmsSharedKey from './kms/shared-key.js';
import logsLogGroup from './logs/log-group.js';
import rdsDbCluster from './rds/db-cluster.js';
import rdsDbInstance from './rds/db-instance.js';
import rdsDbSnapshot from './rds/db-snapshot.js';
import accountS3PublicAccessBlock from './s3/account-public-access-block.js';
import s3Bucket from './s3/bucket.js';
import sageMakerNotebookInstance from './sagemaker/notebook-instance.js';
import accountRegionSecurityHub from './securityhub/account-region-hub.js';
import snsTopic from './sns/topic.js';
import stepFunctionsStateMachine from './stepfunctions/state-machine.js';
import wafv2WebAcl from './wafv2/web-acl.js';

const iam = iamCollectors();

export const resourceCollectors: readonly AnyResourceCollector[] = [
  cloudFormationStack,
  cloudTrailTrail,
  cloudWatchAlarm,
  ec2Instance,
  ec2NetworkAcl,
  ec2SecurityGroup,
  ec2Vpc,
  ec2Volume,
  efsFileSystem,
  iam.group,
  iam.policy,
  iam.role,
  iamServerCertificate,
  iam.user,
  kmsKey,
  kmsSharedKey,
  logsLogGroup,
  rdsDbCluster,
  rdsDbInstance,
  rdsDbSnapshot,
  s3Bucket,
  snsTopic,
  sageMakerNotebookInstance,
  stepFunctionsStateMachine,
  wafv2WebAcl,
];

export const settingsCollectors: readonly AnySettingsCollector[] = [
  iam.account,
  accountS3PublicAccessBlock,
  accountRegionAnalyzers,
  accountRegionTrails,
  accountRegionRecorders,
  accountRegionEbsEncryption,
  accountRegionSecurityHub,
];

/** Every collector, as far as permissions go. */
export const allCollectors: readonly (DeclaresOperations & { readonly resourceType: ResourceType })[] = [...settingsCollectors, ...resourceCollectors];
