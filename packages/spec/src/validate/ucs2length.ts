/**
 * The length of a string in Unicode code points (a surrogate pair counts
 * once), as JSON Schema's minLength and maxLength count it. Called by the
 * precompiled validators in src/generated/.
 */
export function ucs2length(text: string): number {
  let length = 0;
  for (const _ of text) length++;
  return length;
}
