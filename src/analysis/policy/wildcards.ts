/**
 * IAM wildcard patterns (`*` any run of characters, `?` one character), as used in Action,
 * Resource and the `*Like` condition operators. Besides matching a value, the analysis needs to
 * compare two patterns; those comparisons answer conservatively: `covers` says true only when
 * every value of one pattern surely matches the other, `mayOverlap` says false only when no value
 * can match both.
 */

export interface WildcardOptions {
  /** Action names are case-insensitive; resource ARNs are not. */
  readonly ignoreCase: boolean;
}

const cache = new Map<string, RegExp>();

export function hasWildcard(pattern: string): boolean {
  return pattern.includes('*') || pattern.includes('?');
}

/** Whether `value` (a literal) matches `pattern`. */
export function wildcardMatch(pattern: string, value: string, options: WildcardOptions): boolean {
  const key = `${options.ignoreCase ? 'i' : 's'}\u0000${pattern}`;
  let regex = cache.get(key);
  if (regex === undefined) {
    const body = [...pattern].map((ch) => (ch === '*' ? '.*' : ch === '?' ? '.' : ch.replace(/[.+^${}()|[\]\\/-]/g, '\\$&'))).join('');
    regex = new RegExp(`^${body}$`, options.ignoreCase ? 'is' : 's');
    cache.set(key, regex);
  }
  return regex.test(value);
}

/** Whether every value matched by `specific` is matched by `general` (true only when sure). */
export function patternCovers(general: string, specific: string, options: WildcardOptions): boolean {
  const g = options.ignoreCase ? general.toLowerCase() : general;
  const s = options.ignoreCase ? specific.toLowerCase() : specific;
  if (g === s || g === '*') return true;
  if (!hasWildcard(s)) return wildcardMatch(g, s, { ignoreCase: false });
  // `prefix*` covers any pattern that starts with the same literal prefix.
  const star = g.indexOf('*');
  if (star === g.length - 1 && !hasWildcard(g.slice(0, star))) return s.startsWith(g.slice(0, star));
  return false;
}

/** Whether some value could match both patterns (false only when sure). */
export function patternsMayOverlap(a: string, b: string, options: WildcardOptions): boolean {
  const x = options.ignoreCase ? a.toLowerCase() : a;
  const y = options.ignoreCase ? b.toLowerCase() : b;
  if (!hasWildcard(x)) return wildcardMatch(y, x, { ignoreCase: false });
  if (!hasWildcard(y)) return wildcardMatch(x, y, { ignoreCase: false });
  const px = literalPrefix(x);
  const py = literalPrefix(y);
  const n = Math.min(px.length, py.length);
  if (px.slice(0, n) !== py.slice(0, n)) return false;
  const sx = literalSuffix(x);
  const sy = literalSuffix(y);
  const m = Math.min(sx.length, sy.length);
  return m === 0 || sx.slice(-m) === sy.slice(-m);
}

/** The characters before the first wildcard. */
export function literalPrefix(pattern: string): string {
  const i = pattern.search(/[*?]/);
  return i < 0 ? pattern : pattern.slice(0, i);
}

function literalSuffix(pattern: string): string {
  const i = Math.max(pattern.lastIndexOf('*'), pattern.lastIndexOf('?'));
  return i < 0 ? pattern : pattern.slice(i + 1);
}
