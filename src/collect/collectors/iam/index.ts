/**
 * iam collectors, sorted by resource type; joined in ../index.ts. They are built around one
 * `IamSnapshots`, so that an account's authorization details and credential report are read once
 * for all of them (see ./iam-snapshot.ts).
 */
import type { AnyResourceCollector, AnySettingsCollector } from '../../collector.js';
import { accountIamCollector } from './account-iam.js';
import { iamGroupCollector } from './iam-group.js';
import { iamPolicyCollector } from './iam-policy.js';
import { iamRoleCollector } from './iam-role.js';
import iamServerCertificate from './iam-server-certificate.js';
import { IamSnapshots, type IamSnapshotOptions } from './iam-snapshot.js';
import { iamUserCollector } from './iam-user.js';

/** The IAM collectors sharing one snapshot memo (tests build their own, with their own options). */
export function iamCollectors(snapshots: IamSnapshots = new IamSnapshots()) {
  return {
    account: accountIamCollector(snapshots),
    group: iamGroupCollector(snapshots),
    policy: iamPolicyCollector(snapshots),
    role: iamRoleCollector(snapshots),
    user: iamUserCollector(snapshots),
  };
}

export { IamSnapshots, type IamSnapshotOptions };

const iam = iamCollectors();

export const iamResourceCollectors: readonly AnyResourceCollector[] = [iam.group, iam.policy, iam.role, iamServerCertificate, iam.user];

export const iamSettingsCollectors: readonly AnySettingsCollector[] = [iam.account];
