/** `AWS::StepFunctions::StateMachine`, with its recent failed executions. */
import { Type, type Static } from '@sinclair/typebox';
import { MaybeSchema } from '../../unknown.js';
import { IsoDate } from '../../common.js';
import { defineResourceType } from '../../resource-type.js';

export const StateMachineConfig = Type.Object(
  {
    machineType: Type.Union([Type.Literal('STANDARD'), Type.Literal('EXPRESS')]),
    status: Type.Union([Type.Literal('ACTIVE'), Type.Literal('DELETING')]),
    /** Executions that ended FAILED, TIMED_OUT or ABORTED in the 24 hours before collection. */
    recentFailedExecutions: MaybeSchema(
      Type.Array(Type.Object({ executionArn: Type.String(), status: Type.String(), stopDate: IsoDate }, { additionalProperties: false })),
    ),
  },
  { additionalProperties: false },
);
export type StateMachineConfig = Static<typeof StateMachineConfig>;

export default defineResourceType({
  type: 'AWS::StepFunctions::StateMachine',
  config: StateMachineConfig,
  arn: ({ partition, accountId, region, id }) => `arn:${partition}:states:${region}:${accountId}:stateMachine:${id}`,
  example: {
    id: () => 'settlement-batch',
    config: (): StateMachineConfig => ({ machineType: 'STANDARD', status: 'ACTIVE', recentFailedExecutions: [] }),
  },
});
