/**
 * Resource Groups Tagging API (JSON 1.1, `ResourceGroupsTaggingAPI_20170126.*`): GetResources for
 * S3, as AWS answers it — the tagged buckets of the endpoint's region (untagged buckets are not
 * listed), at most 100 per page, `PaginationToken` empty on the last page.
 */
import type { SyntheticAccount } from './account.js';
import { jsonError, jsonInput, jsonOperation, jsonReply, page, pageSize, type ServiceHandler } from './wire.js';

interface Input {
  ResourceTypeFilters?: string[];
  ResourcesPerPage?: number;
  PaginationToken?: string;
}

export function tagging(account: SyntheticAccount): ServiceHandler {
  return (request, region) => {
    if (jsonOperation(request) !== 'GetResources')
      return jsonError('UnknownOperationException', `the fake Tagging API does not answer ${jsonOperation(request)}`);
    const input = jsonInput<Input>(request);
    if (input.ResourceTypeFilters?.join() !== 's3')
      return jsonError('InvalidParameterException', 'the fake Tagging API answers only ResourceTypeFilters ["s3"]');
    const tagged = account.buckets.filter((b) => b.region === region && Object.keys(b.tags).length > 0);
    const { items, next } = page(tagged, input.PaginationToken, pageSize(input.ResourcesPerPage, 50, 100));
    return jsonReply({
      PaginationToken: next ?? '',
      ResourceTagMappingList: items.map((b) => ({
        ResourceARN: `arn:aws:s3:::${b.name}`,
        Tags: Object.entries(b.tags).map(([Key, Value]) => ({ Key, Value })),
      })),
    });
  };
}
