/** Records a message for the resource's owner; the notifications issue delivers it from the outbox. */
import { Type } from '@sinclair/typebox';
import type { Tags } from '../../model/resource.js';
import { isUnknown, type Maybe } from '../../model/unknown.js';
import { defineAction } from './define-action.js';

function tagReport(tags: Maybe<Tags>, keys: readonly string[]): string {
  if (isUnknown(tags)) return `Owner tags could not be read (${tags.$unknown}).`;
  return `Owner tags: ${keys.map((key) => `${key} ${tags[key] === undefined ? 'missing' : 'present'}`).join(', ')}.`;
}

export default defineAction({
  id: 'notify',
  title: "Message the resource's owner",
  resourceType: '*',
  options: Type.Object(
    {
      message: Type.String({ minLength: 1, description: '{name}, {type}, {account} and {region} are replaced' }),
      /** Tag keys whose presence on the resource the message reports (the owner tags). */
      reportTags: Type.Optional(Type.Array(Type.String({ minLength: 1 }), { minItems: 1 })),
    },
    { additionalProperties: false },
  ),
  permissions: [],
  destructive: false,
  recordsOnly: true,
  plan(resource, { options, account }) {
    const message = options.message
      .replaceAll('{name}', resource.name)
      .replaceAll('{type}', resource.type)
      .replaceAll('{account}', account.name)
      .replaceAll('{region}', resource.region)
      .concat(options.reportTags === undefined ? '' : ` ${tagReport(resource.tags, options.reportTags)}`);
    return { kind: 'record', summary: `notify the owner: ${message}`, records: [{ kind: 'notify', message }] };
  },
});
