/**
 * The IP sets web ACL rules reference, read with GetIPSet once per set and collection (a region's
 * web ACLs often share one allow-list), whatever number of rules and ACLs name it. A set that
 * cannot be read is unknown wherever it is referenced; coverage names it once.
 */
import { GetIPSetCommand } from '@aws-sdk/client-wafv2';
import type { WebAclIpSet } from '../../../model/types/wafv2/web-acl.js';
import type { Maybe } from '../../../model/unknown.js';
import type { CallRef, CollectContext, ResourceRef } from '../../contract/collect-context.js';
import { missing } from '../../contract/reported.js';
import { UNEXPECTED_RESPONSE } from '../../contract/read-problem.js';
import { parseWafv2Arn } from './wafv2-arn.js';

type Ctx = CollectContext<'AWS::WAFv2::WebACL'>;

/** The IP set with this ARN; `ref` is the web ACL that first asks, for coverage. */
export type IpSetReader = (arn: string, ref: ResourceRef) => Promise<Maybe<WebAclIpSet>>;

export function ipSetReader(ctx: Ctx): IpSetReader {
  const read = new Map<string, Promise<Maybe<WebAclIpSet>>>();
  return (arn, ref) => {
    let ipSet = read.get(arn);
    if (ipSet === undefined) {
      ipSet = readIpSet(ctx, arn, ref);
      read.set(arn, ipSet);
    }
    return ipSet;
  };
}

async function readIpSet(ctx: Ctx, arn: string, ref: ResourceRef): Promise<Maybe<WebAclIpSet>> {
  if (!ctx.runs('GetIPSet')) return ctx.notCollected('GetIPSet');
  const parsed = parseWafv2Arn(arn);
  if (parsed?.kind !== 'ipset') {
    const call: CallRef = { service: 'wafv2', operation: 'GetWebACL', region: ctx.region };
    return ctx.unreadable(call, UNEXPECTED_RESPONSE, `an IPSetReferenceStatement names ${arn}, which is no IP set ARN`, ref);
  }
  const outcome = await ctx.send(new GetIPSetCommand({ Name: parsed.name, Scope: parsed.scope, Id: parsed.id }));
  if (!outcome.ok) return ctx.unknownOf(outcome, ref);
  const ipSet = outcome.value.IPSet;
  if (ipSet === undefined) return missing(ctx, outcome.call, 'IPSet', ref);
  const version = ipSet.IPAddressVersion;
  if (version === undefined) return missing(ctx, outcome.call, 'IPSet.IPAddressVersion', ref);
  if (version !== 'IPV4' && version !== 'IPV6')
    return ctx.unreadable(outcome.call, UNEXPECTED_RESPONSE, `GetIPSet returned the IP address version ${String(version)} for ${arn}`, ref);
  if (ipSet.Addresses === undefined) return missing(ctx, outcome.call, 'IPSet.Addresses', ref);
  return { name: ipSet.Name ?? parsed.name, ipAddressVersion: version, addresses: ipSet.Addresses };
}
