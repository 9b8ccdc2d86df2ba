/**
 * GetWebACL's rules as the model holds them: Firewall Manager's first rule groups, the web ACL's
 * own rules and Firewall Manager's last rule groups, each in priority order, which is the order WAF
 * evaluates them; every statement reduced to what decides source addresses (IP sets with their
 * addresses, NOT / AND / OR, rule groups), anything else named, not interpreted.
 *
 * A rule or statement that lacks what the API reference says it always carries, or an action the
 * model does not know, makes the whole list unreadable (the caller records why) rather than losing
 * one rule: a dropped Block rule would read as a hole, a dropped Allow rule as a tighter ACL.
 */
import type {
  FirewallManagerRuleGroup,
  ManagedRuleGroupStatement,
  OverrideAction,
  Rule,
  RuleAction,
  RuleActionOverride as SdkRuleActionOverride,
  RuleGroupReferenceStatement,
  Statement,
  WebACL,
} from '@aws-sdk/client-wafv2';
import type { RuleActionOverride, WebAclIpSet, WebAclRule, WebAclStatement } from '../../../model/types/wafv2/web-acl.js';
import type { Maybe } from '../../../model/unknown.js';

/** The referenced IP set, by its ARN. */
export type IpSetOf = (arn: string) => Promise<Maybe<WebAclIpSet>>;

/** What made the rules unreadable, as a phrase: `rule allow-bank without an Action`. */
export class Malformed {
  constructor(readonly problem: string) {}
}

type Of<T> = T | Malformed;

const RULE_ACTIONS = ['Allow', 'Block', 'Count', 'Captcha', 'Challenge'] as const;
type KnownAction = (typeof RULE_ACTIONS)[number];

/** The one member an API union (Statement, RuleAction, OverrideAction) sets, by its name. */
function setMember(union: object): string | undefined {
  return Object.entries(union).find(([, value]) => value !== undefined)?.[0];
}

function isKnownAction(name: string | undefined): name is KnownAction {
  return (RULE_ACTIONS as readonly (string | undefined)[]).includes(name);
}

async function all<T>(items: readonly Promise<Of<T>>[]): Promise<Of<T[]>> {
  const done = await Promise.all(items);
  const malformed = done.find((item): item is Malformed => item instanceof Malformed);
  return malformed ?? (done as T[]);
}

function overridesOf(overrides: readonly SdkRuleActionOverride[] | undefined, where: string): Of<RuleActionOverride[]> {
  const out: RuleActionOverride[] = [];
  for (const override of overrides ?? []) {
    const action = override.ActionToUse === undefined ? undefined : setMember(override.ActionToUse);
    if (override.Name === undefined || action === undefined) return new Malformed(`a rule action override of ${where} without its Name or ActionToUse`);
    out.push({ name: override.Name, action });
  }
  return out;
}

function ruleGroupOf(group: RuleGroupReferenceStatement, where: string): Of<WebAclStatement> {
  if (group.ARN === undefined) return new Malformed(`a RuleGroupReferenceStatement of ${where} without its ARN`);
  const overrides = overridesOf(group.RuleActionOverrides, where);
  return overrides instanceof Malformed ? overrides : { type: 'ruleGroup', arn: group.ARN, ruleActionOverrides: overrides };
}

async function managedRuleGroupOf(group: ManagedRuleGroupStatement, ipSetOf: IpSetOf, where: string): Promise<Of<WebAclStatement>> {
  if (group.VendorName === undefined || group.Name === undefined)
    return new Malformed(`a ManagedRuleGroupStatement of ${where} without its VendorName or Name`);
  const overrides = overridesOf(group.RuleActionOverrides, where);
  if (overrides instanceof Malformed) return overrides;
  const scopeDown = group.ScopeDownStatement === undefined ? null : await statementOf(group.ScopeDownStatement, ipSetOf, where);
  if (scopeDown instanceof Malformed) return scopeDown;
  return {
    type: 'managedRuleGroup',
    vendorName: group.VendorName,
    name: group.Name,
    version: group.Version ?? null,
    scopeDown,
    ruleActionOverrides: overrides,
  };
}

async function statementOf(statement: Statement | undefined, ipSetOf: IpSetOf, where: string): Promise<Of<WebAclStatement>> {
  if (statement === undefined) return new Malformed(`${where} without a statement`);
  const { IPSetReferenceStatement: ipSet, NotStatement: not, AndStatement: and, OrStatement: or } = statement;
  if (ipSet !== undefined) {
    if (ipSet.ARN === undefined) return new Malformed(`an IPSetReferenceStatement of ${where} without its ARN`);
    const forwarded = ipSet.IPSetForwardedIPConfig;
    if (forwarded !== undefined && forwarded.HeaderName === undefined) return new Malformed(`an IPSetForwardedIPConfig of ${where} without its HeaderName`);
    return { type: 'ipSet', arn: ipSet.ARN, forwardedIpHeader: forwarded?.HeaderName ?? null, ipSet: await ipSetOf(ipSet.ARN) };
  }
  if (not !== undefined) {
    const inner = await statementOf(not.Statement, ipSetOf, `the NotStatement of ${where}`);
    return inner instanceof Malformed ? inner : { type: 'not', statement: inner };
  }
  for (const [type, list] of [
    ['and', and],
    ['or', or],
  ] as const) {
    if (list === undefined) continue;
    if (list.Statements === undefined) return new Malformed(`an ${type === 'and' ? 'AndStatement' : 'OrStatement'} of ${where} without its Statements`);
    const statements = await all(list.Statements.map((s) => statementOf(s, ipSetOf, where)));
    return statements instanceof Malformed ? statements : { type, statements };
  }
  if (statement.RuleGroupReferenceStatement !== undefined) return ruleGroupOf(statement.RuleGroupReferenceStatement, where);
  if (statement.ManagedRuleGroupStatement !== undefined) return managedRuleGroupOf(statement.ManagedRuleGroupStatement, ipSetOf, where);
  const other = setMember(statement);
  return other === undefined ? new Malformed(`${where} with an empty statement`) : { type: 'other', statement: other };
}

/** The action part of a rule: Action for plain statements, OverrideAction for rule groups. */
function actionsOf(
  statement: WebAclStatement,
  action: RuleAction | undefined,
  override: OverrideAction | undefined,
  where: string,
): Of<Pick<WebAclRule, 'action' | 'overrideAction'>> {
  if (statement.type === 'ruleGroup' || statement.type === 'managedRuleGroup') {
    const name = override === undefined ? undefined : setMember(override);
    if (name !== 'None' && name !== 'Count')
      return new Malformed(
        `${where}, a rule group, with ${name === undefined ? 'no OverrideAction' : `the OverrideAction ${name}, which the model does not know`}`,
      );
    return { action: null, overrideAction: name };
  }
  const name = action === undefined ? undefined : setMember(action);
  if (!isKnownAction(name)) return new Malformed(`${where} with ${name === undefined ? 'no Action' : `the action ${name}, which the model does not know`}`);
  return { action: name, overrideAction: null };
}

interface RuleLike {
  readonly Name?: string | undefined;
  readonly Priority?: number | undefined;
  readonly Statement?: Statement | undefined;
  readonly Action?: RuleAction | undefined;
  readonly OverrideAction?: OverrideAction | undefined;
}

async function ruleOf(rule: RuleLike, origin: WebAclRule['origin'], ipSetOf: IpSetOf): Promise<Of<WebAclRule>> {
  const where = `rule ${rule.Name ?? '(unnamed)'}`;
  if (rule.Name === undefined || rule.Priority === undefined) return new Malformed(`${where} without its Name or Priority`);
  const statement = await statementOf(rule.Statement, ipSetOf, where);
  if (statement instanceof Malformed) return statement;
  const actions = actionsOf(statement, rule.Action, rule.OverrideAction, where);
  if (actions instanceof Malformed) return actions;
  return { name: rule.Name, priority: rule.Priority, origin, ...actions, statement };
}

/** A Firewall Manager rule group as a rule: its FirewallManagerStatement is a rule group statement. */
function asRule(group: FirewallManagerRuleGroup): RuleLike {
  const statement = group.FirewallManagerStatement;
  return {
    Name: group.Name,
    Priority: group.Priority,
    OverrideAction: group.OverrideAction,
    ...(statement !== undefined && {
      Statement: { RuleGroupReferenceStatement: statement.RuleGroupReferenceStatement, ManagedRuleGroupStatement: statement.ManagedRuleGroupStatement },
    }),
  };
}

function byPriority(rules: readonly RuleLike[]): RuleLike[] {
  return [...rules].sort((a, b) => (a.Priority ?? 0) - (b.Priority ?? 0));
}

/** The web ACL's rules in evaluation order, or what made them unreadable. */
export async function rulesOf(acl: WebACL, ipSetOf: IpSetOf): Promise<Of<WebAclRule[]>> {
  const phases: [WebAclRule['origin'], readonly RuleLike[]][] = [
    ['firewall-manager-first', (acl.PreProcessFirewallManagerRuleGroups ?? []).map(asRule)],
    ['web-acl', acl.Rules ?? ([] as Rule[])],
    ['firewall-manager-last', (acl.PostProcessFirewallManagerRuleGroups ?? []).map(asRule)],
  ];
  return all(phases.flatMap(([origin, rules]) => byPriority(rules).map((rule) => ruleOf(rule, origin, ipSetOf))));
}
