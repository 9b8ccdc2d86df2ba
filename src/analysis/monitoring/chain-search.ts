/**
 * The outcome of looking for a monitoring chain (trail → log group → metric filter → alarm → SNS
 * topic → subscriber) along every path the inventory offers. One proven chain is enough: it passes
 * even when other paths could not be read. Without one, a path that could not be read makes the
 * answer undecided (an error verdict, never a pass); only when every path is proven broken is the
 * chain missing. Each broken or unread path is named by its first missing or unread link.
 */

/** One link of a proven chain, as the verdict names it. */
export interface ChainLink {
  readonly kind: 'trail' | 'log group' | 'metric filter' | 'metric' | 'alarm' | 'topic' | 'subscription';
  readonly name: string;
}

export type ChainSearch =
  | { readonly found: true; readonly chain: readonly ChainLink[] }
  | {
      readonly found: false;
      /** Paths proven broken, each by its first missing link. */
      readonly missing: readonly string[];
      /** Paths that could not be followed, each by its first unread link. */
      readonly unread: readonly string[];
    };

export const missingLink = (why: string): ChainSearch => ({ found: false, missing: [why], unread: [] });
export const unreadLink = (why: string): ChainSearch => ({ found: false, missing: [], unread: [why] });

/** The first proven chain of the alternatives, or all their missing and unread links. */
export function anyPath(alternatives: Iterable<ChainSearch>): ChainSearch {
  const missing: string[] = [];
  const unread: string[] = [];
  for (const search of alternatives) {
    if (search.found) return search;
    missing.push(...search.missing);
    unread.push(...search.unread);
  }
  return { found: false, missing: [...new Set(missing)], unread: [...new Set(unread)] };
}

/**
 * Every search must prove its chain (one per audit log of a database): the chains joined; when one
 * search is proven broken (missing links and nothing unread), only the broken ones, since the
 * whole fails whatever else could not be read; otherwise every missing and unread link.
 */
export function allPaths(searches: readonly ChainSearch[]): ChainSearch {
  const chain: ChainLink[] = [];
  const failed: Extract<ChainSearch, { found: false }>[] = [];
  for (const search of searches) {
    if (search.found) chain.push(...search.chain);
    else failed.push(search);
  }
  if (failed.length === 0) return { found: true, chain };
  const broken = failed.filter((search) => search.unread.length === 0);
  const missing: string[] = [];
  const unread: string[] = [];
  for (const search of broken.length > 0 ? broken : failed) {
    missing.push(...search.missing);
    unread.push(...search.unread);
  }
  return { found: false, missing, unread };
}

/** Puts a link in front of every chain a search proves. */
export function through(link: ChainLink, search: ChainSearch): ChainSearch {
  return search.found ? { found: true, chain: [link, ...search.chain] } : search;
}
