/** BYOK keys cannot rotate automatically: their owner re-imports material, reminded with its expiry date. */
import { Type } from '@sinclair/typebox';
import { defineAction } from './define-action.js';

export default defineAction({
  id: 'kms-import-material-reminder',
  title: 'Remind the owner of an imported-material key to rotate it by hand',
  resourceType: 'AWS::KMS::Key',
  options: Type.Object({}, { additionalProperties: false }),
  permissions: [],
  destructive: false,
  recordsOnly: true,
  plan(key) {
    if (key.config.origin !== 'EXTERNAL') return { kind: 'refused', summary: 'the key material is not imported' };
    const expiry = key.config.keyMaterialExpires === true ? key.config.validTo : null;
    const when = expiry === null ? 'the material does not expire' : `the material expires on ${expiry.slice(0, 10)}`;
    return {
      kind: 'record',
      summary: `task for the owner: import new key material into ${key.name} (${when})`,
      records: [{ kind: 'task', message: `Rotate the imported key material of KMS key ${key.name} by importing new material: ${when}.`, due: expiry }],
    };
  },
});
