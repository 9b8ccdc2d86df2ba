/**
 * The organisation's tagging rule (`settings.requiredTags`): tag keys a resource of a type must
 * carry with a non-empty value. Keys under `*` apply to every resource that can be tagged; keys
 * under a type name add to them for that type.
 */
import type { ScanSettings } from '../../src/engine/context.js';
import type { Verdict, VerdictFactory } from '../../src/engine/verdict.js';
import type { AnyResource } from '../../src/model/resource.js';
import { isUnknown } from '../../src/model/unknown.js';
import { missingTagKeys } from '../../src/analysis/tags.js';

/** Keys per type, per tagging policy object: a scan has one policy and a few types, asked a million times. */
const keysByPolicy = new WeakMap<ScanSettings['requiredTags'], Map<string, readonly string[]>>();

/** The keys required of a resource type, `*` keys first, without duplicates. */
export function requiredTagKeys(type: string, requiredTags: ScanSettings['requiredTags']): readonly string[] {
  let byType = keysByPolicy.get(requiredTags);
  if (byType === undefined) {
    byType = new Map();
    keysByPolicy.set(requiredTags, byType);
  }
  let keys = byType.get(type);
  if (keys === undefined) {
    keys = [...new Set([...(requiredTags['*'] ?? []), ...(requiredTags[type] ?? [])])];
    byType.set(type, keys);
  }
  return keys;
}

/**
 * Why a resource cannot carry the tags, or undefined when it can. Account settings are tagged in
 * AWS Organizations, so they are judged only when their type is named explicitly.
 */
function untaggable(resource: AnyResource, requiredTags: ScanSettings['requiredTags']): string | undefined {
  switch (resource.type) {
    case 'AWS::Account::Region':
      return 'region settings cannot be tagged';
    case 'AWS::Account':
      return requiredTags['AWS::Account'] === undefined ? 'accounts are judged only when AWS::Account is named in requiredTags' : undefined;
    case 'AWS::KMS::Key':
      return resource.config.manager === 'AWS' ? 'AWS-managed keys cannot be tagged' : undefined;
    case 'AWS::KMS::SharedKey':
      return "another account's key is tagged by its owner; this account's view of it carries no tags";
    case 'AWS::IAM::Group':
      return 'IAM groups cannot be tagged';
    case 'AWS::IAM::Policy':
      return resource.config.awsManaged ? 'AWS-managed policies cannot be tagged' : undefined;
    default:
      return undefined;
  }
}

/** The verdict of `tags-required` on any resource. */
export function evaluateRequiredTags(resource: AnyResource, settings: Pick<ScanSettings, 'requiredTags'>, verdict: VerdictFactory): Verdict {
  const required = requiredTagKeys(resource.type, settings.requiredTags);
  if (required.length === 0) return verdict.notApplicable(() => `no tags are required of ${resource.type}`);
  const cannot = untaggable(resource, settings.requiredTags);
  if (cannot !== undefined) return verdict.notApplicable(cannot);
  if (isUnknown(resource.tags)) return verdict.unreadable('tags', resource.tags);
  const missing = missingTagKeys(resource.tags, required);
  if (missing.length > 0) {
    return verdict.fail(`missing required tag${missing.length > 1 ? 's' : ''} ${missing.join(', ')}`, { missing, required });
  }
  return verdict.pass(() => `carries the required tag${required.length > 1 ? 's' : ''} ${required.join(', ')}`);
}
