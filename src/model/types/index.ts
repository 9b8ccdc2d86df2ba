/**
 * The registry of resource types, sorted by type name: one definition module each (schema, ARN,
 * alternative ids, example), on the same service axis as `insights/` and the collectors. Adding a
 * type is adding its module and one line here (see CONTRIBUTING.md).
 */
import account from './account/account.js';
import accountRegion from './account/account-region.js';
import stack from './cloudformation/stack.js';
import trail from './cloudtrail/trail.js';
import alarm from './cloudwatch/alarm.js';
import instance from './ec2/instance.js';
import networkAcl from './ec2/network-acl.js';
import securityGroup from './ec2/security-group.js';
import volume from './ec2/volume.js';
import vpc from './ec2/vpc.js';
import fileSystem from './efs/file-system.js';
import group from './iam/group.js';
import policy from './iam/policy.js';
import role from './iam/role.js';
import serverCertificate from './iam/server-certificate.js';
import user from './iam/user.js';
import key from './kms/key.js';
import sharedKey from './kms/shared-key.js';
import logGroup from './logs/log-group.js';
import dbCluster from './rds/db-cluster.js';
import dbInstance from './rds/db-instance.js';
import dbSnapshot from './rds/db-snapshot.js';
import bucket from './s3/bucket.js';
import notebookInstance from './sagemaker/notebook-instance.js';
import topic from './sns/topic.js';
import stateMachine from './stepfunctions/state-machine.js';
import webAcl from './wafv2/web-acl.js';

export const resourceTypeDefinitions = [
  account,
  accountRegion,
  stack,
  trail,
  alarm,
  instance,
  networkAcl,
  securityGroup,
  vpc,
  volume,
  fileSystem,
  group,
  policy,
  role,
  serverCertificate,
  user,
  key,
  sharedKey,
  logGroup,
  dbCluster,
  dbInstance,
  dbSnapshot,
  bucket,
  topic,
  notebookInstance,
  stateMachine,
  webAcl,
] as const;
