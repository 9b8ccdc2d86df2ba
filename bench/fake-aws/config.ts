/** AWS Config (JSON 1.1, `StarlingDoveService.*`): the region's recorder, recording everything, and its status. */
import type { SyntheticAccount } from './account.js';
import { epoch, jsonError, jsonOperation, jsonReply, type ServiceHandler } from './wire.js';

export function config(account: SyntheticAccount): ServiceHandler {
  return (request, region) => {
    const operation = jsonOperation(request);
    const name = 'default';
    const recorderArn = `arn:aws:config:${region}:${account.accountId}:configuration-recorder/${name}/abcdefghijklmnop`;
    switch (operation) {
      case 'DescribeConfigurationRecorders':
        return jsonReply({
          ConfigurationRecorders: [
            {
              arn: recorderArn,
              name,
              roleARN: `arn:aws:iam::${account.accountId}:role/aws-service-role/config.amazonaws.com/AWSServiceRoleForConfig`,
              recordingGroup: {
                allSupported: true,
                includeGlobalResourceTypes: region === account.homeRegion,
                resourceTypes: [],
                exclusionByResourceTypes: { resourceTypes: [] },
                recordingStrategy: { useOnly: 'ALL_SUPPORTED_RESOURCE_TYPES' },
              },
              recordingMode: { recordingFrequency: 'CONTINUOUS', recordingModeOverrides: [] },
              recordingScope: 'PAID',
            },
          ],
        });
      case 'DescribeConfigurationRecorderStatus':
        return jsonReply({
          ConfigurationRecordersStatus: [
            { arn: recorderArn, name, lastStartTime: epoch('2024-01-01T00:00:00Z'), recording: true, lastStatus: 'Success', lastStatusChangeTime: epoch(account.now) - 600 },
          ],
        });
      default:
        return jsonError('UnknownOperationException', `the fake Config does not answer ${operation}`);
    }
  };
}
