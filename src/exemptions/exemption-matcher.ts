/**
 * Decides whether a failing finding is covered by an exemption. Compiled once per scan: ARN globs
 * become matchers, expiry becomes an instant. An expired exemption stops applying on its own.
 */
import picomatch from 'picomatch';
import { matchTags, type TagSelector } from '../analysis/tags.js';
import type { Resource } from '../model/resource.js';
import type { Exemption } from './exemption-schema.js';

/** What an exemption selects a resource by: its envelope, never its config. */
export type ExemptionSubject = Pick<Resource, 'arn' | 'accountId' | 'tags'>;

export interface CompiledExemption {
  readonly exemption: Exemption;
  readonly file: string;
  /** Exclusive end: the day after `expires` when a date, else the instant. */
  readonly endsAt: number;
  matches(resource: ExemptionSubject): boolean;
}

const GLOB_CHARS = /[*?[\]{}!]/;

/** The instant an exemption stops applying. */
export function exemptionEnd(expires: string): number {
  return /^\d{4}-\d{2}-\d{2}$/.test(expires) ? Date.parse(`${expires}T00:00:00Z`) + 86_400_000 : Date.parse(expires);
}

export function compileExemption(exemption: Exemption, file: string): CompiledExemption {
  const arnMatchers = (exemption.resources ?? []).map((pattern) =>
    GLOB_CHARS.test(pattern) ? picomatch(pattern, { dot: true, nobrace: false }) : (arn: string) => arn === pattern,
  );
  const accounts = exemption.accounts ? new Set(exemption.accounts) : undefined;
  const tags: TagSelector | undefined = exemption.tags;
  return {
    exemption,
    file,
    endsAt: exemptionEnd(exemption.expires),
    matches(resource) {
      if (accounts !== undefined && !accounts.has(resource.accountId)) return false;
      if (arnMatchers.length > 0 && !arnMatchers.some((match) => match(resource.arn))) return false;
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

  /** The first active exemption covering this insight on this resource. */
  find(insightId: string, resource: ExemptionSubject): CompiledExemption | undefined {
    const candidates = this.byInsight.get(insightId);
    if (candidates === undefined) return undefined;
    return candidates.find((candidate) => candidate.matches(resource));
  }
}
