/**
 * Actions of a policy: sets of action patterns (from Action or NotAction), the subtraction a Deny
 * performs on them, and their IAM access level (list, read, write, permissions management,
 * tagging) so a report can say "public read" or "public write". The catalogue below names the
 * permissions-management and tagging actions of the services whose resource policies Vigil reads;
 * other actions are classified by their verb.
 */
import { hasWildcard, literalPrefix, patternCovers, patternsMayOverlap, wildcardMatch } from './wildcards.js';

const ACTIONS = { ignoreCase: true } as const;

/** `only`: the actions matching the patterns; `all-except`: every action but those (NotAction). */
export type ActionSet = { readonly kind: 'only'; readonly patterns: readonly string[] } | { readonly kind: 'all-except'; readonly patterns: readonly string[] };

export const NO_ACTIONS: ActionSet = { kind: 'only', patterns: [] };

export function actionSet(element: { negated: boolean; patterns: readonly string[] }): ActionSet {
  return normalise(element.negated ? { kind: 'all-except', patterns: element.patterns } : { kind: 'only', patterns: element.patterns });
}

export function isEmptyActionSet(set: ActionSet): boolean {
  return set.kind === 'only' && set.patterns.length === 0;
}

/** Whether the set may include this action (or some action of this pattern). */
export function actionSetMayInclude(set: ActionSet, action: string): boolean {
  if (set.kind === 'only') return set.patterns.some((p) => patternsMayOverlap(p, action, ACTIONS));
  return !set.patterns.some((p) => patternCovers(p, action, ACTIONS));
}

/** Whether the set surely includes every action of the pattern. */
export function actionSetCovers(set: ActionSet, pattern: string): boolean {
  if (set.kind === 'only') return set.patterns.some((p) => patternCovers(p, pattern, ACTIONS));
  return !set.patterns.some((p) => patternsMayOverlap(p, pattern, ACTIONS));
}

export interface ActionSplit {
  /** What a Deny of `denied` leaves of the set: never less than the truth. */
  readonly remaining: ActionSet;
  /** What it surely takes away. */
  readonly removed: ActionSet;
}

/**
 * Splits `set` by a Deny of `denied`. Patterns only partly denied stay whole in `remaining`, so the
 * remaining actions are never understated (a partly denied public grant stays public).
 */
export function subtractActions(set: ActionSet, denied: ActionSet): ActionSplit {
  if (set.kind === 'only' && denied.kind === 'only') {
    const removed = set.patterns.filter((p) => denied.patterns.some((d) => patternCovers(d, p, ACTIONS)));
    return split(
      set.patterns.filter((p) => !removed.includes(p)),
      removed,
    );
  }
  if (set.kind === 'only' && denied.kind === 'all-except') {
    // The Deny spares only its NotAction patterns: what overlaps them may remain.
    const remaining = set.patterns.filter((p) => denied.patterns.some((d) => patternsMayOverlap(p, d, ACTIONS)));
    return split(
      remaining,
      set.patterns.filter((p) => !remaining.includes(p)),
    );
  }
  if (set.kind === 'all-except' && denied.kind === 'only') {
    if (denied.patterns.includes('*')) return { remaining: NO_ACTIONS, removed: set };
    return {
      remaining: normalise({ kind: 'all-except', patterns: unique([...set.patterns, ...denied.patterns]) }),
      removed: normalise({ kind: 'only', patterns: denied.patterns.filter((d) => !set.patterns.some((p) => patternCovers(p, d, ACTIONS))) }),
    };
  }
  // all-except X, minus all-except Y: what remains is Y without X.
  return {
    remaining: normalise({ kind: 'only', patterns: denied.patterns.filter((d) => !set.patterns.some((p) => patternCovers(p, d, ACTIONS))) }),
    removed: normalise({ kind: 'all-except', patterns: unique([...set.patterns, ...denied.patterns]) }),
  };
}

/** How the set reads in a report: `s3:GetObject`, `*`, `* except s3:DeleteObject`. */
export function describeActions(set: ActionSet): string[] {
  if (set.kind === 'only') return [...set.patterns];
  return [`* except ${set.patterns.join(', ')}`];
}

export type AccessLevel = 'list' | 'read' | 'write' | 'permissions-management' | 'tagging';

export const ACCESS_LEVELS: readonly AccessLevel[] = ['list', 'read', 'write', 'permissions-management', 'tagging'];

/** Permissions-management and tagging actions of the services whose resource policies Vigil reads. */
const CATALOGUE: Readonly<Record<string, { readonly permissions: readonly string[]; readonly tagging: readonly string[] }>> = {
  s3: {
    permissions: [
      'PutBucketPolicy',
      'DeleteBucketPolicy',
      'PutBucketAcl',
      'PutObjectAcl',
      'PutObjectVersionAcl',
      'PutBucketPublicAccessBlock',
      'PutAccountPublicAccessBlock',
      'PutAccessPointPublicAccessBlock',
      'PutBucketOwnershipControls',
      'PutAccessPointPolicy',
      'DeleteAccessPointPolicy',
      'PutAccessPointPolicyForObjectLambda',
      'DeleteAccessPointPolicyForObjectLambda',
      'PutMultiRegionAccessPointPolicy',
      'PutAccessGrantsInstanceResourcePolicy',
      'DeleteAccessGrantsInstanceResourcePolicy',
      'ObjectOwnerOverrideToBucketOwner',
    ],
    tagging: [
      'PutObjectTagging',
      'PutObjectVersionTagging',
      'DeleteObjectTagging',
      'DeleteObjectVersionTagging',
      'PutBucketTagging',
      'PutJobTagging',
      'DeleteJobTagging',
      'PutStorageLensConfigurationTagging',
      'DeleteStorageLensConfigurationTagging',
      'ReplicateTags',
      'TagResource',
      'UntagResource',
    ],
  },
  kms: { permissions: ['PutKeyPolicy', 'CreateGrant', 'RetireGrant', 'RevokeGrant'], tagging: ['TagResource', 'UntagResource'] },
  sqs: { permissions: ['AddPermission', 'RemovePermission'], tagging: ['TagQueue', 'UntagQueue'] },
  sns: { permissions: ['AddPermission', 'RemovePermission'], tagging: ['TagResource', 'UntagResource'] },
  lambda: {
    permissions: ['AddPermission', 'RemovePermission', 'AddLayerVersionPermission', 'RemoveLayerVersionPermission'],
    tagging: ['TagResource', 'UntagResource'],
  },
  ecr: {
    permissions: ['SetRepositoryPolicy', 'DeleteRepositoryPolicy', 'PutRegistryPolicy', 'DeleteRegistryPolicy'],
    tagging: ['TagResource', 'UntagResource'],
  },
};

const LIST_VERBS = ['list'];
const READ_VERBS = ['get', 'describe', 'head', 'view', 'search', 'query', 'scan', 'read', 'lookup', 'batchget'];

/** The access levels an action, or any action of a pattern, may have. */
export function accessLevels(pattern: string): AccessLevel[] {
  const colon = pattern.indexOf(':');
  const service = colon < 0 ? '' : pattern.slice(0, colon).toLowerCase();
  const name = colon < 0 ? pattern : pattern.slice(colon + 1);
  if (colon < 0 || hasWildcard(service)) return [...ACCESS_LEVELS];
  const catalogue = CATALOGUE[service];
  const levels = new Set<AccessLevel>();

  if (!hasWildcard(name)) {
    const lower = name.toLowerCase();
    if (catalogue?.permissions.some((a) => a.toLowerCase() === lower)) return ['permissions-management'];
    if (catalogue?.tagging.some((a) => a.toLowerCase() === lower)) return ['tagging'];
    const verb = verbLevel(lower);
    if (verb !== 'write' || catalogue !== undefined) return [verb];
    // A service without a catalogue: judge by the words of the name.
    if (/policy|permission|acl|grant/.test(lower)) return ['permissions-management'];
    if (/^(tag|untag)|tagging/.test(lower)) return ['tagging'];
    return ['write'];
  }

  const prefix = literalPrefix(name).toLowerCase();
  if (prefix === '') return [...ACCESS_LEVELS];
  const startsWithAny = (verbs: readonly string[]) => verbs.some((v) => prefix.startsWith(v));
  const couldBeAny = (verbs: readonly string[]) => verbs.some((v) => v.startsWith(prefix) || prefix.startsWith(v));
  if (couldBeAny(LIST_VERBS)) levels.add('list');
  if (couldBeAny(READ_VERBS)) levels.add('read');
  const writePossible = !startsWithAny(LIST_VERBS) && !startsWithAny(READ_VERBS);
  if (writePossible) {
    levels.add('write');
    if (catalogue === undefined) {
      levels.add('permissions-management');
      levels.add('tagging');
    }
  }
  if (catalogue !== undefined) {
    const matches = (action: string) => wildcardMatch(pattern, `${service}:${action}`, ACTIONS);
    if (catalogue.permissions.some(matches)) levels.add('permissions-management');
    if (catalogue.tagging.some(matches)) levels.add('tagging');
  }
  return ACCESS_LEVELS.filter((level) => levels.has(level));
}

/** The access levels of every action of the set. */
export function accessLevelsOfSet(set: ActionSet): AccessLevel[] {
  if (set.kind === 'all-except') return [...ACCESS_LEVELS];
  const levels = new Set<AccessLevel>();
  for (const pattern of set.patterns) for (const level of accessLevels(pattern)) levels.add(level);
  return ACCESS_LEVELS.filter((level) => levels.has(level));
}

function verbLevel(lowerName: string): AccessLevel {
  if (LIST_VERBS.some((v) => lowerName.startsWith(v))) return 'list';
  if (READ_VERBS.some((v) => lowerName.startsWith(v))) return 'read';
  return 'write';
}

function normalise(set: ActionSet): ActionSet {
  if (set.kind === 'all-except' && set.patterns.length === 0) return { kind: 'only', patterns: ['*'] };
  if (set.kind === 'all-except' && set.patterns.includes('*')) return NO_ACTIONS;
  return { kind: set.kind, patterns: unique(set.patterns) };
}

function split(remaining: readonly string[], removed: readonly string[]): ActionSplit {
  return { remaining: { kind: 'only', patterns: remaining }, removed: { kind: 'only', patterns: removed } };
}

function unique(list: readonly string[]): string[] {
  return [...new Set(list)];
}
