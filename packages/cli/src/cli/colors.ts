/** ANSI styling that turns itself off when colours are not wanted. */
export interface Colors {
  readonly enabled: boolean;
  bold(text: string): string;
  dim(text: string): string;
  red(text: string): string;
  green(text: string): string;
  yellow(text: string): string;
  cyan(text: string): string;
}

function style(enabled: boolean, open: number, close: number): (text: string) => string {
  return enabled ? (text) => `\u001b[${open}m${text}\u001b[${close}m` : (text) => text;
}

export function createColors(enabled: boolean): Colors {
  return {
    enabled,
    bold: style(enabled, 1, 22),
    dim: style(enabled, 2, 22),
    red: style(enabled, 31, 39),
    green: style(enabled, 32, 39),
    yellow: style(enabled, 33, 39),
    cyan: style(enabled, 36, 39),
  };
}

/**
 * Colours are on only when stdout is a terminal, `NO_COLOR` is unset or empty
 * (https://no-color.org) and `--no-color` was not given.
 */
export function wantsColor(
  env: Readonly<Record<string, string | undefined>>,
  isTTY: boolean | undefined,
  flag: boolean | undefined,
): boolean {
  if (flag === false) return false;
  if (env['NO_COLOR'] !== undefined && env['NO_COLOR'] !== '') return false;
  if (flag === true) return true;
  return isTTY === true;
}
