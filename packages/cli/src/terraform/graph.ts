import { configBlocks, references } from './resources.js';
import { stackDocuments } from './stack-documents.js';
import type { FileContent } from '../fs/file-content.js';

export interface GraphNode {
  readonly stack: string;
  readonly address: string;
}

export interface GraphEdge {
  /** `stack:address` of the block that refers. */
  readonly from: string;
  /** `stack:address` of the block referred to, or `stack:` for a remote-state read of a whole stack. */
  readonly to: string;
}

export interface InfrastructureGraph {
  /** Stacks in generation order. */
  readonly stacks: readonly string[];
  readonly nodes: readonly GraphNode[];
  readonly edges: readonly GraphEdge[];
}

/**
 * The resources of one environment's stacks and the references between them
 * (interpolations and `depends_on`). A read of another stack's state
 * (`data.terraform_remote_state.<stack>`) becomes an edge to that stack.
 */
export function buildGraph(
  files: ReadonlyMap<string, FileContent>,
  environmentID: string,
): InfrastructureGraph {
  const stacks: string[] = [];
  const nodes: GraphNode[] = [];
  const bodies = new Map<string, unknown>();
  for (const { stack, document } of stackDocuments(files, environmentID)) {
    if (!stacks.includes(stack)) stacks.push(stack);
    for (const block of configBlocks(document)) {
      if (block.type === 'terraform_remote_state') continue;
      nodes.push({ stack, address: block.address });
      bodies.set(`${stack}:${block.address}`, block.body);
    }
  }
  const edges: GraphEdge[] = [];
  for (const node of nodes) {
    const from = `${node.stack}:${node.address}`;
    const targets = new Set<string>();
    for (const ref of references(bodies.get(from))) {
      const remote = /^data\.terraform_remote_state\.([A-Za-z0-9_-]+)$/.exec(ref);
      if (remote?.[1] !== undefined && stacks.includes(remote[1]) && remote[1] !== node.stack)
        targets.add(`${remote[1]}:`);
      else if (bodies.has(`${node.stack}:${ref}`) && ref !== node.address)
        targets.add(`${node.stack}:${ref}`);
    }
    for (const to of [...targets].sort()) edges.push({ from, to });
  }
  return { stacks, nodes, edges };
}

function nodeID(key: string): string {
  return key.replace(/[^A-Za-z0-9_]/g, '_');
}

/** A Mermaid flowchart: one subgraph per stack, arrows from a block to what it uses. */
export function renderMermaid(graph: InfrastructureGraph): string {
  const lines = ['flowchart LR'];
  for (const stack of graph.stacks) {
    lines.push(`  subgraph ${nodeID(`stack_${stack}`)}["${stack}"]`);
    for (const node of graph.nodes.filter((n) => n.stack === stack)) {
      lines.push(`    ${nodeID(`${stack}:${node.address}`)}["${node.address}"]`);
    }
    lines.push('  end');
  }
  for (const edge of graph.edges) {
    const to = edge.to.endsWith(':') ? nodeID(`stack_${edge.to.slice(0, -1)}`) : nodeID(edge.to);
    lines.push(`  ${nodeID(edge.from)} --> ${to}`);
  }
  return lines.join('\n') + '\n';
}

/** A Graphviz digraph: one cluster per stack. */
export function renderDot(graph: InfrastructureGraph): string {
  const lines = [
    'digraph infrastructure {',
    '  rankdir=LR;',
    '  node [shape=box, fontname="Helvetica"];',
    '  compound=true;',
  ];
  for (const stack of graph.stacks) {
    lines.push(`  subgraph "cluster_${stack}" {`, `    label="${stack}";`);
    lines.push(`    "${stack}:" [shape=point, style=invis];`);
    for (const node of graph.nodes.filter((n) => n.stack === stack))
      lines.push(`    "${stack}:${node.address}" [label="${node.address}"];`);
    lines.push('  }');
  }
  for (const edge of graph.edges) {
    const cluster = edge.to.endsWith(':') ? ` [lhead="cluster_${edge.to.slice(0, -1)}"]` : '';
    lines.push(`  "${edge.from}" -> "${edge.to}"${cluster};`);
  }
  lines.push('}');
  return lines.join('\n') + '\n';
}
