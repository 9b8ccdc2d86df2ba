/**
 * The KMS keys of other accounts an account is contracted to use: every `requiredKeyArns` the
 * configuration names for it. ListKeys in an account never returns another account's key (the
 * bank's key shared with its SaaS tenant account), so these ARNs are what the cross-account key
 * probe (`AWS::KMS::SharedKey`) probes.
 *
 * Per insight, the account entry's parameters apply over the configuration's as a scan resolves
 * them (key by key), so an account that names its own `requiredKeyArns` for an insight is not
 * probed for the configuration-wide ones of that insight. Values that are no KMS key ARN are left
 * out here; the scan plan reports them as parameter errors.
 */
import type { AccountEntry } from '../../config/account-entry.js';
import type { VigilConfig } from '../../config/config-schema.js';
import { KMS_KEY_ARN } from '../../model/arn.js';

type ParamsByInsight = NonNullable<VigilConfig['params']>;

const PARAM = 'requiredKeyArns';

/** The sorted, de-duplicated key ARNs the account is contracted to use. */
export function contractedKeyArns(configParams: ParamsByInsight | undefined, entry: Pick<AccountEntry, 'params'>): string[] {
  const insights = new Set([...Object.keys(configParams ?? {}), ...Object.keys(entry.params ?? {})]);
  const arns = new Set<string>();
  for (const insight of insights) {
    const own = entry.params?.[insight];
    const value = own !== undefined && Object.hasOwn(own, PARAM) ? own[PARAM] : configParams?.[insight]?.[PARAM];
    if (!Array.isArray(value)) continue;
    for (const arn of value) if (typeof arn === 'string' && KMS_KEY_ARN.test(arn)) arns.add(arn);
  }
  return [...arns].sort();
}
