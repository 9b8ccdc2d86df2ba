/**
 * Which source addresses an AWS WAF web ACL may let in, evaluated the way WAF evaluates it: rules in
 * order, Allow and Block end the evaluation of a request they match, Count does not, and neither do
 * CAPTCHA and Challenge for a client that solves them; what no rule ends gets the default action.
 *
 * Addresses are followed as sets. For each statement two sets are known: the addresses some of
 * whose requests it may match (`may`) and those all of whose requests it matches (`must`). An IP
 * set matches exactly its addresses; NOT swaps the two (`may` of NOT s is what s does not surely
 * match); AND and OR intersect and unite them. A statement about anything but the source address
 * (a header, a path, a country, a rate, a label), or an IP set read from a header that any client
 * can set, may match every address and surely matches none. So an Allow rule may let in the
 * undecided addresses its statement may match, and a Block rule decides only the addresses it
 * surely matches: "Allow if the path is /api and the address is the bank's" lets in only the bank,
 * "Block if not the bank's address" shuts out everyone else.
 *
 * A rule group (own or managed) runs rules that are not collected: when addresses outside the
 * contracted set reach it (not overridden to Count, not scoped down away from them), whether it
 * allows them cannot be told, and the evaluation stops there — what it found before stands.
 */
import {
  addressSetOf,
  complement,
  containsAll,
  difference,
  EVERY_ADDRESS,
  intersection,
  isEmpty,
  NO_ADDRESSES,
  union,
  type AddressSet,
} from './address-set.js';
import { parseCidr, type Cidr } from './network.js';
import type { WebAclConfig, WebAclRule, WebAclStatement } from '../model/types/wafv2/web-acl.js';
import { isUnknown } from '../model/unknown.js';

/** What may let some addresses in. */
export interface AllowSource {
  /** As the sentence names it: `rule allow-partner`, `the default action Allow`. */
  readonly by: string;
  /** The addresses it may let in that no earlier rule decided. */
  readonly addresses: AddressSet;
  /** Why its match is not bounded by source addresses alone: `GeoMatchStatement`, `IP set partners read from X-Forwarded-For`. */
  readonly unbounded: readonly string[];
}

export type WebAclReach =
  | {
      readonly kind: 'decided';
      /** Every address that may get an Allow. */
      readonly mayAllow: AddressSet;
      readonly allows: readonly AllowSource[];
    }
  | {
      readonly kind: 'undecidable';
      /** The first thing the evaluation could not get past, as a sentence. */
      readonly reason: string;
      /** What may let addresses in before it: certain, whatever comes after. */
      readonly allows: readonly AllowSource[];
    };

interface Bounds {
  readonly may: AddressSet;
  readonly must: AddressSet;
  readonly unbounded: readonly string[];
}

type BoundsOrReason = Bounds | { readonly undecidable: string };

const ANYTHING = (why: string): Bounds => ({ may: EVERY_ADDRESS, must: NO_ADDRESSES, unbounded: [why] });

/** A rule group without a scope-down statement sees every request. */
const UNSCOPED: Bounds = { may: EVERY_ADDRESS, must: NO_ADDRESSES, unbounded: [] };

function ipSetBounds(statement: Extract<WebAclStatement, { type: 'ipSet' }>): BoundsOrReason {
  const { ipSet, arn } = statement;
  if (isUnknown(ipSet)) return { undecidable: `the IP set ${arn} could not be read (${ipSet.$unknown})` };
  if (statement.forwardedIpHeader !== null)
    return ANYTHING(`IP set ${ipSet.name} read from the ${statement.forwardedIpHeader} header, which any client can set`);
  const cidrs: Cidr[] = [];
  for (const address of ipSet.addresses) {
    const cidr = parseCidr(address);
    if (cidr === undefined) return { undecidable: `the IP set ${ipSet.name} holds '${address}', which is not a CIDR` };
    cidrs.push(cidr);
  }
  const addresses = addressSetOf(cidrs);
  return { may: addresses, must: addresses, unbounded: [] };
}

function combine(parts: readonly BoundsOrReason[], op: (a: AddressSet, b: AddressSet) => AddressSet, start: Bounds): BoundsOrReason {
  let bounds = start;
  for (const part of parts) {
    if ('undecidable' in part) return part;
    bounds = { may: op(bounds.may, part.may), must: op(bounds.must, part.must), unbounded: [...bounds.unbounded, ...part.unbounded] };
  }
  return bounds;
}

/** The addresses the statement may match and those it surely matches. */
export function statementBounds(statement: WebAclStatement): BoundsOrReason {
  switch (statement.type) {
    case 'ipSet':
      return ipSetBounds(statement);
    case 'not': {
      const inner = statementBounds(statement.statement);
      return 'undecidable' in inner ? inner : { may: complement(inner.must), must: complement(inner.may), unbounded: inner.unbounded };
    }
    case 'and':
      return combine(statement.statements.map(statementBounds), intersection, { may: EVERY_ADDRESS, must: EVERY_ADDRESS, unbounded: [] });
    case 'or':
      return combine(statement.statements.map(statementBounds), union, { may: NO_ADDRESSES, must: NO_ADDRESSES, unbounded: [] });
    case 'ruleGroup':
      return ANYTHING(`rule group ${statement.arn}`);
    case 'managedRuleGroup':
      return ANYTHING(`managed rule group ${statement.vendorName} ${statement.name}`);
    case 'other':
      return ANYTHING(statement.statement);
  }
}

const ORIGIN: Readonly<Record<WebAclRule['origin'], string>> = {
  'firewall-manager-first': ' (a Firewall Manager rule group, evaluated first)',
  'web-acl': '',
  'firewall-manager-last': ' (a Firewall Manager rule group, evaluated last)',
};

function ruleLabel(rule: WebAclRule): string {
  return `rule ${rule.name}${ORIGIN[rule.origin]}`;
}

/**
 * The source addresses the web ACL may let in. `contracted`: the addresses it is meant to let in;
 * a rule group that only they reach may allow or block them without changing the answer.
 */
export function webAclReach(
  acl: { readonly rules: readonly WebAclRule[]; readonly defaultAction: WebAclConfig['defaultAction'] },
  contracted: AddressSet,
): WebAclReach {
  let undecided = EVERY_ADDRESS;
  const allows: AllowSource[] = [];
  const stop = (reason: string): WebAclReach => ({ kind: 'undecidable', reason, allows });
  for (const rule of acl.rules) {
    const { statement } = rule;
    if (statement.type === 'ruleGroup' || statement.type === 'managedRuleGroup') {
      // Overridden to Count, the group's own Allow and Block only count.
      if (rule.overrideAction === 'Count') continue;
      const scope = statement.type === 'managedRuleGroup' && statement.scopeDown !== null ? statementBounds(statement.scopeDown) : UNSCOPED;
      if ('undecidable' in scope) return stop(`${ruleLabel(rule)} is scoped down by a statement that cannot be evaluated: ${scope.undecidable}`);
      const reached = intersection(undecided, scope.may);
      if (isEmpty(reached)) continue;
      const allowed = statement.ruleActionOverrides.filter((o) => o.action === 'Allow').map((o) => o.name);
      if (allowed.length > 0) {
        const rules = `rule${allowed.length > 1 ? 's' : ''} ${allowed.join(', ')}`;
        allows.push({
          by: `${ruleLabel(rule)} (its ${rules} overridden to Allow)`,
          addresses: reached,
          unbounded: [`the statement of its ${rules}, which the rule group holds and Vigil does not collect`],
        });
      }
      if (containsAll(contracted, reached)) {
        // Only the contracted addresses reach it: whatever it allows is theirs; what it decides is not followed.
        allows.push({ by: ruleLabel(rule), addresses: reached, unbounded: [] });
        continue;
      }
      return stop(
        `${ruleLabel(rule)} runs ${statement.type === 'ruleGroup' ? `the rule group ${statement.arn}` : `the managed rule group ${statement.vendorName} ${statement.name}`} on requests from addresses outside the contracted CIDRs, and its rules are not collected: whether it allows them cannot be told`,
      );
    }
    const bounds = statementBounds(statement);
    if ('undecidable' in bounds) return stop(`${ruleLabel(rule)} cannot be evaluated: ${bounds.undecidable}`);
    if (rule.action === 'Allow') {
      const reached = intersection(undecided, bounds.may);
      if (!isEmpty(reached)) allows.push({ by: ruleLabel(rule), addresses: reached, unbounded: bounds.unbounded });
      undecided = difference(undecided, bounds.must);
    } else if (rule.action === 'Block') {
      undecided = difference(undecided, bounds.must);
    }
    // Count, and CAPTCHA or Challenge for a client that solves them, go on to the next rule.
  }
  if (isUnknown(acl.defaultAction)) return stop(`the default action could not be read (${acl.defaultAction.$unknown})`);
  if (acl.defaultAction === 'Allow' && !isEmpty(undecided)) allows.push({ by: 'the default action Allow', addresses: undecided, unbounded: [] });
  return { kind: 'decided', mayAllow: allows.reduce((all, allow) => union(all, allow.addresses), NO_ADDRESSES), allows };
}
