/**
 * When a resource was last used, for the `age: { of: last-used }` filter: an IAM user's latest
 * password or access-key use (never used: its creation). Unknown for the types that do not say.
 */
import type { Resource } from '../../model/resource.js';
import { isUnknown, unknown, type Maybe } from '../../model/unknown.js';

export function lastUsed(resource: Resource): Maybe<string> {
  if (resource.type !== 'AWS::IAM::User') return unknown(`${resource.type} does not record its last use`);
  const { config } = resource as Resource<'AWS::IAM::User'>;
  if (isUnknown(config.passwordLastUsed)) return config.passwordLastUsed;
  if (isUnknown(config.accessKeys)) return config.accessKeys;
  const uses = [config.passwordLastUsed, ...config.accessKeys.map((key) => key.lastUsedDate)].filter((d): d is string => d !== null);
  if (uses.length === 0) return config.createDate;
  return uses.reduce((latest, date) => (Date.parse(date) > Date.parse(latest) ? date : latest));
}
