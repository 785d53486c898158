import { loadPlatformConfig } from '../libraries.js';
import { defineCommand } from '../cli/command.js';
import { MspError, UsageError } from '@msp/spec/errors';
import { findEnvironment, prepareSpec, specPath } from '../spec/prepare-spec.js';
import {
  allWorkspacesTag,
  serviceTag,
  terraformCloudBackend,
  terraformCloudNames,
  workspacesByTagURL,
} from '../tfc/names.js';
import { jsonOption, specPositional } from './shared-options.js';

export const tfcViewCommand = defineCommand({
  name: 'tfc view',
  summary: 'Print (or open) the Terraform Cloud workspaces of a service or environment',
  description:
    "Prints the Terraform Cloud workspace list filtered by the tag msp puts on the service's workspaces\n(or the environment's, with --env; or every msp workspace, with --all).",
  positionals: [specPositional],
  options: {
    env: { type: 'string', valueName: 'id', description: "Only this environment's workspaces." },
    all: { type: 'boolean', description: 'Every workspace msp manages; needs no spec.' },
    open: { type: 'boolean', description: 'Open the link in a browser.' },
    json: jsonOption,
  },
  examples: [
    { description: 'The workspaces of the service in this directory', command: 'msp tfc view' },
    {
      description: 'The workspaces of its prod environment, opened in a browser',
      command: 'msp tfc view --env prod --open',
    },
  ],
  async run({ io, options, args, colors }) {
    let url: string;
    let tag: string;
    if (options.all === true) {
      if (args.length > 0 || options.env !== undefined)
        throw new UsageError('--all takes no spec and no --env');
      const platform = await loadPlatformConfig(io.cwd);
      if (platform.config === undefined)
        throw new MspError(
          'platform-config-invalid',
          `${platform.file ?? 'msp.config.yaml'} is invalid; run "msp validate"`,
        );
      const backend = terraformCloudBackend(platform.config);
      tag = allWorkspacesTag(backend);
      url = workspacesByTagURL(backend, tag);
    } else {
      const { resolved, platform } = await prepareSpec(io, colors, specPath(io, args[0]));
      const backend = terraformCloudBackend(platform);
      const environment =
        options.env === undefined ? undefined : findEnvironment(resolved, options.env);
      tag =
        environment === undefined
          ? serviceTag(resolved)
          : terraformCloudNames(environment).environmentTag;
      url = workspacesByTagURL(backend, tag);
    }
    io.stdout.write(
      options.json === true ? JSON.stringify({ url, tag }, null, 2) + '\n' : url + '\n',
    );
    if (options.open === true) {
      const { openURL } = await import('../cli/open-url.js');
      await openURL(io, url);
    }
    return 0;
  },
});
