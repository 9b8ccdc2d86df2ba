/** Deletes a CloudFormation stack; a stack with termination protection is refused (reported), never unprotected. */
import { Type } from '@sinclair/typebox';
import { isUnknown } from '../../model/unknown.js';
import { defineAction } from './define-action.js';

export default defineAction({
  id: 'cloudformation-delete-stack',
  title: 'Delete a CloudFormation stack',
  resourceType: 'AWS::CloudFormation::Stack',
  options: Type.Object({}, { additionalProperties: false }),
  permissions: ['cloudformation:DeleteStack'],
  destructive: true,
  plan(stack) {
    const { status, terminationProtection } = stack.config;
    if (status === 'DELETE_IN_PROGRESS' || status === 'DELETE_COMPLETE') return { kind: 'in-desired-state', summary: `the stack is ${status}` };
    if (isUnknown(terminationProtection)) return { kind: 'refused', summary: `termination protection could not be read (${terminationProtection.$unknown})` };
    if (terminationProtection) return { kind: 'refused', summary: `termination protection is on: the ${status} stack is reported, not deleted` };
    return {
      kind: 'change',
      summary: `delete the ${status} stack`,
      calls: [{ service: 'cloudformation', operation: 'DeleteStack', input: { StackName: stack.name }, permission: 'cloudformation:DeleteStack' }],
    };
  },
});
