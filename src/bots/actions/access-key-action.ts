/** What the three access-key actions share: every key of the user not yet in the wanted state. */
import { Type } from '@sinclair/typebox';
import { isUnknown } from '../../model/unknown.js';
import { defineAction, type AnyBotAction, type ApiCall } from './define-action.js';

type Change = { readonly to: 'Active' | 'Inactive' } | { readonly to: 'deleted' };

export function accessKeyAction(spec: { id: string; title: string; destructive: boolean; change: Change }): AnyBotAction {
  const permission = spec.change.to === 'deleted' ? 'iam:DeleteAccessKey' : 'iam:UpdateAccessKey';
  return defineAction({
    id: spec.id,
    title: spec.title,
    resourceType: 'AWS::IAM::User',
    options: Type.Object({}, { additionalProperties: false }),
    permissions: [permission],
    destructive: spec.destructive,
    plan(user) {
      const keys = user.config.accessKeys;
      if (isUnknown(keys)) return { kind: 'refused', summary: `the user's access keys could not be read (${keys.$unknown})` };
      const { to } = spec.change;
      const targets = to === 'deleted' ? keys : keys.filter((key) => key.status !== to);
      if (targets.length === 0) return { kind: 'in-desired-state', summary: to === 'deleted' ? 'the user has no access key' : `every access key is ${to}` };
      const calls: ApiCall[] = targets.map((key) =>
        to === 'deleted'
          ? { service: 'iam', operation: 'DeleteAccessKey', input: { UserName: user.name, AccessKeyId: key.id }, permission }
          : { service: 'iam', operation: 'UpdateAccessKey', input: { UserName: user.name, AccessKeyId: key.id, Status: to }, permission },
      );
      const ids = targets.map((key) => key.id).join(', ');
      return { kind: 'change', summary: to === 'deleted' ? `delete access keys ${ids}` : `make access keys ${ids} ${to}`, calls };
    },
  });
}
