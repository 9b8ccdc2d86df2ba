/**
 * The verdict of a chain search (trail → log group → metric filter → alarm → subscribed topic): pass
 * with the proven chain, error when none is proven and a path could not be followed, fail naming
 * the first broken path. Every path is in the evidence.
 */
import type { Verdict, VerdictFactory } from '../../src/engine/verdict.js';
import type { ChainLink, ChainSearch } from '../../src/analysis/monitoring/chain-search.js';

/** `trail t → log group g → ...`, as a verdict says it. */
function describeChain(chain: readonly ChainLink[]): string {
  return chain.map((link) => `${link.kind} ${link.name}`).join(' → ');
}

/** A reason stays one or two sentences: the first path's link, clipped; every path is in the evidence. */
const MAX_LINK_CHARS = 240;

function firstOf(links: readonly string[]): string {
  const first = links[0] ?? '';
  const clipped = first.length > MAX_LINK_CHARS ? `${first.slice(0, MAX_LINK_CHARS - 1)}…` : first;
  const others = links.length - 1;
  return others === 0 ? clipped : `${clipped} (and ${others} other path${others === 1 ? '' : 's'}: see the evidence)`;
}

/** pass with the chain; error when no chain is proven and some path could not be followed; fail naming the first broken path (all in the evidence). */
export function chainVerdict(search: ChainSearch, verdict: VerdictFactory, what: string): Verdict {
  if (search.found) {
    const { chain } = search;
    return verdict.pass(
      () => `${what}: ${describeChain(chain)}`,
      () => ({ chain }),
    );
  }
  const { missing, unread } = search;
  if (unread.length > 0) {
    const paths = unread.length === 1 ? 'one path' : `${unread.length} paths`;
    return verdict.error(`no ${what} chain is proven, and ${paths} could not be followed: ${firstOf(unread)}`, { unread, missing });
  }
  return verdict.fail(`no ${what} chain: ${firstOf(missing)}`, { missing });
}
