import { defineCommand } from '../cli/command.js';
import { logsQuery, logsURL } from '../gcp/console-urls.js';
import { findEnvironment, prepareSpec, specPath } from '../spec/prepare-spec.js';
import { envOption, jsonOption, specPositional } from './shared-options.js';

export const logsCommand = defineCommand({
  name: 'logs',
  summary: 'Print (or open) the Cloud Logging link for an environment',
  description:
    "Builds the Logs Explorer URL for the environment's Cloud Run service or job and prints it.\nWith --open it also opens it in a browser ($BROWSER, or the system's opener).",
  positionals: [specPositional],
  options: {
    env: envOption,
    open: { type: 'boolean', description: 'Open the link in a browser.' },
    json: jsonOption,
  },
  examples: [
    { description: "Print the link to the dev environment's logs", command: 'msp logs --env dev' },
    {
      description: 'Open the production logs of another service',
      command: 'msp logs services/billing/service.yaml --env prod --open',
    },
  ],
  async run({ io, options, args, colors }) {
    const { resolved } = await prepareSpec(io, colors, specPath(io, args[0]));
    const environment = findEnvironment(resolved, options.env);
    const url = logsURL(resolved.service.kind, environment);
    if (options.json === true) {
      io.stdout.write(
        JSON.stringify({ url, query: logsQuery(resolved.service.kind, environment) }, null, 2) +
          '\n',
      );
    } else {
      io.stdout.write(url + '\n');
    }
    if (options.open === true) {
      const { openURL } = await import('../cli/open-url.js');
      await openURL(io, url);
    }
    return 0;
  },
});
