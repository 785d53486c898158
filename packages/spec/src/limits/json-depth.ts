/**
 * Offset of the first bracket that nests JSON text deeper than `max`, or
 * undefined. One linear pass that skips strings: `JSON.parse` copes with deep
 * nesting, but `JSON.stringify` and every recursive walk of the result
 * overflow the stack.
 */
export function deepJsonOffset(text: string, max: number): number | undefined {
  let depth = 0;
  let inString = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (inString) {
      if (c === '\\') i++;
      else if (c === '"') inString = false;
    } else if (c === '"') inString = true;
    else if (c === '[' || c === '{') {
      if (++depth > max) return i;
    } else if (c === ']' || c === '}') depth--;
  }
  return undefined;
}
