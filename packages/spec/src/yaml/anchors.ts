/**
 * Alias resolution in one pass. `Alias.resolve` of the yaml package walks the
 * whole document on every call, which makes expanding many aliases
 * quadratic; this table resolves each alias once, the same way (the last
 * anchor of that name before the alias).
 */
import type { Alias, Document, Node } from 'yaml';
import { isAlias, visit } from 'yaml';

export type AnchorTable = ReadonlyMap<Alias, Node | undefined>;

export function anchorTable(doc: Document.Parsed): AnchorTable {
  const latest = new Map<string, Node>();
  const table = new Map<Alias, Node | undefined>();
  visit(doc, {
    Node: (_key, node) => {
      if (isAlias(node)) table.set(node, latest.get(node.source));
      else if (node.anchor !== undefined) latest.set(node.anchor, node);
    },
  });
  return table;
}
