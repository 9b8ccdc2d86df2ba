import { Type } from '@sinclair/typebox';
import { isUnknown } from '../../model/unknown.js';
import { defineAction } from './define-action.js';

export default defineAction({
  id: 'kms-enable-rotation',
  title: 'Turn on automatic rotation of a customer-managed key',
  resourceType: 'AWS::KMS::Key',
  options: Type.Object(
    { rotationPeriodInDays: Type.Optional(Type.Integer({ minimum: 90, maximum: 2560, description: 'default: 365 (AWS default)' })) },
    { additionalProperties: false },
  ),
  permissions: ['kms:EnableKeyRotation'],
  destructive: false,
  plan(key, { options }) {
    const { config } = key;
    if (config.manager !== 'CUSTOMER') return { kind: 'refused', summary: 'AWS-managed keys rotate on their own' };
    if (config.origin !== 'AWS_KMS') return { kind: 'refused', summary: `a key of origin ${config.origin} cannot rotate automatically` };
    if (config.state !== 'Enabled') return { kind: 'refused', summary: `the key is ${config.state}` };
    if (isUnknown(config.rotation)) return { kind: 'refused', summary: `rotation status could not be read (${config.rotation.$unknown})` };
    const period = options.rotationPeriodInDays;
    if (config.rotation?.enabled === true && (period === undefined || config.rotation.periodDays === period))
      return { kind: 'in-desired-state', summary: 'rotation is on' };
    return {
      kind: 'change',
      summary: `enable rotation${period === undefined ? '' : ` every ${period} days`}`,
      calls: [
        {
          service: 'kms',
          operation: 'EnableKeyRotation',
          input: { KeyId: config.keyId, ...(period !== undefined && { RotationPeriodInDays: period }) },
          permission: 'kms:EnableKeyRotation',
        },
      ],
    };
  },
});
