import { parseDocument } from 'yaml';
import type { Document, YAMLError } from 'yaml';
import type { IssueCode } from '../issues/issue-codes.js';
import type { FieldPath, SpecIssue } from '../issues/spec-issue.js';
import type { IssueInput, SourcePosition, YamlDocument } from './yaml-document.js';
import { issueIn } from './yaml-document.js';
import { anchorTable } from './anchors.js';
import { createLocator } from './locate.js';
import { toValue } from './to-value.js';
import { scanYaml } from '../limits/scan-yaml.js';

/**
 * Parses YAML text into a {@link YamlDocument}. Never throws on bad input:
 * syntax errors, duplicate keys, an empty file or a non-mapping document
 * become issues with positions, and so does input beyond the limits of
 * `INPUT_LIMITS` (checked before the YAML parser runs).
 */
export function parseYaml(text: string, fileName: string): YamlDocument {
  const at = offsetPositions(text);
  const findings = scanYaml(text);
  if (findings.length > 0) {
    return rejected(
      fileName,
      text,
      findings.map(({ issue, offset }) => ({ issue, position: at(offset) })),
    );
  }
  let doc: Document.Parsed;
  try {
    doc = parseDocument(text, { uniqueKeys: false, merge: true, prettyErrors: false });
  } catch (error) {
    // The pre-scan bounds what makes the parser recurse; this is the backstop.
    if (!(error instanceof RangeError)) throw error;
    return rejected(fileName, text, [{ issue: STACK_EXHAUSTED, position: at(0) }]);
  }
  const atOffset = (offset: number | undefined): SourcePosition | undefined => {
    return offset === undefined ? undefined : at(offset);
  };
  const anchors = anchorTable(doc);
  const locator = createLocator(doc, anchors);
  const position = (path: FieldPath, at: 'key' | 'value' = 'value') =>
    atOffset(locator.offset(path, at));
  const located = { fileName, position };
  const source = (path: FieldPath) => locator.scalarSource(path);
  const issues: SpecIssue[] = [];
  const fromParser = (error: YAMLError, severity: 'error' | 'warning'): SpecIssue => {
    const where = atOffset(error.pos[0]);
    // The composer catches its own stack overflow and reports it as a syntax error.
    if (/Maximum call stack size exceeded|Stack overflow/.test(error.message))
      return issueIn(located, {
        ...STACK_EXHAUSTED,
        ...(where === undefined ? {} : { position: where }),
      });
    return {
      code: parserCode(error, severity),
      severity,
      path: '',
      message: error.message.replace(/ at line \d+, column \d+:[\s\S]*$/, ''),
      file: fileName,
      ...(where === undefined ? {} : where),
    };
  };
  const seen = new Set<string>();
  for (const issue of [
    ...doc.errors.map((error) => fromParser(error, 'error')),
    ...doc.warnings.map((error) => fromParser(error, 'warning')),
  ]) {
    const key = `${issue.line}:${issue.column}:${issue.message}`;
    if (!seen.has(key)) issues.push(issue);
    seen.add(key);
  }
  if (issues.some((issue) => issue.severity === 'error')) {
    return { fileName, text, value: undefined, issues, position, scalarSource: source };
  }
  if (doc.contents === null) {
    issues.push({
      code: 'empty-document',
      severity: 'error',
      path: '',
      message: 'the file is empty',
      file: fileName,
      line: 1,
      column: 1,
    });
    return { fileName, text, value: undefined, issues, position, scalarSource: source };
  }
  const value = toValue(doc, anchors, (input: IssueInput, offset?: number) => {
    const at = atOffset(offset);
    issues.push(issueIn(located, at === undefined ? input : { ...input, position: at }));
  });
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    issues.push(
      issueIn(located, {
        code: 'not-a-mapping',
        path: [],
        message: `the document must be a mapping of fields, not ${describeValue(value)}`,
        hint: 'start with top-level keys such as "service:"',
      }),
    );
    return { fileName, text, value: undefined, issues, position, scalarSource: source };
  }
  return {
    fileName,
    text,
    value: value as Record<string, unknown>,
    issues,
    position,
    scalarSource: source,
  };
}

const STACK_EXHAUSTED: IssueInput = {
  code: 'nesting-too-deep',
  path: [],
  message: 'the YAML parser ran out of stack: the input nests too deeply',
  hint: 'a service.yaml needs a handful of levels; flatten the structure',
};

/** A document with nothing to validate: only the issues that stopped it. */
function rejected(
  fileName: string,
  text: string,
  found: readonly { issue: IssueInput; position: SourcePosition }[],
): YamlDocument {
  return {
    fileName,
    text,
    value: undefined,
    issues: found.map(({ issue, position }) =>
      issueIn({ fileName, position: () => position }, { ...issue, position }),
    ),
    position: () => ({ line: 1, column: 1 }),
    scalarSource: () => undefined,
  };
}

/**
 * Line and column of a character offset (clamped to the text). The yaml
 * package's LineCounter misses line breaks inside multi-line scalars of
 * broken documents, so lines are indexed here, once, when first needed.
 */
function offsetPositions(text: string): (offset: number) => SourcePosition {
  let starts: number[] | undefined;
  return (offset) => {
    if (starts === undefined) {
      starts = [0];
      for (let i = text.indexOf('\n'); i >= 0; i = text.indexOf('\n', i + 1)) starts.push(i + 1);
    }
    const at = Math.max(0, Math.min(offset, text.length));
    let low = 0;
    let high = starts.length - 1;
    while (low < high) {
      const mid = (low + high + 1) >> 1;
      if ((starts[mid] ?? 0) <= at) low = mid;
      else high = mid - 1;
    }
    return { line: low + 1, column: at - (starts[low] ?? 0) + 1 };
  };
}

function parserCode(error: YAMLError, severity: 'error' | 'warning'): IssueCode {
  if (error.code === 'MULTIPLE_DOCS') return 'multiple-documents';
  if (error.code === 'DUPLICATE_KEY') return 'duplicate-key';
  return severity === 'error' ? 'yaml-syntax' : 'yaml-warning';
}

export function describeValue(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'a list';
  if (typeof value === 'object') return 'a mapping';
  return `a ${typeof value}`;
}
