/**
 * Marks the resource for an operation after a grace period: a tag the owner sees and a store
 * record that decides. The operation runs only when due and only if the resource still matches;
 * removing the tag does not cancel it, an exemption does.
 */
import { Type } from '@sinclair/typebox';
import { isUnknown } from '../../model/unknown.js';
import { defineAction } from './define-action.js';
import { tagCall, tagPermissions } from './tag-call.js';

const DAY_MS = 86_400_000;

export default defineAction({
  id: 'mark-for-op',
  title: 'Mark the resource for an action after a grace period',
  resourceType: '*',
  options: Type.Object(
    {
      op: Type.String({ pattern: '^[a-z0-9]+(-[a-z0-9]+)*$', description: 'the action to run when due' }),
      days: Type.Integer({ minimum: 1, maximum: 365 }),
      tag: Type.Optional(Type.String({ minLength: 1, description: 'default: vigil-marked' })),
    },
    { additionalProperties: false },
  ),
  permissions: [...tagPermissions],
  destructive: false,
  plan(resource, { options, now }) {
    const dueAt = new Date(now.getTime() + options.days * DAY_MS).toISOString();
    const text = `will ${options.op} on ${dueAt.slice(0, 10)}`;
    const record = { kind: 'mark-for-op' as const, op: options.op, dueAt, reason: text };
    if (isUnknown(resource.tags)) return { kind: 'refused', summary: `the resource's tags could not be read (${resource.tags.$unknown})` };
    const key = options.tag ?? 'vigil-marked';
    if (resource.tags[key] !== undefined) return { kind: 'record', summary: `already marked: ${resource.tags[key]}`, records: [record] };
    const call = tagCall(resource, resource.tags, { [key]: text });
    if (typeof call === 'string') return { kind: 'refused', summary: call };
    return { kind: 'change', summary: `mark: ${text}`, calls: [call], records: [record] };
  },
});
