/** Stops a running SageMaker notebook instance (its storage volume stays: a stop loses no data). */
import { Type } from '@sinclair/typebox';
import { defineAction } from './define-action.js';

export default defineAction({
  id: 'sagemaker-stop-notebook',
  title: 'Stop a SageMaker notebook instance',
  resourceType: 'AWS::SageMaker::NotebookInstance',
  options: Type.Object({}, { additionalProperties: false }),
  permissions: ['sagemaker:StopNotebookInstance'],
  destructive: false,
  plan(notebook) {
    const { status } = notebook.config;
    if (status === 'Stopped' || status === 'Stopping') return { kind: 'in-desired-state', summary: `the notebook is ${status}` };
    // StopNotebookInstance is refused by SageMaker in any other state (Pending, Updating …): the next run will see it again.
    if (status !== 'InService') return { kind: 'refused', summary: `the notebook is ${status}, not InService` };
    return {
      kind: 'change',
      summary: 'stop the notebook instance',
      calls: [
        { service: 'sagemaker', operation: 'StopNotebookInstance', input: { NotebookInstanceName: notebook.id }, permission: 'sagemaker:StopNotebookInstance' },
      ],
    };
  },
});
