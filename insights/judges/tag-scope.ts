/**
 * Insights whose rule applies only to some resources (trade-record buckets, ingestion buckets)
 * take a tag selector parameter; this is its schema and the one reading of it. Unreadable tags
 * leave the resource's scope undecided, which is an error, never a silent skip.
 */
import { Type, type TRecord, type TString, type TUnion, type TArray } from '@sinclair/typebox';
import type { Verdict, VerdictFactory } from '../../src/engine/verdict.js';
import type { Tags } from '../../src/model/resource.js';
import { isUnknown, type Maybe } from '../../src/model/unknown.js';
import { matchTags, type TagSelector } from '../../src/analysis/tags.js';

/** The schema of a tag selector parameter: key → accepted value or values, `*` for any value; `{}` selects all. */
export function TagSelectorParam(description: string): TRecord<TString, TUnion<[TString, TArray<TString>]>> {
  return Type.Record(Type.String({ minLength: 1 }), Type.Union([Type.String(), Type.Array(Type.String())]), { default: {}, description });
}

/**
 * The verdict for a resource outside the selector's scope (not applicable) or whose tags could not
 * be read (error); undefined when the resource is in scope.
 */
export function outsideTagScope(tags: Maybe<Tags>, selector: TagSelector, parameter: string, verdict: VerdictFactory): Verdict | undefined {
  const scope = matchTags(tags, selector);
  // Written only when not-applicable verdicts are: most scans drop them, and most buckets are out of a narrow scope.
  if (scope === 'no-match') return verdict.notApplicable(() => `its tags do not match ${parameter} ${JSON.stringify(selector)}`);
  if (scope === 'unknown' && isUnknown(tags)) return verdict.unreadable(`tags, which decide whether the resource is in scope (${parameter}),`, tags);
  return undefined;
}
