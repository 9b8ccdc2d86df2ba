/**
 * What the three access-key actions share: every key of the user not yet in the wanted state.
 * Deactivation can be narrowed to the keys a rotation policy names (older than N days, unused for
 * N days) and told to keep the user's last active key (a deployer in the middle of its window).
 */
import { Type, type Static } from '@sinclair/typebox';
import { daysSince } from '../../analysis/time.js';
import type { AccessKey } from '../../model/types/iam/user.js';
import { isUnknown } from '../../model/unknown.js';
import { defineAction, type AnyBotAction, type ApiCall } from './define-action.js';

type Change = { readonly to: 'Active' | 'Inactive' } | { readonly to: 'deleted' };

const NoOptions = Type.Object({}, { additionalProperties: false });

const Selection = Type.Object(
  {
    /** Only active keys created more than this many days ago. */
    olderThanDays: Type.Optional(Type.Integer({ minimum: 1 })),
    /** Only active keys not used (or, never used, created) for more than this many days; with olderThanDays: a key either names. */
    unusedForDays: Type.Optional(Type.Integer({ minimum: 1 })),
    /** Never the user's last active key: that one is left, and the step says why. */
    keepLastActive: Type.Optional(Type.Boolean()),
  },
  { additionalProperties: false },
);
type Selection = Static<typeof Selection>;

function selected(key: AccessKey, options: Selection, now: Date): boolean {
  if (options.olderThanDays === undefined && options.unusedForDays === undefined) return true;
  if (key.status !== 'Active') return false;
  const old = options.olderThanDays !== undefined && daysSince(key.createDate, now) > options.olderThanDays;
  const unused = options.unusedForDays !== undefined && daysSince(key.lastUsedDate ?? key.createDate, now) > options.unusedForDays;
  return old || unused;
}

export function accessKeyAction(spec: { id: string; title: string; destructive: boolean; change: Change; selectable?: boolean }): AnyBotAction {
  const permission = spec.change.to === 'deleted' ? 'iam:DeleteAccessKey' : 'iam:UpdateAccessKey';
  return defineAction({
    id: spec.id,
    title: spec.title,
    resourceType: 'AWS::IAM::User',
    options: spec.selectable === true ? Selection : NoOptions,
    permissions: [permission],
    destructive: spec.destructive,
    plan(user, { options, now }) {
      const keys = user.config.accessKeys;
      if (isUnknown(keys)) return { kind: 'refused', summary: `the user's access keys could not be read (${keys.$unknown})` };
      const { to } = spec.change;
      let targets = (to === 'deleted' ? keys : keys.filter((key) => key.status !== to)).filter((key) => selected(key, options as Selection, now));
      let kept = '';
      if ((options as Selection).keepLastActive === true && to === 'Inactive') {
        const active = keys.filter((key) => key.status === 'Active');
        if (targets.length >= active.length && targets.length > 0) {
          // The newest of them stays: deactivating it would leave the user without a working key.
          const newest = targets.reduce((a, b) => (Date.parse(a.createDate) >= Date.parse(b.createDate) ? a : b));
          targets = targets.filter((key) => key !== newest);
          kept = `${newest.id} is the user's last active key and stays active`;
          if (targets.length === 0) return { kind: 'refused', summary: kept };
        }
      }
      if (targets.length === 0)
        return { kind: 'in-desired-state', summary: to === 'deleted' ? 'the user has no access key' : `every access key to change is ${to}` };
      const calls: ApiCall[] = targets.map((key) =>
        to === 'deleted'
          ? { service: 'iam', operation: 'DeleteAccessKey', input: { UserName: user.name, AccessKeyId: key.id }, permission }
          : { service: 'iam', operation: 'UpdateAccessKey', input: { UserName: user.name, AccessKeyId: key.id, Status: to }, permission },
      );
      const ids = targets.map((key) => key.id).join(', ');
      const summary = to === 'deleted' ? `delete access keys ${ids}` : `make access keys ${ids} ${to}`;
      return { kind: 'change', summary: kept === '' ? summary : `${summary}; ${kept}`, calls };
    },
  });
}
