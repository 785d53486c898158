#!/usr/bin/env node
// The msp workflow's helper (.github/workflows/msp.yml), written by "msp init --ci github".
// Node.js 22 or later, no dependencies beyond @msp/spec (installed with @msp/cli).
//
//   node .github/msp/ci.mjs affected --base <sha>          specs=<service.yaml files> for $GITHUB_OUTPUT
//   node .github/msp/ci.mjs plan --base <sha>              services=<JSON matrix> for $GITHUB_OUTPUT
//   node .github/msp/ci.mjs diff --base <sha> --out <dir> <spec>...
//                                                          msp diff --json of each spec against the
//                                                          Terraform committed at <sha>, into <dir>
//   node .github/msp/ci.mjs comment <dir>                  the pull request comment, as Markdown
//   node .github/msp/ci.mjs post <file> --pr <number>      creates or updates that one comment
//
// Affected services: the service.yaml files inside the projects `nx show projects --affected`
// lists, and every service.yaml when an msp.config.yaml changed.
import { execFileSync } from 'node:child_process';
import {
  existsSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  readdirSync,
  renameSync,
  rmSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { writeFile } from 'node:fs/promises';
import { basename, dirname, join, relative, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';

/** Marks the workflow's comment, so each push updates it instead of adding another. */
export const MARKER = '<!-- msp:infrastructure-diff -->';

const SKIPPED_DIRS = new Set(['node_modules', 'dist', 'terraform', '.git', '.nx', 'coverage']);

function fail(message) {
  process.stderr.write(`ci.mjs: ${message}\n`);
  process.exit(1);
}

function run(command, args, options = {}) {
  return execFileSync(command, args, {
    encoding: 'utf8',
    stdio: ['ignore', 'pipe', 'inherit'],
    maxBuffer: 64 * 1024 * 1024,
    ...options,
  });
}

const git = (...args) => run('git', args).trim();

/** `--name value` options and the positional arguments. */
function parseArgs(argv) {
  const options = {};
  const positionals = [];
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    if (arg.startsWith('--')) {
      const value = argv[i + 1];
      if (value === undefined || value.startsWith('--')) fail(`${arg} needs a value`);
      options[arg.slice(2)] = value;
      i++;
    } else positionals.push(arg);
  }
  return { options, positionals };
}

/** service.yaml files below `dir`, skipping installed and generated directories. */
function findSpecs(dir) {
  const found = [];
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    if (entry.isDirectory() && !SKIPPED_DIRS.has(entry.name))
      found.push(...findSpecs(join(dir, entry.name)));
    else if (entry.isFile() && entry.name === 'service.yaml') found.push(join(dir, entry.name));
  }
  return found;
}

/** A commit to compare with, or undefined when there is none (a new branch, a first push). */
function baseCommit(base) {
  if (base === undefined || base === '' || /^0+$/.test(base)) return undefined;
  try {
    return git('rev-parse', '--verify', `${base}^{commit}`);
  } catch {
    return undefined;
  }
}

/** Repository-relative paths of the service.yaml files the change from `base` affects. */
function affectedSpecs(base) {
  const top = git('rev-parse', '--show-toplevel');
  const all = findSpecs(top).map((file) => relative(top, file));
  const commit = baseCommit(base);
  if (commit === undefined) return all.sort();
  const changed = git('diff', '--name-only', commit, 'HEAD').split('\n').filter(Boolean);
  if (changed.some((file) => basename(file) === 'msp.config.yaml')) return all.sort();
  const affected = JSON.parse(
    run(
      'npx',
      ['nx', 'show', 'projects', '--affected', `--base=${commit}`, '--head=HEAD', '--json'],
      {
        cwd: top,
      },
    ),
  );
  const roots = projectRoots(top);
  const affectedRoots = affected.map((name) => roots.get(name));
  const inside = (file, root) => root === '.' || root === '' || file.startsWith(`${root}/`);
  // A service belongs to the innermost project around it.
  const owner = (file) =>
    [...roots.values()].filter((root) => inside(file, root)).sort((a, b) => b.length - a.length)[0];
  return all
    .filter((file) => {
      const root = owner(file);
      return root !== undefined
        ? affectedRoots.includes(root)
        : changed.some((c) => c.startsWith(`${dirname(file)}/`));
    })
    .sort();
}

/** Project name → root directory, from the Nx project graph. */
function projectRoots(top) {
  const dir = mkdtempSync(join(tmpdir(), 'msp-ci-'));
  try {
    const file = join(dir, 'graph.json');
    run('npx', ['nx', 'graph', `--file=${file}`], {
      cwd: top,
      stdio: ['ignore', 'ignore', 'inherit'],
    });
    const { graph } = JSON.parse(readFileSync(file, 'utf8'));
    return new Map(Object.entries(graph.nodes).map(([name, node]) => [name, node.data.root]));
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** The nearest Dockerfile at or above the spec's directory, inside the repository. */
function dockerfileFor(top, spec) {
  for (let dir = dirname(resolve(top, spec)); ; dir = dirname(dir)) {
    const file = join(dir, 'Dockerfile');
    if (existsSync(file)) return file;
    if (dir === top || dirname(dir) === dir) return undefined;
  }
}

/** Stage names of a Dockerfile (`FROM ... AS <name>`). */
function stages(dockerfile) {
  return [...readFileSync(dockerfile, 'utf8').matchAll(/^\s*FROM\s+.+\s+AS\s+(\S+)\s*$/gim)].map(
    (match) => match[1].toLowerCase(),
  );
}

/**
 * The release matrix: per affected service with a Dockerfile, its spec, image repository,
 * registry host, build context and target (the Dockerfile's stage named after the
 * service's kind, "service" or "job", when it has one), and whether it has a rollout.
 */
async function plan(base) {
  const top = git('rev-parse', '--show-toplevel');
  const { loadSpec, formatIssue } = await import('@msp/spec');
  const services = [];
  for (const spec of affectedSpecs(base)) {
    const loaded = await loadSpec(resolve(top, spec), { cwd: top });
    if (!loaded.ok) fail(loaded.issues.map((issue) => formatIssue(issue)).join('\n'));
    const dockerfile = dockerfileFor(top, spec);
    if (dockerfile === undefined) {
      process.stderr.write(`${spec}: no Dockerfile at or above it; no image is built\n`);
      continue;
    }
    const kind = loaded.spec.service.kind ?? 'service';
    const image = loaded.spec.build.image;
    services.push({
      id: loaded.spec.service.id,
      spec,
      image,
      registry: image.split('/')[0],
      context: relative(top, dirname(dockerfile)) || '.',
      dockerfile: relative(top, dockerfile),
      target: stages(dockerfile).includes(kind) ? kind : '',
      rollout: loaded.spec.rollout !== undefined,
    });
  }
  return services;
}

/**
 * `msp diff --json` of each spec against the Terraform committed at `base`: what merging the
 * change does to the infrastructure. The spec's terraform/ directory is swapped for the
 * base commit's while msp diff runs, then put back.
 */
async function diffs(base, out, specs) {
  const top = git('rev-parse', '--show-toplevel');
  const commit = baseCommit(base);
  mkdirSync(out, { recursive: true });
  let index = 0;
  for (const spec of specs) {
    const dir = dirname(resolve(top, spec));
    const terraform = join(dir, 'terraform');
    const aside = join(dir, '.terraform-head');
    rmSync(aside, { recursive: true, force: true });
    if (existsSync(terraform)) renameSync(terraform, aside);
    let output;
    try {
      const path = relative(top, terraform);
      const inBase =
        commit !== undefined && git('ls-tree', '-d', '--name-only', commit, '--', path) !== '';
      if (inBase) run('sh', ['-c', `git archive "${commit}" -- "${path}" | tar -x -C "${top}"`]);
      output = run('npx', ['msp', 'diff', resolve(top, spec), '--json'], { cwd: top });
    } finally {
      rmSync(terraform, { recursive: true, force: true });
      if (existsSync(aside)) renameSync(aside, terraform);
    }
    const { spec: loaded } = await (await import('@msp/spec')).loadSpec(resolve(top, spec));
    const service = loaded?.service.id ?? basename(dirname(spec));
    index++;
    await writeFile(
      join(out, `${String(index).padStart(3, '0')}-${service}.json`),
      JSON.stringify({ service, spec, diff: JSON.parse(output) }, null, 2),
    );
  }
}

const ACTIONS = ['create', 'update', 'replace', 'destroy', 'move'];
const HEADINGS = {
  create: 'create',
  update: 'update in place',
  replace: 'replace',
  destroy: 'destroy',
  move: 'move',
};
const code = (text) => `\`${String(text).replace(/`/g, "'")}\``;

function warningText(warning) {
  const what =
    warning.reason === 'destroyed'
      ? 'destroyed'
      : warning.reason === 'replaced'
        ? `replaced because ${(warning.forcedBy ?? []).join(', ')} changes`
        : `re-addressed to ${code(warning.to ?? '?')} without a moved block`;
  const refused = warning.refusedByPreventDestroy
    ? ' Terraform refuses this plan until `allowDestroys: true`.'
    : '';
  return `${warning.kind} ${what}: loses ${warning.loses}.${refused}`;
}

function changeText(change) {
  const at =
    change.from === undefined
      ? code(change.address)
      : `${code(change.from)} → ${code(change.address)}`;
  if (change.action === 'replace') return `${at} (forced by ${(change.forcedBy ?? []).join(', ')})`;
  if (change.action === 'update' && change.arguments !== undefined)
    return `${at} (${change.arguments.join(', ')})`;
  return at;
}

/**
 * The pull request comment: stateful resources that would be destroyed or replaced first,
 * then a table per service and environment of what is created, updated, replaced, destroyed
 * and moved, then the addresses of each.
 */
export function renderComment(results, { sha } = {}) {
  const lines = [MARKER, '## Infrastructure changes', ''];
  const warnings = results.flatMap((r) =>
    r.diff.warnings.map((w) => ({ ...w, service: r.service })),
  );
  if (warnings.length > 0) {
    lines.push(
      '> [!CAUTION]',
      `> **${warnings.length} stateful resource${warnings.length === 1 ? '' : 's'} would be destroyed or replaced, losing ${warnings.length === 1 ? 'its' : 'their'} data:**`,
      '>',
      ...warnings.map(
        (w) =>
          `> - **${w.service}** / **${w.environment}** / ${w.stack}: ${code(w.address)}: ${warningText(w)}`,
      ),
      '>',
      '> If this is a rename, add a moved block; if it is deliberate, back up the data first.',
      '',
    );
  }
  const rows = [];
  const details = [];
  const unchanged = [];
  for (const result of results) {
    const environments = [...new Set(result.diff.changes.map((c) => c.environment))];
    if (environments.length === 0 && result.diff.files.length === 0) {
      unchanged.push(result.service);
      continue;
    }
    for (const environment of environments) {
      const changes = result.diff.changes.filter((c) => c.environment === environment);
      const count = (action) => changes.filter((c) => c.action === action).length;
      const lost = warnings.filter(
        (w) => w.service === result.service && w.environment === environment,
      );
      rows.push(
        `| ${result.service} | ${environment} | ${ACTIONS.map(count).join(' | ')} | ${lost.length > 0 ? `**${lost.length}**` : '0'} |`,
      );
      const body = [];
      for (const action of ['replace', 'destroy', 'create', 'update', 'move']) {
        const of = changes.filter((c) => c.action === action);
        if (of.length === 0) continue;
        body.push(
          `**${HEADINGS[action]}**`,
          '',
          ...of.map((c) => `- ${c.stack}: ${changeText(c)}`),
          '',
        );
      }
      details.push(
        `<details><summary>${result.service} / ${environment}: ${changes.length} change${changes.length === 1 ? '' : 's'}</summary>`,
        '',
        ...body,
        '</details>',
        '',
      );
    }
    if (result.diff.files.length > 0) {
      details.push(
        `<details><summary>${result.service}: other generated files</summary>`,
        '',
        ...result.diff.files.map((f) => `- ${f.change}: ${code(f.path)}`),
        '',
        '</details>',
        '',
      );
    }
  }
  if (rows.length > 0) {
    lines.push(
      '| service | environment | create | update | replace | destroy | move | data lost |',
      '| --- | --- | ---: | ---: | ---: | ---: | ---: | ---: |',
      ...rows,
      '',
      ...details,
    );
  }
  if (unchanged.length > 0)
    lines.push(`No infrastructure changes: ${unchanged.map((s) => `**${s}**`).join(', ')}.`, '');
  if (results.length === 0) lines.push('No msp service is affected by this change.', '');
  lines.push(
    `<sub>msp diff${sha === undefined ? '' : ` at ${sha.slice(0, 12)}`}; updated on every push.</sub>`,
  );
  return `${lines.join('\n')}\n`;
}

/** Reads what `diff` wrote into `dir`, in order. */
function readResults(dir) {
  return readdirSync(dir)
    .filter((name) => name.endsWith('.json'))
    .sort()
    .map((name) => JSON.parse(readFileSync(join(dir, name), 'utf8')));
}

/** GitHub REST call; the API URL and repository come from the Actions environment. */
async function github(method, path, body) {
  const api = process.env.GITHUB_API_URL ?? 'https://api.github.com';
  const token = process.env.GITHUB_TOKEN;
  if (token === undefined || token === '') fail('GITHUB_TOKEN is not set');
  const response = await fetch(`${api}${path}`, {
    method,
    headers: {
      accept: 'application/vnd.github+json',
      authorization: `Bearer ${token}`,
      'x-github-api-version': '2022-11-28',
      ...(body === undefined ? {} : { 'content-type': 'application/json' }),
    },
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  });
  if (!response.ok) fail(`${method} ${path}: ${response.status} ${await response.text()}`);
  return response.json();
}

/** Creates the marked comment on the pull request, or updates it when it exists. */
async function post(file, pr) {
  const repository = process.env.GITHUB_REPOSITORY;
  if (repository === undefined || !/^[^/]+\/[^/]+$/.test(repository))
    fail('GITHUB_REPOSITORY must be "owner/name"');
  if (!/^[0-9]+$/.test(pr ?? '')) fail(`--pr must be a pull request number; got "${pr ?? ''}"`);
  const body = readFileSync(file, 'utf8');
  for (let page = 1; ; page++) {
    const comments = await github(
      'GET',
      `/repos/${repository}/issues/${pr}/comments?per_page=100&page=${page}`,
    );
    const mine = comments.find((c) => typeof c.body === 'string' && c.body.startsWith(MARKER));
    if (mine !== undefined) {
      await github('PATCH', `/repos/${repository}/issues/comments/${mine.id}`, { body });
      process.stdout.write(`updated ${mine.html_url ?? `comment ${mine.id}`}\n`);
      return;
    }
    if (comments.length < 100) break;
  }
  const created = await github('POST', `/repos/${repository}/issues/${pr}/comments`, { body });
  process.stdout.write(`created ${created.html_url ?? `comment ${created.id}`}\n`);
}

async function main(argv) {
  const [command, ...rest] = argv;
  const { options, positionals } = parseArgs(rest);
  switch (command) {
    case 'affected':
      process.stdout.write(`specs=${affectedSpecs(options.base).join(' ')}\n`);
      return;
    case 'plan':
      process.stdout.write(`services=${JSON.stringify(await plan(options.base))}\n`);
      return;
    case 'diff':
      if (options.out === undefined) fail('diff needs --out <dir>');
      await diffs(options.base, options.out, positionals);
      return;
    case 'comment':
      if (positionals.length !== 1) fail('comment needs the directory diff wrote');
      process.stdout.write(
        renderComment(readResults(positionals[0]), { sha: process.env.GITHUB_SHA }),
      );
      return;
    case 'post':
      if (positionals.length !== 1) fail('post needs the comment file');
      await post(positionals[0], options.pr);
      return;
    default:
      fail(`unknown command "${command ?? ''}": use affected, plan, diff, comment or post`);
  }
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href)
  await main(process.argv.slice(2));
