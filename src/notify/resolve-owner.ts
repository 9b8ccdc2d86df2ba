/**
 * Whom to tell about a resource, in order: its owner tags, then its creator (recorded by the
 * `lookup-creator` action), then the account's owner in `vigil.yaml`, then the fallback channel.
 * A source counts only when it gives somewhere to send (an e-mail address or a Slack target); a
 * tag naming a team without either adds the name to whatever source does.
 */
import type { AccountEntry } from '../config/account-entry.js';
import type { ResourceOwner } from '../findings/owner.js';
import { DEFAULT_OWNER_TAGS } from './notify-config.js';

export interface OwnerClues {
  readonly tags: Readonly<Record<string, string>>;
  /** The creator's principal ARN or e-mail address, when lookup-creator recorded it. */
  readonly creator?: string | undefined;
  readonly account?: AccountEntry | undefined;
}

export interface OwnerRules {
  readonly ownerTags?: readonly string[] | undefined;
  readonly fallbackChannel?: string | undefined;
}

type Contact = Omit<ResourceOwner, 'via'>;

const EMAIL = /^[^\s@<>]+@[^\s@<>]+\.[^\s@<>]+$/;
const SLACK = /^(#[a-z0-9_.-]+|@[\w.-]+|[CGUDW][A-Z0-9]{6,})$/;

/** What one tag or principal value says: an e-mail address, a Slack target, or a name. */
export function contactOf(value: string): Contact {
  const trimmed = value.trim();
  if (EMAIL.test(trimmed)) return { email: trimmed };
  if (SLACK.test(trimmed)) return { slack: trimmed };
  return { name: trimmed };
}

/** The session or user name at the end of a principal ARN (`.../assumed-role/Admin/alice@x.com` → `alice@x.com`). */
function principalName(creator: string): string {
  return creator.startsWith('arn:') ? (creator.split('/').pop() ?? creator) : creator;
}

const reachable = (contact: Contact): boolean => contact.email !== undefined || contact.slack !== undefined;

function merge(contacts: readonly Contact[]): Contact {
  const merged: { name?: string; email?: string; slack?: string } = {};
  for (const contact of contacts) {
    if (merged.name === undefined && contact.name !== undefined) merged.name = contact.name;
    if (merged.email === undefined && contact.email !== undefined) merged.email = contact.email;
    if (merged.slack === undefined && contact.slack !== undefined) merged.slack = contact.slack;
  }
  return merged;
}

/** The owner to tell, or undefined when nothing names one and there is no fallback channel. */
export function resolveOwner(clues: OwnerClues, rules: OwnerRules): ResourceOwner | undefined {
  const tagged = merge(
    (rules.ownerTags ?? DEFAULT_OWNER_TAGS).flatMap((key) => {
      const value = clues.tags[key];
      return value === undefined || value.trim() === '' ? [] : [contactOf(value)];
    }),
  );
  if (reachable(tagged)) return { ...tagged, via: 'tag' };
  const teamName = tagged.name === undefined ? [] : [{ name: tagged.name }];
  if (clues.creator !== undefined) {
    const creator = contactOf(principalName(clues.creator));
    if (reachable(creator)) return { ...merge([creator, ...teamName]), via: 'creator' };
  }
  const accountOwner = clues.account?.owner;
  if (accountOwner !== undefined && reachable(accountOwner)) return { ...merge([...teamName, accountOwner]), via: 'account' };
  if (rules.fallbackChannel !== undefined) return { ...merge([...teamName, { slack: rules.fallbackChannel }]), via: 'fallback' };
  return undefined;
}
