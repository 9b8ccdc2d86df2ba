/** SageMaker (JSON 1.1, `SageMaker.*`): ListNotebookInstances (`NextToken`), DescribeNotebookInstance, ListTags. */
import type { Notebook, SyntheticAccount } from './account.js';
import { epoch, jsonError, jsonInput, jsonOperation, jsonReply, page, pageSize, type ServiceHandler } from './wire.js';

interface Input {
  NotebookInstanceName?: string;
  ResourceArn?: string;
  MaxResults?: number;
  NextToken?: string;
}

export function sagemaker(account: SyntheticAccount): ServiceHandler {
  return (request, region) => {
    const input = jsonInput<Input>(request);
    const notebooks = account.notebooks.filter((n) => n.region === region);
    const arn = (n: Notebook) => `arn:aws:sagemaker:${region}:${account.accountId}:notebook-instance/${n.name.toLowerCase()}`;
    const summary = (n: Notebook) => ({
      NotebookInstanceName: n.name,
      NotebookInstanceArn: arn(n),
      NotebookInstanceStatus: n.status,
      Url: `${n.name}.notebook.${region}.sagemaker.aws`,
      InstanceType: n.instanceType,
      CreationTime: epoch(n.createdAt),
      LastModifiedTime: epoch(n.createdAt) + 3600,
    });
    const operation = jsonOperation(request);
    if (operation === 'ListNotebookInstances') {
      const { items, next } = page(notebooks, input.NextToken, pageSize(input.MaxResults, 10, 100));
      return jsonReply({ NotebookInstances: items.map(summary), ...(next !== undefined ? { NextToken: next } : {}) });
    }
    const notebook = notebooks.find((n) => n.name === input.NotebookInstanceName || arn(n) === input.ResourceArn);
    if (notebook === undefined) return jsonError('ValidationException', 'RecordNotFound');
    switch (operation) {
      case 'DescribeNotebookInstance':
        return jsonReply({
          ...summary(notebook),
          ...(notebook.subnet !== undefined
            ? { SubnetId: notebook.subnet, SecurityGroups: ['sg-0123456789abcdef0'], NetworkInterfaceId: 'eni-0123456789abcdef0' }
            : {}),
          RoleArn: `arn:aws:iam::${account.accountId}:role/service-role/AmazonSageMaker-ExecutionRole`,
          ...(notebook.kmsKey !== undefined ? { KmsKeyId: notebook.kmsKey } : {}),
          DirectInternetAccess: notebook.directInternet ? 'Enabled' : 'Disabled',
          VolumeSizeInGB: 5,
          RootAccess: notebook.rootAccess ? 'Enabled' : 'Disabled',
          PlatformIdentifier: 'notebook-al2-v2',
          InstanceMetadataServiceConfiguration: { MinimumInstanceMetadataServiceVersion: '2' },
        });
      case 'ListTags':
        return jsonReply({ Tags: Object.entries(notebook.tags).map(([Key, Value]) => ({ Key, Value })) });
      default:
        return jsonError('UnknownOperationException', `the fake SageMaker does not answer ${operation}`);
    }
  };
}
