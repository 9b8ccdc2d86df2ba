/**
 * WAFv2 ARNs as AWS writes them — `arn:aws:wafv2:<region>:<account>:regional/webacl/<name>/<id>`,
 * `…:global/ipset/<name>/<id>` for CLOUDFRONT scope — read back into the scope, name and id that
 * the Get calls take.
 */
import type { Scope } from '@aws-sdk/client-wafv2';

export interface Wafv2Arn {
  readonly scope: Scope;
  /** `webacl`, `ipset`, `rulegroup`, `regexpatternset`, `managedruleset`. */
  readonly kind: string;
  readonly name: string;
  readonly id: string;
}

const WAFV2_ARN = /^arn:aws[a-z-]*:wafv2:[a-z0-9-]*:[0-9]{12}:(regional|global)\/([a-z]+)\/([^/]+)\/([^/]+)$/;

export function parseWafv2Arn(arn: string): Wafv2Arn | undefined {
  const match = WAFV2_ARN.exec(arn);
  if (match === null) return undefined;
  const [, scope, kind, name, id] = match as unknown as [string, string, string, string, string];
  return { scope: scope === 'global' ? 'CLOUDFRONT' : 'REGIONAL', kind, name, id };
}
