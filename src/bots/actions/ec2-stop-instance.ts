/** Stops a running EC2 instance (EBS volumes are kept; instance-store data would be lost, so such instances are refused). */
import { Type } from '@sinclair/typebox';
import { isUnknown } from '../../model/unknown.js';
import { defineAction } from './define-action.js';

export default defineAction({
  id: 'ec2-stop-instance',
  title: 'Stop an EC2 instance',
  resourceType: 'AWS::EC2::Instance',
  options: Type.Object({}, { additionalProperties: false }),
  permissions: ['ec2:StopInstances'],
  destructive: false,
  plan(instance) {
    const { state, rootDeviceType } = instance.config;
    if (state === 'stopped' || state === 'stopping' || state === 'terminated' || state === 'shutting-down')
      return { kind: 'in-desired-state', summary: `the instance is ${state}` };
    if (state !== 'running') return { kind: 'refused', summary: `the instance is ${state}, not running` };
    if (isUnknown(rootDeviceType)) return { kind: 'refused', summary: `the root device type could not be read (${rootDeviceType.$unknown})` };
    if (rootDeviceType === 'instance-store')
      return { kind: 'refused', summary: 'an instance-store instance cannot be stopped, only terminated: reported instead' };
    return {
      kind: 'change',
      summary: 'stop the instance',
      calls: [{ service: 'ec2', operation: 'StopInstances', input: { InstanceIds: [instance.config.instanceId] }, permission: 'ec2:StopInstances' }],
    };
  },
});
