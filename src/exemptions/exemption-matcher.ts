/**
 * Decides whether a failing finding is covered by an exemption. Compiled once per scan: ARN globs
 * become matchers, expiry becomes an instant. An expired exemption stops applying on its own.
 * An ARN is no path: `*` matches any run of characters, `/` included, as IAM matches ARNs
 * (`arn:aws:ec2:*` covers `arn:aws:ec2:eu-west-1:111111111111:security-group/sg-1`).
 * Each ARN pattern remembers whether it matched, so a pattern that matched nothing in a scan can
 * be named (a typo, or a resource long gone).
 */
import picomatch from 'picomatch';
import { matchTags, type TagSelector } from '../analysis/tags.js';
import type { Resource } from '../model/resource.js';
import type { Exemption } from './exemption-schema.js';

/** What an exemption selects a resource by: its envelope, never its config. */
export type ExemptionSubject = Pick<Resource, 'arn' | 'accountId' | 'tags'>;

/** Where an ARN pattern is written, to name it in a warning. */
export interface PatternSite {
  readonly line: number;
  readonly column: number;
}

export interface CompiledExemption {
  readonly exemption: Exemption;
  readonly file: string;
  /** The index of each ARN pattern that matched a resource so far. */
  readonly matchedPatterns: ReadonlySet<number>;
  /** Where each ARN pattern is written (empty when compiled without its file's positions). */
  readonly patternSites: readonly PatternSite[];
  /** Exclusive end: the day after `expires` when a date, else the instant. */
  readonly endsAt: number;
  matches(resource: ExemptionSubject): boolean;
}

const GLOB_CHARS = /[*?[\]{}!]/;

/** The instant an exemption stops applying. */
export function exemptionEnd(expires: string): number {
  return /^\d{4}-\d{2}-\d{2}$/.test(expires) ? Date.parse(`${expires}T00:00:00Z`) + 86_400_000 : Date.parse(expires);
}

export function compileExemption(exemption: Exemption, file: string, patternSites: readonly PatternSite[] = []): CompiledExemption {
  const arnMatchers = (exemption.resources ?? []).map((pattern) =>
    // bash: a single `*` crosses `/` (picomatch's default stops at it, as in file paths).
    GLOB_CHARS.test(pattern) ? picomatch(pattern, { dot: true, nobrace: false, bash: true }) : (arn: string) => arn === pattern,
  );
  const matchedPatterns = new Set<number>();
  const accounts = exemption.accounts ? new Set(exemption.accounts) : undefined;
  const tags: TagSelector | undefined = exemption.tags;
  return {
    exemption,
    file,
    endsAt: exemptionEnd(exemption.expires),
    matchedPatterns,
    patternSites,
    matches(resource) {
      if (accounts !== undefined && !accounts.has(resource.accountId)) return false;
      if (arnMatchers.length > 0) {
        const matched = arnMatchers.findIndex((match) => match(resource.arn));
        if (matched < 0) return false;
        matchedPatterns.add(matched);
      }
      // Unreadable tags cannot prove the resource is covered: the fail stands.
      if (tags !== undefined && matchTags(resource.tags, tags) !== 'match') return false;
      return true;
    },
  };
}

export class ExemptionIndex {
  private readonly byInsight = new Map<string, CompiledExemption[]>();

  constructor(exemptions: readonly CompiledExemption[], now: Date) {
    const instant = now.getTime();
    for (const compiled of exemptions) {
      if (compiled.endsAt <= instant) continue;
      const list = this.byInsight.get(compiled.exemption.insight) ?? [];
      list.push(compiled);
      this.byInsight.set(compiled.exemption.insight, list);
    }
  }

  /** The active exemptions, in the order of their files. */
  get active(): CompiledExemption[] {
    return [...this.byInsight.values()].flat();
  }

  /** The first active exemption covering this insight on this resource. */
  find(insightId: string, resource: ExemptionSubject): CompiledExemption | undefined {
    const candidates = this.byInsight.get(insightId);
    if (candidates === undefined) return undefined;
    // Every candidate is tried, so that each records whether its patterns matched; the first covers it.
    let covering: CompiledExemption | undefined;
    for (const candidate of candidates) if (candidate.matches(resource)) covering ??= candidate;
    return covering;
  }
}
