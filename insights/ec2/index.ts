/** ec2 insights, sorted by id. */
import type { Insight } from '../../src/engine/define-insight.js';
import ec2EbsDefaultEncryption from './ec2-ebs-default-encryption.js';
import ec2EbsEncrypted from './ec2-ebs-encrypted.js';
import ec2InstanceImdsv2 from './ec2-instance-imdsv2.js';
import ec2InstanceNoInstanceStore from './ec2-instance-no-instance-store.js';
import ec2InstanceProfileAttached from './ec2-instance-profile-attached.js';
import ec2NaclAdminPortsOpen from './ec2-nacl-admin-ports-open.js';
import ec2SgAdminPortsOpen from './ec2-sg-admin-ports-open.js';
import ec2SgCifsOpen from './ec2-sg-cifs-open.js';
import ec2SgDefaultRestrictsAll from './ec2-sg-default-restricts-all.js';
import ec2VpcFlowLogs from './ec2-vpc-flow-logs.js';

export const ec2Insights: readonly Insight[] = [
  ec2EbsDefaultEncryption,
  ec2EbsEncrypted,
  ec2InstanceImdsv2,
  ec2InstanceNoInstanceStore,
  ec2InstanceProfileAttached,
  ec2NaclAdminPortsOpen,
  ec2SgAdminPortsOpen,
  ec2SgCifsOpen,
  ec2SgDefaultRestrictsAll,
  ec2VpcFlowLogs,
];
