/** ARNs as AWS writes them for each resource type (each type's definition knows its own). */
import { definitionOf, type ResourceType } from './resource-types.js';

export function arnFor(type: ResourceType, accountId: string, region: string, id: string, partition = 'aws'): string {
  return definitionOf(type).arn({ partition, accountId, region, id });
}

/** A KMS key ARN; groups: partition, region, account, key id. The one definition parameters, collectors and analysers use. */
export const KMS_KEY_ARN = /^arn:(aws[a-z-]*):kms:([a-z0-9-]+):([0-9]{12}):key\/(.+)$/;

/** The account id in an ARN (`arn:aws:kms:eu-west-1:111122223333:key/...`), or undefined. */
export function accountOfArn(arn: string): string | undefined {
  const account = arn.split(':')[4];
  return account !== undefined && /^[0-9]{12}$/.test(account) ? account : undefined;
}
