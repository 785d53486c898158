import { LineCounter, parseDocument } from 'yaml';
import type { YAMLError } from 'yaml';
import type { IssueCode } from '../issues/issue-codes.js';
import type { FieldPath, SpecIssue } from '../issues/spec-issue.js';
import type { IssueInput, SourcePosition, YamlDocument } from './yaml-document.js';
import { issueIn } from './yaml-document.js';
import { locateOffset, scalarSource } from './locate.js';
import { toValue } from './to-value.js';

/**
 * Parses YAML text into a {@link YamlDocument}. Never throws on bad input:
 * syntax errors, duplicate keys, an empty file or a non-mapping document
 * become issues with positions.
 */
export function parseYaml(text: string, fileName: string): YamlDocument {
  const lineCounter = new LineCounter();
  const doc = parseDocument(text, {
    lineCounter,
    uniqueKeys: false,
    merge: true,
    prettyErrors: false,
  });
  const atOffset = (offset: number | undefined): SourcePosition | undefined => {
    if (offset === undefined) return undefined;
    const { line, col } = lineCounter.linePos(offset);
    return { line, column: col };
  };
  const position = (path: FieldPath, at: 'key' | 'value' = 'value') =>
    atOffset(locateOffset(doc, path, at));
  const located = { fileName, position };
  const source = (path: FieldPath) => scalarSource(doc, path);
  const issues: SpecIssue[] = [];
  const fromParser = (error: YAMLError, severity: 'error' | 'warning'): SpecIssue => {
    const where = atOffset(error.pos[0]);
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
  const value = toValue(doc, (input: IssueInput, offset?: number) => {
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
