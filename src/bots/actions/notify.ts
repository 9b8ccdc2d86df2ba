/**
 * Records a message for the resource's owner — or, with `recipients`, for the people a bot param
 * lists (users set them in vigil.yaml) — which the notifications issue delivers from the outbox.
 */
import { Type } from '@sinclair/typebox';
import type { Tags } from '../../model/resource.js';
import { isUnknown, type Maybe } from '../../model/unknown.js';
import { defineAction } from './define-action.js';
import { fillMessage, MESSAGE_PLACEHOLDERS } from './message-template.js';
import { RecipientsParam, recipientsFrom } from './recipients.js';

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
      message: Type.String({ minLength: 1, description: MESSAGE_PLACEHOLDERS }),
      /** Tag keys whose presence on the resource the message reports (the owner tags). */
      reportTags: Type.Optional(Type.Array(Type.String({ minLength: 1 }), { minItems: 1 })),
      /** The bot param listing who gets the message instead of the owner (Slack targets or e-mail addresses). */
      recipients: Type.Optional(Type.String(RecipientsParam)),
    },
    { additionalProperties: false },
  ),
  permissions: [],
  destructive: false,
  recordsOnly: true,
  plan(resource, { options, account, params }) {
    const message = fillMessage(options.message, resource, account).concat(
      options.reportTags === undefined ? '' : ` ${tagReport(resource.tags, options.reportTags)}`,
    );
    if (options.recipients === undefined) return { kind: 'record', summary: `notify the owner: ${message}`, records: [{ kind: 'notify', message }] };
    const to = recipientsFrom(params, options.recipients);
    if (typeof to === 'string') return { kind: 'refused', summary: to };
    return { kind: 'record', summary: `notify ${to.join(', ')}: ${message}`, records: [{ kind: 'notify', message, to }] };
  },
});
