/**
 * Finds the error and issue codes the sources use, for error-codes.test.ts,
 * by reading each file's syntax tree (no type checking):
 *
 * - thrown: the first argument of `new MspError(...)`, and of `super(...)` in
 *   a class that extends `MspError` directly;
 * - reported: a string in a `code: ...` property (issues, rules);
 * - either (`IssueCode` reported, `ErrorCode` thrown): a string returned by a
 *   function declared to return that type, or passed to a parameter of that
 *   type of a function declared in the same file;
 * - checked: the second argument of `isMspError(value, code)`.
 *
 * Strings are read through conditionals (`a ? 'x' : 'y'`), parentheses and
 * `as`/`satisfies`. A thrown code that is not a string in the source (a
 * variable) is a variable site, which the test lists as reviewed; a `code:`
 * property or `IssueCode` argument that is not a string passes on a code found
 * elsewhere and is not counted.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import ts from 'typescript';

export type SiteKind = 'thrown' | 'reported' | 'checked';

export interface CodeSite {
  readonly code: string;
  readonly kind: SiteKind;
  /** Repository-relative, with `/`. */
  readonly file: string;
  readonly line: number;
}

/** A thrown code the scanner cannot read: `expression` is its source text. */
export interface VariableSite {
  readonly file: string;
  readonly line: number;
  readonly expression: string;
}

export interface Scan {
  readonly sites: readonly CodeSite[];
  readonly variables: readonly VariableSite[];
}

/** The code types, and what a string of each is. */
const CODE_TYPES: ReadonlyMap<string, SiteKind> = new Map([
  ['IssueCode', 'reported'],
  ['ErrorCode', 'thrown'],
]);

/** The codes used in one TypeScript source text. */
export function scanSource(file: string, text: string): Scan {
  const source = ts.createSourceFile(file, text, ts.ScriptTarget.Latest, true);
  const sites: CodeSite[] = [];
  const variables: VariableSite[] = [];
  const lineOf = (node: ts.Node) =>
    source.getLineAndCharacterOfPosition(node.getStart(source)).line + 1;
  const add = (node: ts.Node, codes: readonly string[], kind: SiteKind) => {
    for (const code of codes) sites.push({ code, kind, file, line: lineOf(node) });
  };
  const codeArgument = (call: ts.Node, argument: ts.Expression | undefined, kind: SiteKind) => {
    const codes = argument === undefined ? undefined : strings(argument);
    if (codes !== undefined) add(argument ?? call, codes, kind);
    else
      variables.push({
        file,
        line: lineOf(argument ?? call),
        expression: argument?.getText(source) ?? '',
      });
  };

  const typeKind = (type: ts.TypeNode | undefined) =>
    type === undefined ? undefined : CODE_TYPES.get(type.getText(source));
  const codeParameters = codeParametersOf(source, typeKind);

  const visit = (node: ts.Node): void => {
    const callee =
      ts.isCallExpression(node) && ts.isIdentifier(node.expression)
        ? codeParameters.get(node.expression.text)
        : undefined;
    if (callee !== undefined && ts.isCallExpression(node)) {
      for (const [index, kind] of callee) {
        const argument = node.arguments[index];
        if (kind === 'thrown') codeArgument(node, argument, kind);
        else if (argument !== undefined) add(argument, someStrings(argument), kind);
      }
    }
    if (ts.isNewExpression(node) && isNamed(node.expression, 'MspError')) {
      codeArgument(node, node.arguments?.[0], 'thrown');
    } else if (
      ts.isCallExpression(node) &&
      node.expression.kind === ts.SyntaxKind.SuperKeyword &&
      extendsMspError(node)
    ) {
      codeArgument(node, node.arguments[0], 'thrown');
    } else if (
      ts.isCallExpression(node) &&
      isNamed(node.expression, 'isMspError') &&
      node.arguments.length > 1
    ) {
      codeArgument(node, node.arguments[1], 'checked');
    } else if (ts.isPropertyAssignment(node) && propertyName(node.name) === 'code') {
      add(node.initializer, someStrings(node.initializer), 'reported');
    } else if (ts.isFunctionLike(node)) {
      const kind = typeKind(node.type);
      if (kind !== undefined)
        for (const returned of returns(node)) add(returned, someStrings(returned), kind);
    }
    ts.forEachChild(node, visit);
  };
  visit(source);
  return { sites, variables };
}

/** Every `.ts` file under `packages/<name>/src`, tests and generated files left out. */
export function scanPackages(root: string): Scan {
  const sites: CodeSite[] = [];
  const variables: VariableSite[] = [];
  const packagesDir = join(root, 'packages');
  for (const name of readdirSync(packagesDir)) {
    for (const path of sourceFiles(join(packagesDir, name, 'src'))) {
      const scan = scanSource(
        relative(root, path).split('\\').join('/'),
        readFileSync(path, 'utf8'),
      );
      sites.push(...scan.sites);
      variables.push(...scan.variables);
    }
  }
  return { sites, variables };
}

function sourceFiles(dir: string): string[] {
  let entries;
  try {
    entries = readdirSync(dir, { withFileTypes: true });
  } catch {
    return [];
  }
  return entries.flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return entry.name === 'generated' ? [] : sourceFiles(path);
    return entry.name.endsWith('.ts') && !entry.name.endsWith('.test.ts') ? [path] : [];
  });
}

/** The strings an expression can be, or undefined when one of its values is not a string. */
function strings(expression: ts.Expression): string[] | undefined {
  if (ts.isStringLiteral(expression) || ts.isNoSubstitutionTemplateLiteral(expression))
    return [expression.text];
  if (ts.isConditionalExpression(expression)) {
    const yes = strings(expression.whenTrue);
    const no = strings(expression.whenFalse);
    return yes === undefined || no === undefined ? undefined : [...yes, ...no];
  }
  if (
    ts.isParenthesizedExpression(expression) ||
    ts.isAsExpression(expression) ||
    ts.isSatisfiesExpression(expression)
  )
    return strings(expression.expression);
  return undefined;
}

/** The strings among an expression's values (for pass-through positions). */
function someStrings(expression: ts.Expression): string[] {
  const all = strings(expression);
  if (all !== undefined) return all;
  if (ts.isConditionalExpression(expression))
    return [...someStrings(expression.whenTrue), ...someStrings(expression.whenFalse)];
  return [];
}

/** Functions declared in the file with parameters of a code type: name → parameter index → kind. */
function codeParametersOf(
  source: ts.SourceFile,
  typeKind: (type: ts.TypeNode | undefined) => SiteKind | undefined,
): Map<string, Map<number, SiteKind>> {
  const found = new Map<string, Map<number, SiteKind>>();
  const record = (name: string, fn: ts.SignatureDeclaration) => {
    const indexes = new Map<number, SiteKind>();
    fn.parameters.forEach((parameter, index) => {
      const kind = typeKind(parameter.type);
      if (kind !== undefined) indexes.set(index, kind);
    });
    if (indexes.size > 0) found.set(name, indexes);
  };
  const visit = (node: ts.Node): void => {
    if (ts.isFunctionDeclaration(node) && node.name !== undefined) record(node.name.text, node);
    else if (
      ts.isVariableDeclaration(node) &&
      ts.isIdentifier(node.name) &&
      node.initializer !== undefined &&
      (ts.isArrowFunction(node.initializer) || ts.isFunctionExpression(node.initializer))
    )
      record(node.name.text, node.initializer);
    ts.forEachChild(node, visit);
  };
  visit(source);
  return found;
}

function isNamed(expression: ts.Expression, name: string): boolean {
  return ts.isIdentifier(expression) && expression.text === name;
}

function propertyName(name: ts.PropertyName): string | undefined {
  return ts.isIdentifier(name) || ts.isStringLiteral(name) ? name.text : undefined;
}

function extendsMspError(node: ts.Node): boolean {
  let current: ts.Node | undefined = node.parent;
  while (current !== undefined && !ts.isClassLike(current)) current = current.parent;
  return (
    current?.heritageClauses?.some(
      (clause) =>
        clause.token === ts.SyntaxKind.ExtendsKeyword &&
        clause.types.some((type) => isNamed(type.expression, 'MspError')),
    ) ?? false
  );
}

/** The expressions a function returns, nested functions left out. */
function returns(fn: ts.SignatureDeclaration): ts.Expression[] {
  const body = (fn as { body?: ts.Node }).body;
  if (body === undefined) return [];
  if (!ts.isBlock(body)) return [body as ts.Expression];
  const found: ts.Expression[] = [];
  const visit = (node: ts.Node): void => {
    if (ts.isFunctionLike(node)) return;
    if (ts.isReturnStatement(node) && node.expression !== undefined) found.push(node.expression);
    ts.forEachChild(node, visit);
  };
  ts.forEachChild(body, visit);
  return found;
}

/**
 * The codes docs/reference/errors.md lists, each with the package whose
 * section lists it (issue codes are `spec`'s); `duplicates` lists codes listed twice.
 */
export function documentedCodes(markdown: string): {
  readonly codes: ReadonlyMap<string, string>;
  readonly duplicates: readonly string[];
} {
  const codes = new Map<string, string>();
  const duplicates: string[] = [];
  let section: string | undefined;
  for (const line of markdown.split('\n')) {
    const heading = /^#{2,3} (.+)$/.exec(line)?.[1];
    if (heading !== undefined) {
      section = heading === 'Issue codes' ? 'spec' : /^@msp\/([a-z-]+)$/.exec(heading)?.[1];
      continue;
    }
    const code = /^\| `([^`]+)` +\|/.exec(line)?.[1];
    if (code === undefined) continue;
    if (codes.has(code)) duplicates.push(code);
    codes.set(code, section ?? '(no package section)');
  }
  return { codes, duplicates };
}

/** A variable site reviewed by hand: the file and the expression, with why it is fine. */
export interface ReviewedSite {
  readonly file: string;
  readonly expression: string;
  readonly why: string;
}

export interface CodeComparison {
  /** Codes used (thrown, reported or checked) that the doc does not list. */
  readonly undocumented: readonly string[];
  /** Codes the doc lists that nothing throws or reports. */
  readonly unused: readonly string[];
  /** Codes listed under a package that does not throw or report them, as `code (package)`. */
  readonly misplaced: readonly string[];
  /** Codes listed twice. */
  readonly duplicates: readonly string[];
  /** Variable sites not in the reviewed list, as `file:line expression`. */
  readonly unreviewed: readonly string[];
  /** Reviewed entries that match no variable site any more. */
  readonly staleReviews: readonly string[];
  /** Codes that are not kebab-case. */
  readonly notKebabCase: readonly string[];
}

const KEBAB_CASE = /^[a-z][a-z0-9]*(-[a-z0-9]+)*$/;

/** Both directions between what the sources use and what the doc lists. */
export function compareCodes(
  scan: Scan,
  markdown: string,
  reviewed: readonly ReviewedSite[],
): CodeComparison {
  const { codes: documented, duplicates } = documentedCodes(markdown);
  const used = new Set(scan.sites.map((site) => site.code));
  const usedIn = (code: string, pkg: string) =>
    scan.sites.some(
      (site) =>
        site.code === code && site.kind !== 'checked' && site.file.startsWith(`packages/${pkg}/`),
    );
  const inUse = new Set(scan.sites.filter((s) => s.kind !== 'checked').map((s) => s.code));
  const matches = (site: VariableSite, review: ReviewedSite) =>
    site.file === review.file && site.expression === review.expression;
  return {
    undocumented: [...used].filter((code) => !documented.has(code)).sort(),
    unused: [...documented.keys()].filter((code) => !inUse.has(code)).sort(),
    misplaced: [...documented]
      .filter(([code, pkg]) => inUse.has(code) && !usedIn(code, pkg))
      .map(([code, pkg]) => `${code} (${pkg})`)
      .sort(),
    duplicates: [...duplicates].sort(),
    unreviewed: scan.variables
      .filter((site) => !reviewed.some((review) => matches(site, review)))
      .map((site) => `${site.file}:${site.line} ${site.expression}`),
    staleReviews: reviewed
      .filter((review) => !scan.variables.some((site) => matches(site, review)))
      .map((review) => `${review.file} ${review.expression}`),
    notKebabCase: [...new Set([...used, ...documented.keys()])]
      .filter((code) => !KEBAB_CASE.test(code))
      .sort(),
  };
}
