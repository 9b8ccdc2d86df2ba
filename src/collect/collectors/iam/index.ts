/**
 * The IAM collectors that GetAccountAuthorizationDetails feeds; listed in ../index.ts. They are built around one
 * `IamSnapshots`, so that an account's authorization details and credential report are read once
 * for all of them (see ./snapshot.ts).
 */
import { accountIamCollector } from './account-iam.js';
import { iamGroupCollector } from './group.js';
import { iamPolicyCollector } from './policy.js';
import { iamRoleCollector } from './role.js';
import { IamSnapshots, type IamSnapshotOptions } from './snapshot.js';
import { iamUserCollector } from './user.js';

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
