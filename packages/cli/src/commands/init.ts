import { newProjectID, serviceSchemaURL } from '../libraries.js';
import { dirname, join, relative, resolve } from 'node:path';
import { defineCommand, type CommandContext } from '../cli/command.js';
import { MspError, UsageError } from '@msp/spec/errors';
import { canPrompt, createPrompter, type Prompter } from '../cli/prompt.js';
import { integerOption } from '../cli/parse.js';
import {
  environmentIDPattern,
  environmentTemplate,
  readmeTemplate,
  serviceIDPattern,
  serviceTemplate,
  titleFromID,
  type Kind,
} from '../scaffold/templates.js';
import { yamlLines } from '../scaffold/yaml-text.js';
import type { Io } from '../cli/io.js';
import type { Colors } from '../cli/colors.js';
import type { CiProvider } from '../scaffold/ci-templates.js';

const initOptions = {
  kind: {
    type: 'string',
    valueName: 'kind',
    choices: ['service', 'job'],
    description: 'A long-running service or a scheduled job. Default: service.',
  },
  owner: { type: 'string', valueName: 'team', description: 'The owning team (alerts go to it).' },
  name: {
    type: 'string',
    valueName: 'name',
    description: 'Human-readable name. Default: the ID in title case.',
  },
  env: {
    type: 'string',
    valueName: 'id',
    description: 'ID of the first environment.',
    default: 'dev',
  },
  dir: {
    type: 'string',
    valueName: 'dir',
    description: 'Directory to create the service directory in. Default: the current directory.',
  },
  image: {
    type: 'string',
    valueName: 'repository',
    description: 'Container image repository, without tag. Default: ghcr.io/<owner>/<id>.',
  },
  'suffix-length': {
    type: 'string',
    valueName: 'n',
    description: 'Length of the random project ID suffix.',
    default: '4',
  },
  schema: {
    type: 'string',
    valueName: 'form',
    choices: ['url', 'local'],
    description: [
      'Where the "# yaml-language-server: $schema=" line points. url (default): the published schema',
      "of this msp version on the npm CDN. local: a path relative to service.yaml into the project's",
      'own node_modules/@msp/spec (works offline; needs @msp/spec installed in the project).',
    ].join('\n'),
  },
  ci: {
    type: 'string',
    valueName: 'provider',
    choices: ['github'],
    description: [
      'Also add the CI workflow to the repository (the nearest directory above with a .git, or the',
      'current one): github writes .github/workflows/msp.yml and its helper .github/msp/ci.mjs.',
      'Without <id>, only the workflow is added.',
    ].join('\n'),
  },
  'dry-run': { type: 'boolean', description: 'Print the files instead of writing them.' },
} as const;

export const initCommand = defineCommand({
  name: 'init',
  summary: 'Scaffold a new service or job (service.yaml and README.md), or the CI workflow',
  description: [
    'Writes <dir>/<id>/service.yaml, with a "# yaml-language-server: $schema=" line so editors complete',
    'and check it, and a README.md in the format msp expects. Never overwrites: it fails if either exists.',
    'On a terminal it asks for what is missing; elsewhere <id> and --owner are required.',
    'With --ci github it also adds the GitHub Actions workflow (docs/how-to/ci.md); "msp init --ci github"',
    'alone adds only the workflow, to an existing repository.',
  ].join('\n'),
  positionals: [{ name: 'id', description: 'Service ID: lower-case letters, digits and dashes.' }],
  options: initOptions,

  examples: [
    {
      description: 'A new service owned by the billing team',
      command: 'msp init billing --owner team-billing',
    },
    {
      description: 'A scheduled job under services/',
      command: 'msp init nightly-report --kind job --owner team-data --dir services',
    },
    {
      description: 'Add the GitHub Actions workflow to an existing repository',
      command: 'msp init --ci github',
    },
  ],
  async run(context) {
    if (context.options.ci !== undefined && context.args[0] === undefined)
      return addCi(context, context.options.ci as CiProvider);
    const prompter = canPrompt(context.io) ? createPrompter(context.io) : undefined;
    try {
      return await scaffold(context, prompter);
    } finally {
      prompter?.close();
    }
  },
});

async function scaffold(
  { io, options, args, colors }: CommandContext<typeof initOptions>,
  prompter: Prompter | undefined,
): Promise<number> {
  const interactive = prompter !== undefined;
  const ask = (question: string, fallback?: string) =>
    prompter?.ask(question, fallback) ?? Promise.resolve(fallback ?? '');
  const id = args[0] ?? (interactive ? await ask('Service ID') : undefined);
  if (id === undefined || id === '')
    throw new UsageError('missing <id>', {
      hint: 'Run "msp init <id> --owner <team>"; on a terminal msp asks for them.',
    });
  if (!serviceIDPattern.test(id))
    throw new UsageError(
      `invalid service ID "${id}": use lower-case letters, digits and dashes, starting with a letter`,
    );
  const name =
    options.name ??
    (interactive && args[0] === undefined ? await ask('Name', titleFromID(id)) : titleFromID(id));
  const owner = options.owner ?? (interactive ? await ask('Owning team') : undefined);
  if (owner === undefined || owner === '')
    throw new UsageError('missing --owner', {
      hint: 'Name the team that owns the service, e.g. --owner team-billing.',
    });
  const kind = (options.kind ??
    (interactive && args[0] === undefined
      ? await ask('Kind (service or job)', 'service')
      : 'service')) as Kind;
  if (kind !== 'service' && kind !== 'job')
    throw new UsageError(`--kind must be service or job; got "${String(kind)}"`);
  if (!environmentIDPattern.test(options.env))
    throw new UsageError(
      `invalid environment ID "${options.env}": use lower-case letters and digits`,
    );
  const suffixLength =
    integerOption('suffix-length', options['suffix-length'], { min: 2, max: 16 }) ?? 4;

  const serviceDir = resolve(io.cwd, options.dir ?? '.', id);
  const environment = environmentTemplate({
    id: options.env,
    projectID: await newProjectID(id, options.env, suffixLength),
    category: 'test',
    kind,
  });
  const spec = serviceTemplate({
    id,
    name,
    owner,
    kind,
    image: options.image ?? `ghcr.io/${owner}/${id}`,
    environment,
  });
  const schema =
    options.schema === 'local' ? await localSchemaPath(serviceDir) : await serviceSchemaURL();
  const files = new Map([
    [
      'service.yaml',
      [`# yaml-language-server: $schema=${schema}`, ...yamlLines(spec), ''].join('\n'),
    ],
    ['README.md', readmeTemplate(name, kind)],
  ]);
  const { planFiles, writeFiles } = await import('../fs/write-files.js');
  const plan = await planFiles(serviceDir, files);
  const ci = options.ci === undefined ? undefined : await ciPlan(io, options.ci as CiProvider);
  const existing = [...plan.changed, ...plan.unchanged].map((file) =>
    displayIn(io, join(serviceDir, file)),
  );
  if (existing.length > 0) {
    throw new MspError(
      'already-exists',
      `${existing.join(' and ')} already exist${existing.length === 1 ? 's' : ''}; msp init never overwrites`,
      {
        hint: 'Choose another ID or --dir, or add an environment with "msp env add".',
      },
    );
  }
  if (options['dry-run'] === true) {
    for (const [file, content] of files)
      io.stdout.write(`${colors.bold(`--- ${displayIn(io, join(serviceDir, file))}`)}\n${content}`);
    if (ci !== undefined) printFiles(io, colors, ci.root, ci.files);
    return 0;
  }
  await writeFiles(serviceDir, files);
  if (ci !== undefined) await writeCi(io, colors, ci);
  const specFile = displayIn(io, join(serviceDir, 'service.yaml'));
  io.stdout.write(
    `${colors.green('created')} ${specFile}\n${colors.green('created')} ${displayIn(io, join(serviceDir, 'README.md'))}\n`,
  );
  io.stdout.write(
    `Next: fill in the TODOs, then run "msp validate ${specFile}" and "msp generate ${specFile}".\n`,
  );
  return 0;
}

interface CiPlan {
  readonly root: string;
  /** The files to write (those already there with the same content are left out). */
  readonly files: ReadonlyMap<string, string>;
}

/** `msp init --ci <provider>` without an ID: only the workflow. */
async function addCi(
  { io, options, colors }: CommandContext<typeof initOptions>,
  provider: CiProvider,
): Promise<number> {
  const ci = await ciPlan(io, provider);
  if (options['dry-run'] === true) printFiles(io, colors, ci.root, ci.files);
  else await writeCi(io, colors, ci);
  if (ci.files.size > 0 && options['dry-run'] !== true)
    io.stdout.write(
      'Next: set the repository variables the workflow reads (GCP_WORKLOAD_IDENTITY_PROVIDER, GCP_RELEASE_SERVICE_ACCOUNT); see docs/how-to/ci.md.\n',
    );
  return 0;
}

/**
 * The workflow files for the repository around the current directory. Fails, writing
 * nothing, when one exists with other content: msp init never overwrites.
 */
async function ciPlan(io: Io, provider: CiProvider): Promise<CiPlan> {
  const { ciFiles } = await import('../scaffold/ci-templates.js');
  const { planFiles } = await import('../fs/write-files.js');
  const root = await repositoryRoot(io.cwd);
  const files = await ciFiles(provider);
  const plan = await planFiles(root, files);
  if (plan.changed.length > 0)
    throw new MspError(
      'already-exists',
      `${plan.changed.map((file) => displayIn(io, join(root, file))).join(' and ')} already exist${plan.changed.length === 1 ? 's' : ''} with other content; msp init never overwrites`,
      { hint: 'Move the file aside and run msp init --ci again, then merge your changes back.' },
    );
  return { root, files: new Map([...files].filter(([path]) => plan.created.includes(path))) };
}

async function writeCi(io: Io, colors: Colors, ci: CiPlan): Promise<void> {
  const { writeFiles } = await import('../fs/write-files.js');
  await writeFiles(ci.root, ci.files);
  for (const file of ci.files.keys())
    io.stdout.write(`${colors.green('created')} ${displayIn(io, join(ci.root, file))}\n`);
  if (ci.files.size === 0) io.stdout.write('The CI workflow is already up to date.\n');
}

function printFiles(
  io: Io,
  colors: Colors,
  root: string,
  files: ReadonlyMap<string, string>,
): void {
  for (const [file, content] of files)
    io.stdout.write(`${colors.bold(`--- ${displayIn(io, join(root, file))}`)}\n${content}`);
}

/** The nearest directory from `start` up that holds `.git`, or `start` itself. */
async function repositoryRoot(start: string): Promise<string> {
  const { access } = await import('node:fs/promises');
  for (let dir = start; ; dir = dirname(dir)) {
    if (
      await access(join(dir, '.git')).then(
        () => true,
        () => false,
      )
    )
      return dir;
    if (dirname(dir) === dir) return start;
  }
}

/** The file of `@msp/spec`'s schema inside an installed package. */
const INSTALLED_SCHEMA = ['node_modules', '@msp', 'spec', 'schema', 'service.schema.json'];

/**
 * The schema in the project's own `node_modules`, as a path relative to the spec's directory
 * (how the YAML language server resolves a relative `$schema`): the nearest
 * `node_modules/@msp/spec` from the service directory up, as Node.js would find the package.
 */
async function localSchemaPath(serviceDir: string): Promise<string> {
  const { access } = await import('node:fs/promises');
  for (let dir = serviceDir; ; dir = dirname(dir)) {
    const candidate = join(dir, ...INSTALLED_SCHEMA);
    const found = await access(candidate).then(
      () => true,
      () => false,
    );
    if (found) return relative(serviceDir, candidate).split('\\').join('/');
    if (dirname(dir) === dir) break;
  }
  throw new MspError(
    'schema-not-installed',
    `--schema local: no node_modules/@msp/spec/schema/service.schema.json in ${serviceDir} or any directory above it`,
    {
      hint: 'Install the schema in the project ("npm install --save-dev @msp/spec") and run msp init again, or use --schema url.',
    },
  );
}

function displayIn(io: Io, path: string): string {
  const rel = relative(io.cwd, path);
  return rel.startsWith('..') ? path : rel;
}
