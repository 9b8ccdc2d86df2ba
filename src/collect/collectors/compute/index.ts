/** compute collectors, sorted by resource type; joined in ../index.ts. */
import type { AnyResourceCollector, AnySettingsCollector } from '../../collector.js';
import accountRegionEbsEncryption from './account-region-ebs-encryption.js';
import ec2Instance from './ec2-instance.js';
import ec2NetworkAcl from './ec2-network-acl.js';
import ec2SecurityGroup from './ec2-security-group.js';
import ec2Volume from './ec2-volume.js';
import ec2Vpc from './ec2-vpc.js';
import rdsDbCluster from './rds-db-cluster.js';
import rdsDbInstance from './rds-db-instance.js';
import rdsDbSnapshot from './rds-db-snapshot.js';

export const computeResourceCollectors: readonly AnyResourceCollector[] = [
  ec2Instance,
  ec2NetworkAcl,
  ec2SecurityGroup,
  ec2Volume,
  ec2Vpc,
  rdsDbCluster,
  rdsDbInstance,
  rdsDbSnapshot,
];

export const computeSettingsCollectors: readonly AnySettingsCollector[] = [accountRegionEbsEncryption];
