import { defineCommand } from '../cli/command.js';
import { formatConformanceIssue, generateOffline } from '../generation/conformance.js';
import { assertSpecExists, loadSpecReport } from '../spec/prepare-spec.js';
import { isError, sortIssues } from '@msp/spec/issues';
import { isMspError, type ErrorCode } from '@msp/spec/errors';
import { countIssues, formatIssue } from '../spec/format-issues.js';
import { jsonOption } from './shared-options.js';
import { displayPath, specFiles } from './spec-files.js';
import type { Colors } from '../cli/colors.js';
import type { Io } from '../cli/io.js';
import { resolveSpec, type StackConformanceIssue } from '../libraries.js';
import type { SpecIssue } from '@msp/spec';

export const validateCommand = defineCommand({
  name: 'validate',
  summary: 'Check specs and the platform config, reporting every issue at once',
  description: [
    'Prints every error and warning with file:line:column, the field path, a code frame and a hint.',
    'With --conformance, a valid spec is then generated in memory and every resource checked against',
    "the pinned provider schemas (msp's own tests do this for every golden; the flag is for a spec",
    'that meets a generator bug). Exits 1 when any spec has an error; warnings never fail.',
  ].join('\n'),
  positionals: [
    {
      name: 'file',
      variadic: true,
      description: 'Specs to check; default: every service.yaml under the current directory.',
    },
  ],
  options: {
    conformance: {
      type: 'boolean',
      description: 'Also generate in memory and check every resource against the provider schemas.',
    },
    json: jsonOption,
  },
  examples: [
    { description: 'Check every spec under the current directory', command: 'msp validate' },
    {
      description: 'Check one spec, as JSON for tools',
      command: 'msp validate services/billing/service.yaml --json',
    },
    {
      description: 'Also check the Terraform it generates against the provider schemas',
      command: 'msp validate --conformance',
    },
  ],
  async run({ io, args, options, colors }) {
    const files = await specFiles(io, args);
    for (const file of files) await assertSpecExists(io, file);
    const reports: ValidationReport[] = [];
    for (const file of files) {
      const report = await checkSpec(file, options.conformance === true);
      reports.push(report);
      if (options.json !== true) io.stdout.write(describe(io, colors, report));
    }
    const failed = reports.filter(hasErrors).length;
    if (options.json === true) {
      io.stdout.write(
        JSON.stringify({ valid: failed === 0, specs: reports.map(jsonReport) }, null, 2) + '\n',
      );
    } else {
      io.stdout.write(
        `Checked ${files.length} spec${files.length === 1 ? '' : 's'}: ${failed === 0 ? 'all valid' : `${failed} invalid`}\n`,
      );
    }
    return failed === 0 ? 0 : 1;
  },
});

interface ValidationReport {
  readonly file: string;
  readonly service?: string;
  readonly issues: readonly SpecIssue[];
  /** Generated resources that do not fit the pinned provider schemas. */
  readonly conformance: readonly StackConformanceIssue[];
  /** Why generation failed, when it did. */
  readonly generationError?: string;
  /** The code of that error, when it is msp's own (`generation-failed`, ...). */
  readonly generationErrorCode?: ErrorCode;
  /** Text of the spec and the platform config, for code frames. */
  readonly sources: ReadonlyMap<string, string>;
  /** False when the platform config is invalid: the spec cannot be checked without it. */
  readonly specChecked: boolean;
}

/**
 * Loads and validates one spec and, with `conformance` and when it is valid,
 * generates it in memory and checks the result against the provider schemas.
 */
async function checkSpec(file: string, conformance: boolean): Promise<ValidationReport> {
  const { platform, loaded } = await loadSpecReport(file);
  const sources = new Map<string, string>();
  if (platform.file !== undefined && platform.source !== undefined)
    sources.set(platform.file, platform.source);
  if (loaded !== undefined) sources.set(file, loaded.source);
  const issues = sortIssues([
    // Without a config file, the embedded default's warnings are about this spec's generation.
    ...platform.issues.map((i) => ({ ...i, file: i.file ?? platform.file ?? file })),
    ...(loaded?.issues ?? []),
  ]);
  const base = {
    file,
    specChecked: loaded !== undefined,
    issues,
    sources,
    ...(loaded?.spec === undefined ? {} : { service: loaded.spec.service.id }),
  };
  if (
    !conformance ||
    platform.config === undefined ||
    loaded?.spec === undefined ||
    issues.some(isError)
  )
    return { ...base, conformance: [] };
  try {
    const resolved = await resolveSpec(loaded.spec, platform.config, loaded.assets);
    return {
      ...base,
      conformance: (await generateOffline(resolved, platform.config)).conformance,
    };
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    return {
      ...base,
      conformance: [],
      generationError: message,
      ...(isMspError(error) ? { generationErrorCode: error.code } : {}),
    };
  }
}

function hasErrors(report: ValidationReport): boolean {
  return (
    report.issues.some(isError) ||
    report.conformance.length > 0 ||
    report.generationError !== undefined
  );
}

function describe(io: Io, colors: Colors, report: ValidationReport): string {
  const lines: string[] = [];
  const where = displayPath(io, report.file);
  for (const issue of report.issues) {
    const source = report.sources.get(issue.file ?? report.file);
    lines.push(
      formatIssue(
        issue,
        {
          path: issue.file ?? report.file,
          ...(source === undefined ? {} : { source }),
          cwd: io.cwd,
        },
        colors,
      ),
    );
  }
  for (const issue of report.conformance)
    lines.push(`${where} ${colors.red('error')} ${formatConformanceIssue(issue, colors)}`);
  if (report.generationError !== undefined)
    lines.push(
      `${where} ${colors.red('error')} generation failed: ${report.generationError}${report.generationErrorCode === undefined ? '' : ` ${colors.dim(`[${report.generationErrorCode}]`)}`}`,
    );
  const terraformErrors =
    report.conformance.length + (report.generationError === undefined ? 0 : 1);
  const counted = [
    ...(report.issues.length > 0 || terraformErrors === 0 ? [countIssues(report.issues)] : []),
    ...(terraformErrors > 0
      ? [`${terraformErrors} Terraform error${terraformErrors === 1 ? '' : 's'}`]
      : []),
  ].join(', ');
  const verdict = hasErrors(report) ? colors.red('invalid') : colors.green('valid');
  const detail = report.issues.length + terraformErrors > 0 ? ` (${counted})` : '';
  const unchecked = report.specChecked ? '' : '; not checked until the platform config is fixed';
  lines.push(`${where}: ${verdict}${detail}${unchecked}`);
  return lines.join('\n') + '\n';
}

function jsonReport(report: ValidationReport) {
  return {
    file: report.file,
    ...(report.service === undefined ? {} : { service: report.service }),
    valid: !hasErrors(report),
    issues: report.issues,
    conformance: report.conformance,
    ...(report.generationError === undefined ? {} : { generationError: report.generationError }),
  };
}
