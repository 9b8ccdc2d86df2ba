/**
 * Who is told about one item: its owner (Slack by their channel, or a DM found by their e-mail
 * address; e-mail when they have an address), plus whoever a matching route adds (critical
 * findings in production → also the security channel). Only configured transports count.
 */
import type { ResourceOwner } from '../findings/owner.js';
import type { Severity } from '../model/severity.js';
import type { NotifyConfig, NotifyRoute } from './notify-config.js';

export interface Recipient {
  readonly channel: 'slack' | 'email';
  /** A Slack target (#channel, id, or e-mail address to DM), or an e-mail address. */
  readonly address: string;
  /** Whom the digest addresses. */
  readonly owner: ResourceOwner;
  /** Set when the recipient is not the owner: why they are told. */
  readonly because?: string;
}

export interface Routed {
  readonly owner: ResourceOwner | undefined;
  readonly severity: Severity;
  /** The account's environment (vigil.yaml), when it has one. */
  readonly environment?: string | undefined;
}

function matches(route: NotifyRoute, item: Routed): boolean {
  if (route.severity !== undefined && !route.severity.includes(item.severity)) return false;
  if (route.environment !== undefined && (item.environment === undefined || !route.environment.includes(item.environment))) return false;
  return true;
}

function routeReason(route: NotifyRoute): string {
  const what = [route.severity?.join('/'), route.environment === undefined ? undefined : `in ${route.environment.join('/')}`].filter(
    (part) => part !== undefined,
  );
  return `a notify route (${what.length === 0 ? 'every finding' : what.join(' findings ')})`;
}

export function recipientsOf(item: Routed, notify: NotifyConfig): Recipient[] {
  const recipients: Recipient[] = [];
  const { owner } = item;
  if (owner !== undefined) {
    const slackTarget = owner.slack ?? owner.email;
    if (notify.slack !== undefined && slackTarget !== undefined) recipients.push({ channel: 'slack', address: slackTarget, owner });
    if (notify.email !== undefined && owner.email !== undefined) recipients.push({ channel: 'email', address: owner.email, owner });
  }
  for (const route of notify.routes ?? []) {
    if (!matches(route, item)) continue;
    const because = routeReason(route);
    if (notify.slack !== undefined && route.slack !== undefined)
      recipients.push({ channel: 'slack', address: route.slack, owner: { slack: route.slack, via: owner?.via ?? 'fallback' }, because });
    if (notify.email !== undefined && route.email !== undefined)
      recipients.push({ channel: 'email', address: route.email, owner: { email: route.email, via: owner?.via ?? 'fallback' }, because });
  }
  // One digest per address: the owner's own entry wins over a route naming the same address.
  const seen = new Set<string>();
  return recipients.filter((recipient) => {
    const key = `${recipient.channel}\u0000${recipient.address}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}
