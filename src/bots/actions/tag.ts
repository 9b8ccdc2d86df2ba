import { Type } from '@sinclair/typebox';
import { isUnknown } from '../../model/unknown.js';
import { defineAction } from './define-action.js';
import { tagCall, tagPermissions } from './tag-call.js';

export default defineAction({
  id: 'tag',
  title: 'Set tags on the resource',
  resourceType: '*',
  options: Type.Object(
    { tags: Type.Record(Type.String({ minLength: 1, maxLength: 128 }), Type.String({ maxLength: 256 }), { minProperties: 1 }) },
    { additionalProperties: false },
  ),
  permissions: [...tagPermissions],
  destructive: false,
  plan(resource, { options }) {
    if (isUnknown(resource.tags)) return { kind: 'refused', summary: `the resource's tags could not be read (${resource.tags.$unknown})` };
    const current = resource.tags;
    const missing = Object.fromEntries(Object.entries(options.tags).filter(([key, value]) => current[key] !== value));
    if (Object.keys(missing).length === 0) return { kind: 'in-desired-state', summary: 'the tags are set' };
    const call = tagCall(resource, current, missing);
    if (typeof call === 'string') return { kind: 'refused', summary: call };
    return {
      kind: 'change',
      summary: `tag ${Object.entries(missing)
        .map(([k, v]) => `${k}=${v}`)
        .join(', ')}`,
      calls: [call],
    };
  },
});
