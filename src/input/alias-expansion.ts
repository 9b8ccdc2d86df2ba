/**
 * Bounds what a YAML document's aliases expand to before it is converted. An alias shares its
 * anchor's node, so every later traversal (schema validation, cloning per account, hashing) pays
 * for the expanded tree; a "billion laughs" document expands exponentially from a few lines.
 */
import { isAlias, isCollection, isPair, visit, type Alias, type Document, type Node } from 'yaml';

/**
 * At least this many expanded nodes are always allowed, so a small file shares blocks freely:
 * even a traversal that copies every one stays around a hundred megabytes.
 */
export const MIN_EXPANDED_NODES = 1_000_000;

/**
 * Beyond that, a document may expand to this many times the nodes written in it. A block shared
 * by many entries is paid once per entry, and every entry is written, so real sharing expands a
 * file by about the ratio of the block to an entry; a bomb multiplies at every level of nesting.
 */
export const EXPANSION_PER_WRITTEN_NODE = 100;

export interface AliasRefusal {
  readonly alias: Alias;
  readonly message: string;
}

/** The first alias that cannot be expanded (unknown anchor, cycle, over the bound), in document order. */
export function refusedAlias(doc: Document): AliasRefusal | undefined {
  // The expanded document is its written nodes, with each alias replaced by its anchor's node.
  let written = 0;
  let total = 0;
  visit(doc, {
    Node: (_key, node) => {
      written += 1;
      if (!isAlias(node)) total += 1;
    },
  });
  const limit = Math.max(MIN_EXPANDED_NODES, EXPANSION_PER_WRITTEN_NODE * written);

  // Anchors resolve as in the `yaml` package: the last node with that anchor before the alias.
  // A node's expanded size is known once its subtree is walked, so an alias to an anchor whose
  // size is not known yet points into its own ancestor: a cycle.
  const latest = new Map<string, Node>();
  const sizes = new Map<Node, number>();
  let refusal: AliasRefusal | undefined;

  const walk = (node: unknown): number => {
    if (refusal !== undefined || node === null || node === undefined) return 0;
    if (isPair(node)) return walk(node.key) + walk(node.value);
    if (isAlias(node)) {
      const target = latest.get(node.source);
      const size = target === undefined ? undefined : sizes.get(target);
      if (target === undefined) refusal = { alias: node, message: `alias *${node.source} has no anchor &${node.source} before it` };
      else if (size === undefined) refusal = { alias: node, message: `alias *${node.source} is inside the node it refers to (a cycle, which cannot be read)` };
      else if (total + size > limit) {
        const most = limit.toLocaleString('en-US');
        const message = `alias *${node.source} would expand the document to more than ${most} nodes, the most a file of ${written.toLocaleString('en-US')} nodes may expand to (an alias bomb?)`;
        refusal = { alias: node, message };
      } else total += size;
      return size ?? 0;
    }
    const { anchor } = node as Node;
    if (anchor !== undefined) latest.set(anchor, node as Node);
    let size = 1;
    if (isCollection(node)) for (const item of node.items) size += walk(item);
    if (anchor !== undefined) sizes.set(node as Node, size);
    return size;
  };
  walk(doc.contents);
  return refusal;
}
