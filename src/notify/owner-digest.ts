/**
 * One owner's digest: what is wrong with their resources, how to fix each, what a bot will do and
 * when, and how to ask for an exemption — one message, never one per finding. Long lists show the
 * most severe first and count the rest.
 */
import type { Finding } from '../findings/finding.js';
import type { ResourceOwner } from '../findings/owner.js';
import type { Remediation } from '../engine/define-insight.js';
import { severityRank } from '../model/severity.js';

/** Why an item is in a digest: a scan found it new or back, a bot's action on it is near, or a bot run plans one. */
export type DigestChange = 'new' | 'regressed' | 'due-soon' | 'bot-run';

export interface DigestItem {
  readonly finding: Pick<Finding, 'id' | 'title' | 'severity' | 'reason' | 'resource'>;
  readonly change: DigestChange;
  readonly remediation?: Remediation | undefined;
  /** What a bot will do about it, and when (after its grace period). */
  readonly botAction?: { readonly what: string; readonly at: string } | undefined;
}

export interface OwnerDigest {
  readonly owner: ResourceOwner;
  readonly items: readonly DigestItem[];
  /** How to ask for an exemption (a link or an instruction). */
  readonly exemptionHelp: string;
  /** Why this recipient is told, when it is not the owner (a route: critical findings also go to the security channel). */
  readonly because?: string | undefined;
}

export function sortedItems(items: readonly DigestItem[]): DigestItem[] {
  return [...items].sort(
    (a, b) =>
      severityRank(b.finding.severity) - severityRank(a.finding.severity) ||
      a.finding.resource.arn.localeCompare(b.finding.resource.arn) ||
      a.finding.title.localeCompare(b.finding.title),
  );
}

export function digestTitle(digest: OwnerDigest): string {
  const count = digest.items.length;
  return `Vigil: ${count} compliance finding${count === 1 ? '' : 's'} on your resources`;
}

export const OWNER_SOURCE_TEXT: Readonly<Record<ResourceOwner['via'], string>> = {
  tag: 'an owner tag on the resource',
  creator: 'who created the resource',
  account: "the account's owner in vigil.yaml",
  fallback: 'nobody could be found, so the fallback channel',
};

/** Why the digest's recipient is told, as a sentence's end. */
export function toldBecause(digest: OwnerDigest): string {
  return digest.because ?? OWNER_SOURCE_TEXT[digest.owner.via];
}

/** What a digest says on how to ask for an exemption, unless the caller says otherwise. */
export const EXEMPTION_HELP =
  'ask your security team for an exemption: an entry in the exemptions file naming the insight and the resource, with a reason, who approved it and when it expires.';
