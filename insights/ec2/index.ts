/** ec2 insights, sorted by id. */
import type { Insight } from '../../src/engine/define-insight.js';
import ec2EbsDefaultEncryption from './ec2-ebs-default-encryption.js';
import ec2EbsEncrypted from './ec2-ebs-encrypted.js';
import ec2InstanceImdsv2 from './ec2-instance-imdsv2.js';
import ec2SgAdminPortsOpen from './ec2-sg-admin-ports-open.js';
import ec2SgDefaultRestrictsAll from './ec2-sg-default-restricts-all.js';

export const ec2Insights: readonly Insight[] = [ec2EbsDefaultEncryption, ec2EbsEncrypted, ec2InstanceImdsv2, ec2SgAdminPortsOpen, ec2SgDefaultRestrictsAll];
