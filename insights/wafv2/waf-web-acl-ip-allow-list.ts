import { Type } from '@sinclair/typebox';
import { addressSetOf, cidrsOf, complement, difference, isEmpty, sameAddresses, type AddressSet } from '../../src/analysis/address-set.js';
import { parseCidr, type Cidr } from '../../src/analysis/network.js';
import { webAclReach, type WebAclReach } from '../../src/analysis/web-acl-reach.js';
import { defineInsight } from '../../src/engine/define-insight.js';
import type { Evidence } from '../../src/engine/verdict.js';
import { isUnknown } from '../../src/model/unknown.js';

const ID = 'waf-web-acl-ip-allow-list';

/** How a set of addresses reads in a sentence: the blocks, or "every address outside the contracted CIDRs". */
function phrase(addresses: AddressSet, contracted: AddressSet): string {
  if (sameAddresses(addresses, complement(contracted))) return 'every address outside the contracted CIDRs';
  const cidrs = cidrsOf(addresses);
  return cidrs.length <= 4 ? cidrs.join(', ') : `${cidrs.slice(0, 3).join(', ')} and ${cidrs.length - 3} more blocks`;
}

/** What the rules let in beyond the contracted addresses, and the contracted addresses they shut out, as sentences. */
function reachProblems(reach: WebAclReach, contracted: AddressSet): string[] {
  const problems: string[] = [];
  for (const allow of reach.allows) {
    const outside = difference(allow.addresses, contracted);
    if (isEmpty(outside)) continue;
    const why = allow.unbounded.length > 0 ? ` (it matches on ${allow.unbounded.join(', ')}, not on the source address)` : '';
    problems.push(`${allow.by} lets in ${phrase(outside, contracted)}${why}`);
  }
  if (reach.kind === 'decided') {
    const shutOut = difference(contracted, reach.mayAllow);
    if (!isEmpty(shutOut))
      problems.push(`the contracted ${phrase(shutOut, contracted)} cannot get in (missing from the allowed IP sets, or blocked before them)`);
  }
  return problems;
}

export default defineInsight({
  id: ID,
  title: "WAF web ACLs let in only the contracted IP ranges, and log every request's fate",
  resourceType: 'AWS::WAFv2::WebACL',
  severity: 'high',
  description:
    "Checks that a web ACL lets in exactly the contracted CIDRs (allowedCidrs, e.g. the bank's ranges, set per tenant account): the addresses that can get an Allow — from a rule or from the default action — must equal them, IPv4 and IPv6 compared as addresses (`10.0.0.0/24` equals `10.0.0.0/25` + `10.0.0.128/25`), and logging must be configured. Both designs pass: default Block with an Allow rule on the IP set, and default Allow with a Block rule on everything outside it. Rules are evaluated in WAF's order; an Allow rule that matches on anything but the source address (a header, a path, a country, an IP set read from X-Forwarded-For) lets in whoever reaches it. A rule group that addresses outside the contracted ones reach, unless overridden to Count or scoped down to the contracted addresses, runs rules Vigil does not collect: the verdict is error, since whether it allows them cannot be told. A web ACL associated with no resource protects nothing and is not judged; one whose associations are unknown (CloudFront's, listed by CloudFront) is judged. An account that serves no tenant and names no allowedCidrs is not judged; a tenant account without them is an error.",
  rationale:
    'The bank lets its data be reached only from its own networks: an extra range in the IP set, an Allow rule on a header or path, a default Allow without the matching Block, or a rule group that allows more opens the application to the internet; a contracted range missing from the set locks the bank out. The allow-list is only as good as its audit trail, so requests must be logged.',
  remediation: {
    cli: [
      'aws wafv2 get-ip-set --scope REGIONAL --name <ip-set> --id <id>  # note the LockToken',
      'aws wafv2 update-ip-set --scope REGIONAL --name <ip-set> --id <id> --addresses <contracted CIDRs> --lock-token <token>',
      'aws wafv2 update-web-acl --scope REGIONAL --name <web-acl> --id <id> --default-action Block={} --rules file://rules.json --visibility-config <...> --lock-token <token>',
      'aws wafv2 put-logging-configuration --logging-configuration ResourceArn=<web-acl-arn>,LogDestinationConfigs=<aws-waf-logs-... log group, stream or bucket ARN>',
    ].join('\n'),
    console:
      "WAF & Shield console > IP sets: make the allow-list IP set(s) hold exactly the contracted CIDRs. Web ACLs > the web ACL > Rules: either set the default action to Block and keep one Allow rule on the IP set(s), or keep Allow and put a Block rule on 'NOT the IP set' first; remove other Allow rules, override rule groups' Allow rules, and put a rule group that must see all traffic after that Block rule or scope it down to the IP set. Logging and metrics: enable logging to a destination named aws-waf-logs-*.",
  },
  reads: { self: ['defaultAction', 'rules', 'associatedResources', 'logging'] },
  params: Type.Object(
    {
      allowedCidrs: Type.Array(Type.String({ minLength: 1 }), {
        default: [],
        description:
          "The CIDRs (IPv4 and IPv6) the web ACLs must let in and nothing else, e.g. the bank's contracted ranges, set per tenant account (accounts[].params.waf-web-acl-ip-allow-list.allowedCidrs). Empty: a tenant account is an error, any other account is not judged.",
      }),
    },
    { additionalProperties: false },
  ),
  evaluate(acl, { params, account, verdict }) {
    if (params.allowedCidrs.length === 0) {
      if (account.tenant === undefined)
        return verdict.notApplicable(`account ${account.name} serves no tenant and names no allowedCidrs: no allow-list is contracted`);
      return verdict.error(
        `the CIDRs of tenant ${account.tenant} are not configured: set accounts[${account.id}].params.${ID}.allowedCidrs in the configuration`,
        {
          tenant: account.tenant,
          accountId: account.id,
        },
      );
    }
    const cidrs: Cidr[] = [];
    for (const text of params.allowedCidrs) {
      const cidr = parseCidr(text);
      if (cidr === undefined) return verdict.error(`allowedCidrs names '${text}', which is not a CIDR`, { allowedCidrs: params.allowedCidrs });
      cidrs.push(cidr);
    }
    const contracted = addressSetOf(cidrs);
    const { defaultAction, rules, associatedResources, logging } = acl.config;
    if (!isUnknown(associatedResources) && associatedResources.length === 0)
      return verdict.notApplicable('the web ACL is associated with no resource, so it protects nothing');

    const reach = isUnknown(rules) ? undefined : webAclReach({ rules, defaultAction }, contracted);
    const problems = reach === undefined ? [] : reachProblems(reach, contracted);
    if (logging === null) problems.push('logging is not configured');
    else if (!isUnknown(logging) && logging.destinations.length === 0) problems.push('logging names no destination');
    const evidence: Evidence = {
      allowedCidrs: cidrsOf(contracted),
      defaultAction,
      ...(reach?.kind === 'decided' && { letsIn: phrase(reach.mayAllow, contracted) }),
      ...(reach !== undefined && { allows: reach.allows.map((allow) => ({ by: allow.by, letsIn: phrase(allow.addresses, contracted) })) }),
      logging,
    };
    if (problems.length > 0) return verdict.fail(problems.join('; '), evidence);
    if (isUnknown(rules)) return verdict.unreadable('rules', rules);
    if (reach?.kind === 'undecidable') return verdict.error(reach.reason, evidence);
    if (isUnknown(logging)) return verdict.unreadable('logging configuration', logging);
    // A web ACL without logging failed above.
    const destinations = logging?.destinations ?? [];
    const filtered = logging?.filtered === true ? ' (a logging filter keeps only some requests)' : '';
    const unlisted = isUnknown(associatedResources) ? `; which resources it protects could not be read (${associatedResources.$unknown})` : '';
    return verdict.pass(`lets in only the contracted ${cidrsOf(contracted).join(', ')}, and logs to ${destinations.join(', ')}${filtered}${unlisted}`);
  },
});
