/**
 * A linear pre-scan of YAML text, run before the YAML parser: the parser
 * recurses once per nesting level and overflows the stack on deeply nested
 * input, and it resolves aliases slowly, so both are bounded here first.
 * The scan uses the parser's own lexer (iterative, one pass) and measures
 * an upper bound of the nesting depth from the columns of block indicators
 * plus the flow brackets open. It also reports the one syntax error the
 * parser recovers from by nesting ever deeper (a compact nested mapping).
 */
import { Lexer } from 'yaml';
import type { IssueInput } from '../yaml/yaml-document.js';
import { INPUT_LIMITS } from './input-limits.js';

/** A limit exceeded, with the character offset where it happened. */
export interface ScanFinding {
  readonly issue: IssueInput;
  readonly offset: number;
}

type Kind = 'map' | 'seq';

const CONTROL = new Set(['\u0002', '\u0018', '\u001f']);

interface Level {
  readonly column: number;
  readonly kind: Kind;
}

/** The findings of the pre-scan; empty when the text is within the limits. */
export function scanYaml(text: string, limits = INPUT_LIMITS): ScanFinding[] {
  if (text.length > limits.maxFileChars) {
    return [
      {
        offset: 0,
        issue: {
          code: 'file-too-large',
          path: [],
          message: `the file has ${text.length} characters, more than the ${limits.maxFileChars} msp reads`,
          hint: 'a service.yaml is a few kilobytes; check that this is the right file',
        },
      },
    ];
  }
  const findings: ScanFinding[] = [];
  const block: Level[] = [];
  let flow = 0;
  let aliases = 0;
  let offset = 0;
  let lineStart = 0;
  let keyColumn: number | undefined;
  let deepReported = false;
  let colonOnLine = false;
  let stop = false;
  const enter = (column: number, kind: Kind) => {
    for (let top = block.at(-1); top !== undefined; top = block.at(-1)) {
      if (top.column > column || (top.column === column && top.kind === 'seq' && kind === 'map'))
        block.pop();
      else break;
    }
    const top = block.at(-1);
    if (top === undefined || top.column < column || top.kind !== kind) block.push({ column, kind });
  };
  const checkDepth = () => {
    if (deepReported || block.length + flow <= limits.maxDepth) return;
    deepReported = true;
    findings.push({
      offset,
      issue: {
        code: 'nesting-too-deep',
        path: [],
        message: `mappings and lists are nested more than ${limits.maxDepth} levels deep`,
        hint: 'a service.yaml needs a handful of levels; flatten the structure',
      },
    });
  };
  for (const token of new Lexer().lex(text)) {
    // The lexer's control tokens (document start, scalar, flow end) stand for no text.
    if (CONTROL.has(token)) continue;
    const column = offset - lineStart;
    const first = token[0];
    if (token === '---' || token === '...') {
      block.length = 0;
      flow = 0;
    } else if (first === '[' || first === '{') {
      if (token.length === 1) flow++;
    } else if (first === ']' || first === '}') {
      if (token.length === 1) flow = Math.max(0, flow - 1);
    } else if (flow === 0 && token === '-') {
      enter(column, 'seq');
      keyColumn = undefined;
    } else if (flow === 0 && token === '?') {
      enter(column, 'map');
      keyColumn = undefined;
    } else if (flow === 0 && token === ':') {
      if (colonOnLine) {
        // A syntax error, and one the parser recovers from by nesting every later
        // sibling one level deeper: a few thousand lines after it overflow its stack.
        findings.push({
          offset,
          issue: {
            code: 'yaml-syntax',
            path: [],
            message: 'nested mappings are not allowed in compact mappings ("a: b: c")',
            hint: 'put the inner mapping on its own lines, indented under its key, or quote the value',
          },
        });
        stop = true;
      }
      colonOnLine = true;
      enter(keyColumn ?? column, 'map');
      keyColumn = undefined;
    } else if (first === '*') {
      aliases++;
    }
    if (
      keyColumn === undefined &&
      first !== undefined &&
      first > ' ' &&
      first !== '#' &&
      token !== '-' &&
      token !== '?' &&
      token !== ':'
    )
      keyColumn = column;
    checkDepth();
    if (deepReported || stop) break;
    offset += token.length;
    const newline = token.lastIndexOf('\n');
    if (newline >= 0) {
      lineStart = offset - token.length + newline + 1;
      keyColumn = undefined;
      colonOnLine = false;
    }
  }
  if (aliases > limits.maxAliases) {
    findings.push({
      offset: 0,
      issue: {
        code: 'too-many-aliases',
        path: [],
        message: `the file has ${aliases} aliases, more than the ${limits.maxAliases} allowed`,
        hint: 'use fewer anchors and aliases (*name); repeat small values instead',
      },
    });
  }
  return findings;
}
