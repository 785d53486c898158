import { defineCommand } from '../cli/command.js';
import { generateFiles } from '../generation/generate-service.js';
import { findEnvironment, prepareSpec, specPath } from '../spec/prepare-spec.js';
import { buildGraph, renderDot, renderMermaid } from '../terraform/graph.js';

export const graphCommand = defineCommand({
  name: 'graph',
  summary: "Draw an environment's infrastructure as a Mermaid or Graphviz diagram",
  description:
    "Renders the resources of every stack of the environment, grouped by stack, with an arrow\nfrom each resource to what it uses (references, depends_on and other stacks' outputs).",
  positionals: [{ name: 'file', required: true, description: 'The service.yaml.' }],
  options: {
    env: {
      type: 'string',
      valueName: 'id',
      description: 'Environment ID; may be left out when the spec has only one.',
    },
    format: {
      type: 'string',
      valueName: 'format',
      choices: ['mermaid', 'dot'],
      default: 'mermaid',
      description: 'Diagram language.',
    },
  },
  examples: [
    {
      description: 'A Mermaid diagram of dev, for a Markdown page',
      command: 'msp graph service.yaml --env dev',
    },
    {
      description: 'An SVG with Graphviz',
      command: 'msp graph service.yaml --env prod --format dot | dot -Tsvg > prod.svg',
    },
  ],
  async run({ io, options, args, colors }) {
    const prepared = await prepareSpec(io, colors, specPath(io, args[0]));
    const environment = findEnvironment(prepared.resolved, options.env);
    const files = await generateFiles(prepared, {
      environmentIDs: [environment.id],
      stable: true,
      io,
    });
    const graph = buildGraph(files, environment.id);
    io.stdout.write(options.format === 'dot' ? renderDot(graph) : renderMermaid(graph));
    return 0;
  },
});
